package io.edxstack.backup;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RestoreGuardTest {
    @Test
    void check_standby_allowsWithoutWarning() {
        assertEquals(Optional.empty(), RestoreGuard.check("standby", false, "campus"));
        assertEquals(Optional.empty(), RestoreGuard.check(" Standby ", false, "campus"));
    }

    @Test
    void check_active_refusesWithReasonAndFix() {
        RestoreRefusedException e = assertThrows(RestoreRefusedException.class,
                () -> RestoreGuard.check("active", false, "campus"));
        assertTrue(e.getMessage().contains("active stack"), e.getMessage());
        assertTrue(e.getMessage().contains("--force"), e.getMessage());
    }

    @Test
    void check_missingOrUnknownRole_refuses() {
        RestoreRefusedException missing = assertThrows(RestoreRefusedException.class,
                () -> RestoreGuard.check(null, false, "campus"));
        assertTrue(missing.getMessage().contains("not set"), missing.getMessage());
        assertTrue(missing.getMessage().contains("EDXSTACK_STACK_ROLE"), missing.getMessage());
        RestoreRefusedException unknown = assertThrows(RestoreRefusedException.class,
                () -> RestoreGuard.check("stanby", false, "campus"));
        assertTrue(unknown.getMessage().contains("'stanby'"), unknown.getMessage());
    }

    @Test
    void check_activeWithForce_proceedsWithWarning() {
        Optional<String> warning = RestoreGuard.check("active", true, "campus");
        assertTrue(warning.orElseThrow().contains("--force"));
    }
}
