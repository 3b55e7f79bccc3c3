package io.edxstack.backup.schedule;

/**
 * A platform database the agent dumps and restores, as the platform runs it (in-cluster or external).
 *
 * @param kind           {@code mysql} or {@code mongodb}, the agent's database argument
 * @param host           service name or external host
 * @param port           TCP port
 * @param user           the account the agent connects as
 * @param database       the database (schema) holding the platform's data
 * @param passwordSecret Kubernetes Secret in the platform's namespace holding the password
 * @param passwordKey    key of the password in that Secret
 */
public record DatabaseTarget(String kind, String host, int port, String user, String database,
                             String passwordSecret, String passwordKey) {
}
