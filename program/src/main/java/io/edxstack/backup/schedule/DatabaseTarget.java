package io.edxstack.backup.schedule;

import io.edxstack.backup.contract.DatabaseKind;

/**
 * A platform database the agent dumps and restores, as the platform runs it (in-cluster or external).
 *
 * @param kind           which database, its label the agent's database argument
 * @param host           service name or external host
 * @param port           TCP port
 * @param user           the account the agent connects as, or empty when the Secret holds it
 * @param database       the database (schema) holding the platform's data
 * @param passwordSecret Kubernetes Secret in the platform's namespace holding the password
 * @param passwordKey    key of the password in that Secret
 */
public record DatabaseTarget(DatabaseKind kind, String host, int port, java.util.Optional<String> user, String database,
                             String passwordSecret, String passwordKey) {
    /** Key of the account name in {@code passwordSecret}, when {@code user} is empty (external databases). */
    public static final String USERNAME_KEY = "username";
}
