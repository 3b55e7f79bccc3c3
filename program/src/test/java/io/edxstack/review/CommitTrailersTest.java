package io.edxstack.review;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.edxstack.review.guard.AllowReplaceFooters;
import io.edxstack.review.guard.CommitTrailers;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CommitTrailersTest {

    private static final String PROMOTION = """
            failover: promote prod-dr

            RegionOne is down since 03:10. Nothing here mentions
            Region-Down: prod-dr in the body, which must not count.

            Region-Down: prod-primary
            Allow-Replace: demo-media
            Change-Id: I5d2c0b1e7a8f9c3d4e6b2a1f0c9d8e7b6a5f4c3d
            """;

    @Test
    void regionDown_onlyTheTrailerBlockCounts() {
        assertEquals(Set.of("prod-primary"), CommitTrailers.parse(PROMOTION).values("Region-Down"));
    }

    @Test
    void regionDown_inTheBodyOnly_isNothing() {
        String message = "fix: thing\n\nRegion-Down: prod-primary\nis what we would write.\n\nChange-Id: I1\n";

        assertEquals(Set.of(), CommitTrailers.parse(message).values("Region-Down"));
    }

    @Test
    void allowReplaceAndRegionDown_readTheSameTrailers() {
        assertEquals(Set.of("demo-media"), AllowReplaceFooters.parse(PROMOTION).allowed());
        assertEquals(Set.of("prod-primary", "prod-dr"),
                CommitTrailers.parse("x\n\nregion-down: prod-primary, prod-dr\n").values("Region-Down"));
    }
}
