package io.edxstack.config;

import java.util.Locale;

/** What a stack does for its platforms: serve them, or hold a restored copy ready for failover. */
public enum Role {
    ACTIVE, STANDBY;

    public String configValue() {
        return name().toLowerCase(Locale.ROOT);
    }
}
