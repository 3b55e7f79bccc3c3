package io.edxstack.backup;

import io.edxstack.backup.contract.AgentEnv;
import io.edxstack.backup.contract.StackRole;
import java.util.Optional;

/**
 * Restores replace a platform's data, so they run on standby stacks only. An active stack (serving learners) or
 * one whose role is missing or unknown is refused unless the operator passes --force, having decided that
 * overwriting it is what they want.
 */
public final class RestoreGuard {
    private RestoreGuard() {
    }

    /** Returns a warning to log when --force overrode a refusal, empty when the restore may simply go ahead. */
    public static Optional<String> check(String roleText, boolean force, String platform) {
        Optional<StackRole> role = StackRole.parse(roleText);
        if (role.isPresent() && role.get() == StackRole.STANDBY) {
            return Optional.empty();
        }
        String reason = role.isPresent()
                ? "platform " + platform + " runs on the active stack, where a restore overwrites the data learners use"
                : roleText == null || roleText.isBlank()
                        ? "the stack role is not set, so it is unknown whether platform " + platform + " serves learners"
                        : "stack role '" + roleText + "' is neither active nor standby";
        if (!force) {
            throw new RestoreRefusedException("restore refused: " + reason + ", perhaps set --stack-role / "
                    + AgentEnv.STACK_ROLE + " to standby, or pass --force if overwriting it is intended");
        }
        return Optional.of("restoring despite: " + reason + " (--force)");
    }
}
