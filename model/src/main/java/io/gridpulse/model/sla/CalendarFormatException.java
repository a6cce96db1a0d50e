package io.gridpulse.model.sla;

/**
 * A calendar file could not be read; the message names the file and the line so an administrator
 * can fix it.
 */
public final class CalendarFormatException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String source;
    private final int line;
    private final String problem;

    CalendarFormatException(String source, int line, String problem) {
        super(source + (line > 0 ? " line " + line : "") + ": " + problem);
        this.source = source;
        this.line = line;
        this.problem = problem;
    }

    /** A problem with a file as a whole (line 0) or one of its lines, for checks made outside the parser. */
    public static CalendarFormatException of(String source, int line, String problem) {
        return new CalendarFormatException(source, line, problem);
    }

    /** The name the file was loaded under. */
    public String source() {
        return source;
    }

    /** The 1-based line at fault, or 0 when the problem is the file as a whole. */
    public int line() {
        return line;
    }

    /** What is wrong, without the file name and line. */
    public String problem() {
        return problem;
    }
}
