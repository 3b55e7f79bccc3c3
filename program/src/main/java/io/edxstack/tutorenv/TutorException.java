package io.edxstack.tutorenv;

/** Tutor could not be installed or could not render; the message says what and, where it can, how to fix it. */
public final class TutorException extends RuntimeException {
    public TutorException(String message) {
        super(message);
    }

    public TutorException(String message, Throwable cause) {
        super(message, cause);
    }
}
