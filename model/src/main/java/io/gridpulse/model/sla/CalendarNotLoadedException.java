package io.gridpulse.model.sla;

import java.util.List;
import java.util.SortedSet;
import java.util.stream.Collectors;

/**
 * A working-day question reached a year the calendar has no State Council notice for; the
 * calendar never guesses, so the administrator must load that year's file.
 */
public final class CalendarNotLoadedException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    private final int year;
    private final List<Integer> loadedYears;

    CalendarNotLoadedException(int year, SortedSet<Integer> loadedYears) {
        super("no working-day calendar is loaded for " + year + " (loaded: "
                + (loadedYears.isEmpty() ? "none" : loadedYears.stream().map(String::valueOf)
                        .collect(Collectors.joining(", ")))
                + "); load the State Council holiday notice for " + year
                + " with WorkingDayCalendar.load");
        this.year = year;
        this.loadedYears = List.copyOf(loadedYears);
    }

    /** The year that is not loaded. */
    public int year() {
        return year;
    }

    /** The years the calendar does cover, ascending. */
    public List<Integer> loadedYears() {
        return loadedYears;
    }
}
