package io.edxstack.failover;

/** Both regions would serve (and write) the same platforms: refused before any resource is registered. */
public final class SplitBrainException extends RuntimeException {
    public SplitBrainException(String message) {
        super(message);
    }
}
