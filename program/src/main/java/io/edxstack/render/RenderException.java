package io.edxstack.render;

/** The program itself failed while rendering (not a config problem, which is reported before). */
public final class RenderException extends RuntimeException {
    public RenderException(String message, Throwable cause) {
        super(message, cause);
    }
}
