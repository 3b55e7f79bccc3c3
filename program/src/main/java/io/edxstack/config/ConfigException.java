package io.edxstack.config;

import java.util.List;
import java.util.stream.Collectors;

/** Invalid stack config or catalogue; carries every problem found, each naming its file and key. */
public final class ConfigException extends RuntimeException {
    private final transient List<Problem> problems;

    public ConfigException(List<Problem> problems) {
        super(describe(problems));
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }

    private static String describe(List<Problem> problems) {
        String header = problems.size() == 1 ? "1 configuration problem" : problems.size() + " configuration problems";
        return header + ", nothing was changed:\n" + problems.stream()
                .map(p -> "  - " + p)
                .collect(Collectors.joining("\n"));
    }
}
