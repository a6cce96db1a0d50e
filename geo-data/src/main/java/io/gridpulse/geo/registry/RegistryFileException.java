package io.gridpulse.geo.registry;

import java.util.List;
import java.util.stream.Collectors;

/** Registry files that cannot be used, with every problem found in them (not only the first). */
public final class RegistryFileException extends IllegalArgumentException {

    private static final int LISTED = 50;

    private final List<Problem> problems;

    RegistryFileException(List<Problem> problems) {
        super(message(problems));
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }

    /**
     * One problem: the file's name, its 1-based line (0 for the file as a whole) and the column's
     * header name (null when the problem is not one column's).
     */
    public record Problem(String file, int line, String column, String message) {
        @Override
        public String toString() {
            return file + (line > 0 ? " line " + line : "") + (column == null ? "" : ", column " + column) + ": " + message;
        }
    }

    private static String message(List<Problem> problems) {
        var listed = problems.stream().limit(LISTED).map(p -> "  " + p).collect(Collectors.joining("\n"));
        var more = problems.size() > LISTED ? "\n  ... and " + (problems.size() - LISTED) + " more" : "";
        return "registry: " + problems.size() + (problems.size() == 1 ? " problem" : " problems") + "\n" + listed + more;
    }
}
