package io.edxstack.review;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.edxstack.review.guard.AllowReplaceFooters;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AllowReplaceFootersTest {

    @Test
    void parse_severalFootersAnyKeyCase_collectsEveryName() {
        AllowReplaceFooters footers = AllowReplaceFooters.parse("""
                Replace demo storage

                Body text.

                Allow-Replace: demo-media
                ALLOW-REPLACE: demo-mysql, demo-mongodb
                Signed-off-by: Ops <ops@example.org>
                Change-Id: I0123456789abcdef0123456789abcdef01234567
                """);

        assertEquals(Set.of("demo-media", "demo-mysql", "demo-mongodb"), footers.allowed());
    }

    @Test
    void parse_footerInBodyProse_allowsNothing() {
        AllowReplaceFooters footers = AllowReplaceFooters.parse("""
                Replace demo storage

                Allow-Replace: demo-media
                would be needed here, but we keep the volume.

                Change-Id: I0123456789abcdef0123456789abcdef01234567
                """);

        assertEquals(Set.of(), footers.allowed());
    }

    @Test
    void parse_subjectOnly_allowsNothing() {
        assertEquals(Set.of(), AllowReplaceFooters.parse("Allow-Replace: demo-media").allowed());
    }

    @Test
    void allowing_matchesNameOrUrnExactly() {
        AllowReplaceFooters footers = AllowReplaceFooters.parse("Subject\n\nAllow-Replace: demo-media\n");

        assertEquals(Optional.of("demo-media"), footers.allowing("demo-media", "urn:pulumi:x::y::t::demo-media"));
        assertEquals(Optional.empty(), footers.allowing("demo-media-2", "urn:pulumi:x::y::t::demo-media-2"));
    }
}
