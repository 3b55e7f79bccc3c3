package io.edxstack.failover;

import io.edxstack.backup.contract.DatabaseKind;

/** One database of one platform, as the failover check asks about it. */
public record PlatformDatabase(String platform, DatabaseKind kind) {
    @Override
    public String toString() {
        return platform + "/" + kind.label();
    }
}
