package io.gridpulse.geo.region;

import java.util.List;
import java.util.stream.Collectors;

/** A region file that cannot be used, with every problem found in it (not only the first). */
public final class RegionFileException extends IllegalArgumentException {

    private static final int LISTED = 50;

    private final String source;
    private final List<Problem> problems;

    RegionFileException(String source, List<Problem> problems) {
        super(message(source, problems));
        this.source = source;
        this.problems = List.copyOf(problems);
    }

    /** The name of the file (or stream) that was read. */
    public String source() {
        return source;
    }

    public List<Problem> problems() {
        return problems;
    }

    /**
     * One problem: {@code feature} is the 0-based index in the {@code features} array (-1 for the file as a
     * whole), {@code code} the feature's code when it has a readable one (else null).
     */
    public record Problem(int feature, String code, String message) {
        @Override
        public String toString() {
            if (feature < 0) {
                return message;
            }
            return "feature " + feature + (code == null ? "" : " (" + code + ")") + ": " + message;
        }
    }

    private static String message(String source, List<Problem> problems) {
        var listed = problems.stream().limit(LISTED).map(p -> "  " + p).collect(Collectors.joining("\n"));
        var more = problems.size() > LISTED ? "\n  ... and " + (problems.size() - LISTED) + " more" : "";
        return source + ": " + problems.size() + (problems.size() == 1 ? " problem" : " problems") + "\n" + listed + more;
    }
}
