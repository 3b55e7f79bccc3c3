package io.edxstack.program;

/** The Pulumi program: config, then components, then resources. */
public final class EdxstackProgram {
    private EdxstackProgram() {
    }

    public static void runUnderEngine() {
        throw new UnsupportedOperationException("not yet wired");
    }
}
