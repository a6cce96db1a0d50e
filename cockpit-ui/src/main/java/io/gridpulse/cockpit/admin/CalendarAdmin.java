package io.gridpulse.cockpit.admin;

import io.gridpulse.cockpit.CockpitContext;
import io.gridpulse.cockpit.security.AccessDenied;
import io.gridpulse.cockpit.security.CockpitUser;
import io.gridpulse.cockpit.security.Permission;
import io.gridpulse.model.sla.CalendarCheck;
import io.gridpulse.model.sla.DeadlineCalculator;
import io.gridpulse.model.sla.SlaPolicy;
import io.gridpulse.model.sla.StatutoryHolidays;
import io.gridpulse.model.sla.WorkingDayCalendar;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * The working-day calendar as an administrator of the whole region keeps it: the years in force and where each comes
 * from, a year's file checked (every problem with its line, and warnings against the statutory holidays) and previewed
 * before it is put in force, then written to the calendar folder (GP_CALENDAR_DIR), where the cockpit, the edge and
 * the stream job read it within seconds, and audited. The year a file replaces is kept beside it. The screen service
 * of {@link CalendarView}.
 */
public final class CalendarAdmin {
    /** The largest year file accepted: a year has 366 days, each a short line. */
    public static final int MAX_BYTES = 64 * 1024;
    private final CockpitContext context;
    private final CockpitUser admin;

    /** One year in force: its days off on weekdays and make-up working days, and the file it comes from (null: shipped). */
    public record Year(int year, long daysOff, long makeUpDays, Path file) {
    }

    public CalendarAdmin(CockpitContext context, CockpitUser admin) {
        if (!admin.may(Permission.MANAGE_RULES)) {
            throw new AccessDenied("the role " + admin.role().wireName() + " lacks " + Permission.MANAGE_RULES);
        }
        if (context.region().roots().stream().noneMatch(r -> r.code().equals(admin.scope()))) {
            throw new AccessDenied("the calendar is the whole region's: " + admin.name() + "'s scope " + admin.scope() + " is not");
        }
        this.context = context;
        this.admin = admin;
    }

    /** The years in force, oldest first. */
    public List<Year> years() {
        var calendar = context.calendars().calendar();
        var files = context.calendars().files();
        var out = new ArrayList<Year>();
        for (var year : calendar.years()) {
            long off = 0;
            long makeUp = 0;
            for (var day = LocalDate.of(year, 1, 1); day.getYear() == year; day = day.plusDays(1)) {
                var weekend = day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
                var working = calendar.isWorkingDay(day);
                off += !weekend && !working ? 1 : 0;
                makeUp += weekend && working ? 1 : 0;
            }
            out.add(new Year(year, off, makeUp, files.get(year)));
        }
        return out;
    }

    /** The first year from today on that no file covers: clocks reaching into it are provisional. */
    public int firstMissingYear() {
        var calendar = context.calendars().calendar();
        int year = context.today().getYear();
        while (calendar.covers(year)) {
            year++;
        }
        return year;
    }

    /** Why these problems: the folder's files that were left out at the last read. */
    public List<String> folderProblems() {
        return context.calendars().problems();
    }

    /**
     * A file to start a year from: the year, the statutory holidays the law fixes as days off, and where the notice's
     * bridging days and make-up working days go.
     */
    public static String template(int year) {
        var text = new StringBuilder();
        text.append("# ").append(year).append(" 年节假日安排：以国务院办公厅关于").append(year).append("年部分节假日安排的通知为准\n");
        text.append("# the State Council's holiday notice for ").append(year).append(" is the authority; format: calendar/README.txt\n");
        text.append("year ").append(year).append('\n');
        text.append("# 法定节假日（按《全国年节及纪念日放假办法》推算；请按通知补上连休日和调休上班日）\n");
        if (year >= StatutoryHolidays.FIRST_YEAR && year <= StatutoryHolidays.LAST_YEAR) {
            StatutoryHolidays.of(year).forEach((date, name) -> text.append(date).append(" off ").append(name).append('\n'));
        }
        text.append("# 调休上班日示例 / a make-up working day: yyyy-MM-dd work 春节调休上班\n");
        return text.toString();
    }

    public CalendarCheck check(String text) {
        if (text.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            return new CalendarCheck(0, List.of(), List.of(tooLarge()));
        }
        return CalendarCheck.of(text, "upload");
    }

    /**
     * The deadline a clock of this policy started at {@code from} gets with the file in force, beside the one it gets
     * now: what loading the year changes.
     */
    public DeadlineCalculator.Schedule[] preview(String text, SlaPolicy policy, Instant from) {
        var now = new DeadlineCalculator(context.calendars().calendar(), context.zone()).schedule(from, policy.limit(), policy.warning());
        var with = new DeadlineCalculator(context.calendars().calendar().with(load(text)), context.zone())
                .schedule(from, policy.limit(), policy.warning());
        return new DeadlineCalculator.Schedule[] {now, with};
    }

    /**
     * Puts the year in force: written to the calendar folder as {@code cn-<year>.txt} (a file it replaces is kept as
     * {@code .bak} with the time), audited with the file's SHA-256.
     *
     * @throws IllegalArgumentException when the file has problems, or there is no calendar folder
     */
    public Path apply(String text) {
        var checked = check(text);
        if (!checked.ok()) {
            throw new IllegalArgumentException("the file has problems: " + checked.problems().getFirst().getMessage());
        }
        var folder = context.calendars().folder();
        if (folder == null) {
            throw new IllegalArgumentException("no calendar folder is configured (GP_CALENDAR_DIR)");
        }
        try {
            Files.createDirectories(folder);
            var target = folder.resolve("cn-" + checked.year() + ".txt");
            var stamp = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(context.zone()).format(context.clock().instant());
            if (Files.exists(target)) {
                Files.move(target, folder.resolve("cn-" + checked.year() + ".txt." + stamp + ".bak"), StandardCopyOption.REPLACE_EXISTING);
            }
            var temporary = Files.createTempFile(folder, ".cn-" + checked.year(), ".tmp");
            Files.writeString(temporary, text, StandardCharsets.UTF_8);
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            context.audit().append(admin.name(), "calendar_loaded", "year " + checked.year() + ": " + checked.daysOff()
                    + " days off, " + checked.makeUpDays() + " make-up days, sha256 "
                    + io.gridpulse.model.keys.KeyMaterial.sha256Hex(text) + " -> " + target.getFileName());
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the year to " + folder, e);
        }
    }

    private static WorkingDayCalendar load(String text) {
        try {
            return WorkingDayCalendar.load(new StringReader(text), "upload");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static io.gridpulse.model.sla.CalendarFormatException tooLarge() {
        return io.gridpulse.model.sla.CalendarFormatException.of("upload", 0, "the file is larger than " + MAX_BYTES / 1024
                + " KiB; a year file is one short line a listed day");
    }
}
