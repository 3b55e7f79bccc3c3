package io.edxstack.review;

import java.nio.file.Path;

/** An input of the review (preview JSON, desired diff, render, commit message) cannot be used. */
public final class ReviewInputException extends RuntimeException {

    private final transient Path file;

    public ReviewInputException(Path file, String problem) {
        super(file + ": " + problem);
        this.file = file;
    }

    public ReviewInputException(Path file, String problem, Throwable cause) {
        super(file + ": " + problem, cause);
        this.file = file;
    }

    public Path file() {
        return file;
    }
}
