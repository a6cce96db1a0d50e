package io.gridpulse.model.sla;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The working-day calendar a running system counts on: the years shipped with the product, and the year files an
 * operator puts in a folder ({@code GP_CALENDAR_DIR}; the format of {@code calendar/README.txt}, one year a file,
 * named as they like with {@code .txt}). The folder is read at start and again whenever a file in it changed,
 * looked at most once every {@link #CHECK_EVERY}. A year from the folder replaces the shipped one. A file that does
 * not read is left out whole, with the reason in {@link #problems()}, and the years of the other files stay.
 */
public final class CalendarDirectory {
    /** How often, at most, the folder is looked at for changes. */
    public static final Duration CHECK_EVERY = Duration.ofSeconds(5);
    private final Path folder;
    private final Consumer<String> report;
    private final Duration checkEvery;
    private long checkedAt = Long.MIN_VALUE;
    private Map<Path, Long> seen = Map.of();
    private WorkingDayCalendar calendar = WorkingDayCalendar.mainland();
    private List<String> problems = List.of();
    private Map<Integer, Path> files = Map.of();

    private CalendarDirectory(Path folder, Consumer<String> report, Duration checkEvery) {
        this.folder = folder;
        this.report = report;
        this.checkEvery = checkEvery;
    }

    /** The shipped years and those of the folder (which need not exist yet); null for the shipped years only. */
    public static CalendarDirectory of(Path folder) {
        return of(folder, message -> { });
    }

    /** The same, telling {@code report} (a log, say) what each read of the folder found, one sentence at a time. */
    public static CalendarDirectory of(Path folder, Consumer<String> report) {
        return new CalendarDirectory(folder, report, CHECK_EVERY);
    }

    /** The same, the folder looked at for changes at most once every {@code checkEvery}. */
    public static CalendarDirectory of(Path folder, Consumer<String> report, Duration checkEvery) {
        return new CalendarDirectory(folder, report, checkEvery);
    }

    /** The calendar now, with any change to the folder read in. */
    public synchronized WorkingDayCalendar calendar() {
        refresh();
        return calendar;
    }

    /** Why files of the folder were left out at the last read, one sentence each; empty when all read. */
    public synchronized List<String> problems() {
        refresh();
        return problems;
    }

    /** The years the folder gives, with the file each comes from (the others are shipped). */
    public synchronized Map<Integer, Path> files() {
        refresh();
        return files;
    }

    /** The folder followed, or null. */
    public Path folder() {
        return folder;
    }

    private void refresh() {
        if (folder == null) {
            return;
        }
        long now = System.nanoTime();
        if (checkedAt != Long.MIN_VALUE && now - checkedAt < checkEvery.toNanos()) {
            return;
        }
        checkedAt = now;
        var files = listing();
        if (files.equals(seen)) {
            return;
        }
        seen = files;
        var loaded = WorkingDayCalendar.mainland();
        var found = new ArrayList<String>();
        var fromFolder = new TreeMap<Integer, Path>();
        for (var file : files.keySet()) {
            try (var reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                var year = WorkingDayCalendar.load(reader, file.getFileName().toString());
                var declared = year.years().first();
                var earlier = fromFolder.put(declared, file);
                if (earlier != null) {
                    found.add(file.getFileName() + ": " + declared + " is also declared by " + earlier.getFileName()
                            + "; " + file.getFileName() + " is used");
                }
                loaded = loaded.with(year);
            } catch (CalendarFormatException e) {
                found.add(e.getMessage());
            } catch (IOException | UncheckedIOException e) {
                found.add(file.getFileName() + ": could not be read: " + e.getMessage());
            }
        }
        calendar = loaded;
        problems = List.copyOf(found);
        this.files = Map.copyOf(fromFolder);
        report.accept("working-day calendar: years " + calendar.years() + ", " + fromFolder.keySet() + " from " + folder);
        for (var problem : problems) {
            report.accept("calendar file left out: " + problem);
        }
    }

    /** The folder's year files by last modification; empty when it does not exist. */
    private Map<Path, Long> listing() {
        if (!Files.isDirectory(folder)) {
            return Map.of();
        }
        var out = new TreeMap<Path, Long>();
        try (Stream<Path> entries = Files.list(folder)) {
            for (var file : entries.filter(f -> f.getFileName().toString().endsWith(".txt") && Files.isRegularFile(f)).toList()) {
                out.put(file, Files.getLastModifiedTime(file).toMillis() ^ Files.size(file) << 40);
            }
        } catch (IOException e) {
            report.accept("calendar folder " + folder + " could not be listed: " + e.getMessage());
            return seen;
        }
        return out;
    }
}
