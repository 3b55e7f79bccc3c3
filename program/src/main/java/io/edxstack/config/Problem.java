package io.edxstack.config;

/**
 * One thing wrong with the operator's input.
 *
 * @param where   the file (or {@code Pulumi.<stack>.yaml}) the value came from
 * @param key     the key at fault, e.g. {@code edxstack:cluster.masterCount} or {@code hosts.lms}
 * @param message what is wrong and, where it helps, the fix
 */
public record Problem(String where, String key, String message) {

    @Override
    public String toString() {
        return where + ": " + key + ": " + message;
    }
}
