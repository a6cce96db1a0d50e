package io.gridpulse.cockpit.admin;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.UploadHandler;
import io.gridpulse.cockpit.CockpitContext;
import io.gridpulse.cockpit.security.Permission;
import io.gridpulse.cockpit.security.Requires;
import io.gridpulse.cockpit.security.SignedIn;
import io.gridpulse.cockpit.shell.Languages;
import io.gridpulse.cockpit.shell.MainLayout;
import io.gridpulse.model.sla.CalendarCheck;
import io.gridpulse.model.sla.DeadlineCalculator;
import io.gridpulse.model.sla.SlaPolicies;
import io.gridpulse.model.sla.SlaPolicy;

import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * {@code /admin/calendar}: the working-day calendar of the whole region. Which years are in force and where each comes
 * from; a year that is missing (clocks reaching into it are provisional until it is loaded); a year's file uploaded or
 * typed (a template with the statutory holidays to start from), checked with every problem and warning listed,
 * previewed month by month and against a deadline, then put in force and audited.
 */
@Route(value = "admin/calendar", layout = MainLayout.class)
@Requires(Permission.MANAGE_RULES)
@StyleSheet("styles/admin.css")
public final class CalendarView extends VerticalLayout implements HasDynamicTitle {
    private final CockpitContext context = CockpitContext.get();
    private final CalendarAdmin calendars = new CalendarAdmin(context, SignedIn.required());
    private final Grid<CalendarAdmin.Year> years = new Grid<>();
    private final TextArea text = new TextArea();
    private final Div result = new Div();
    private final Button apply = new Button();
    private final Select<SlaPolicy> policy = new Select<>();
    private final DateTimePicker from = new DateTimePicker();
    private final Div preview = new Div();
    /** The text last checked without problems: only that may be put in force. */
    private String checkedText;

    public CalendarView() {
        setWidthFull();
        var missing = calendars.firstMissingYear();
        var notice = new Paragraph(getTranslation("calendar.missing", String.valueOf(missing)));
        notice.setId("calendar-missing");
        notice.addClassName("gp-notice");

        years.setId("calendar-years");
        years.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        years.setAllRowsVisible(true);
        years.addColumn(y -> String.valueOf(y.year())).setHeader(getTranslation("calendar.year")).setAutoWidth(true).setFlexGrow(0);
        years.addColumn(y -> y.file() == null ? getTranslation("calendar.source.shipped")
                : getTranslation("calendar.source.file", y.file().getFileName().toString())).setHeader(getTranslation("calendar.source"));
        years.addColumn(CalendarAdmin.Year::daysOff).setHeader(getTranslation("calendar.days-off")).setAutoWidth(true).setFlexGrow(0);
        years.addColumn(CalendarAdmin.Year::makeUpDays).setHeader(getTranslation("calendar.make-up")).setAutoWidth(true).setFlexGrow(0);

        var folderProblems = new UnorderedList();
        folderProblems.addClassName("gp-problems");
        calendars.folderProblems().forEach(p -> folderProblems.add(new ListItem(p)));

        var ui = UI.getCurrent();
        var upload = io.gridpulse.cockpit.shell.Uploads.oneFile("calendar-upload", CalendarAdmin.MAX_BYTES,
                getTranslation("calendar.upload"), ".txt", "text/plain");
        upload.setUploadHandler(UploadHandler.inMemory((metadata, bytes) -> ui.access(() -> {
            text.setValue(new String(bytes, StandardCharsets.UTF_8));
            check();
        })));
        text.setId("calendar-text");
        text.addClassName("gp-calendar-text");
        text.setLabel(getTranslation("calendar.text"));
        text.setWidthFull();
        text.setMinRows(10);
        text.setMaxRows(24);
        text.setValueChangeMode(com.vaadin.flow.data.value.ValueChangeMode.ON_CHANGE);
        text.addValueChangeListener(change -> apply.setEnabled(change.getValue().equals(checkedText)));
        var template = new Button(getTranslation("calendar.template", String.valueOf(missing)), click -> {
            text.setValue(CalendarAdmin.template(missing));
            result.removeAll();
        });
        template.setId("calendar-template");
        var check = new Button(getTranslation("calendar.check"), click -> check());
        check.setId("calendar-check");
        check.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        apply.setText(getTranslation("calendar.apply"));
        apply.setId("calendar-apply");
        apply.addThemeVariants(ButtonVariant.LUMO_SUCCESS, ButtonVariant.LUMO_PRIMARY);
        apply.setEnabled(false);
        apply.addClickListener(click -> apply());
        result.setId("calendar-result");
        result.setWidthFull();

        policy.setId("calendar-policy");
        policy.setLabel(getTranslation("calendar.preview.policy"));
        policy.setItems(SlaPolicies.defaults().all().stream().filter(p -> p.limit() instanceof io.gridpulse.model.sla.SlaLimit.WorkingDays).toList());
        policy.setItemLabelGenerator(p -> Languages.textOr("policy." + p.id(), p.id()));
        policy.setValue(policy.getListDataView().getItems().findFirst().orElse(null));
        from.setId("calendar-from");
        from.setLabel(getTranslation("calendar.preview.from"));
        from.setValue(LocalDateTime.now(context.clock().withZone(context.zone())).withSecond(0).withNano(0));
        preview.setId("calendar-preview");
        policy.addValueChangeListener(change -> preview());
        from.addValueChangeListener(change -> preview());

        add(new H1(getTranslation("calendar.title")), new Paragraph(getTranslation("calendar.explain")), notice, folderProblems,
                years, new H2(getTranslation("calendar.load")), upload, text, new HorizontalLayout(template, check, apply), result,
                new H2(getTranslation("calendar.preview")), new HorizontalLayout(policy, from), preview);
        refresh();
        preview();
    }

    private void check() {
        var checked = calendars.check(text.getValue());
        result.removeAll();
        checkedText = checked.ok() ? text.getValue() : null;
        apply.setEnabled(checked.ok());
        if (!checked.ok()) {
            var problems = new UnorderedList();
            problems.setId("calendar-problems");
            problems.addClassName("gp-problems");
            for (var p : checked.problems()) {
                String line = p.line() > 0 ? getTranslation("calendar.problem.line", p.line(), p.problem()) : p.problem();
                problems.add(new ListItem(line));
            }
            result.add(new Paragraph(getTranslation("calendar.problems", checked.problems().size())), problems);
            preview();
            return;
        }
        var summary = new Paragraph(getTranslation("calendar.summary", String.valueOf(checked.year()), checked.daysOff(), checked.makeUpDays()));
        summary.setId("calendar-summary");
        result.add(summary);
        var warnings = checked.warnings();
        if (!warnings.isEmpty()) {
            var list = new UnorderedList();
            list.setId("calendar-warnings");
            list.addClassName("gp-warnings");
            warnings.forEach(w -> list.add(new ListItem(w)));
            result.add(new Paragraph(getTranslation("calendar.warnings")), list);
        }
        var legend = new Paragraph();
        legend.addClassName("gp-legend");
        var off = new Span(getTranslation("calendar.legend.off"));
        off.addClassName("gp-off");
        var work = new Span(getTranslation("calendar.legend.work"));
        work.addClassName("gp-work");
        legend.add(off, new Span(" "), work);
        result.add(legend, months(checked));
        preview();
    }

    /** The twelve months of the year, holidays red and make-up working days blue. */
    private Component months(CalendarCheck checked) {
        Map<LocalDate, CalendarCheck.Day> listed = checked.days().stream().collect(Collectors.toMap(CalendarCheck.Day::date, d -> d));
        var grid = new Div();
        grid.setId("calendar-months");
        grid.addClassName("gp-months");
        var english = Languages.current().getLanguage().equals("en");
        for (int month = 1; month <= 12; month++) {
            var first = LocalDate.of(checked.year(), month, 1);
            var box = new Div();
            var title = new Div(english ? first.getMonth().getDisplayName(java.time.format.TextStyle.FULL, java.util.Locale.ENGLISH)
                    : month + "月");
            title.addClassName("gp-month-title");
            var days = new Div();
            days.addClassName("gp-month-days");
            for (var head : getTranslation("calendar.weekdays").split(",")) {
                var cell = new Span(head);
                cell.addClassName("gp-head");
                days.add(cell);
            }
            for (int i = 1; i < first.getDayOfWeek().getValue(); i++) {
                days.add(new Span());
            }
            for (var day = first; day.getMonthValue() == month; day = day.plusDays(1)) {
                var cell = new Span(String.valueOf(day.getDayOfMonth()));
                var entry = listed.get(day);
                if (entry != null) {
                    cell.addClassName(entry.working() ? "gp-work" : "gp-off");
                    cell.getElement().setAttribute("title", day + " " + entry.label());
                } else if (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
                    cell.addClassName("gp-weekend");
                }
                days.add(cell);
            }
            box.add(title, days);
            grid.add(box);
        }
        return grid;
    }

    private void apply() {
        try {
            var file = calendars.apply(text.getValue());
            Notification.show(getTranslation("calendar.applied", file.getFileName().toString()), 5_000, Notification.Position.BOTTOM_START);
            apply.setEnabled(false);
            refresh();
            preview();
        } catch (IllegalArgumentException | java.io.UncheckedIOException e) {
            Notification.show(e.getMessage(), 8_000, Notification.Position.MIDDLE);
        }
    }

    private void refresh() {
        years.setItems(calendars.years());
    }

    /** The deadline now and with the checked file in force. */
    private void preview() {
        preview.removeAll();
        if (policy.getValue() == null || from.getValue() == null) {
            return;
        }
        var at = from.getValue().atZone(context.zone()).toInstant();
        var format = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(context.zone());
        try {
            var schedules = checkedText == null ? null : calendars.preview(checkedText, policy.getValue(), at);
            var now = schedules != null ? schedules[0]
                    : new DeadlineCalculator(context.calendars().calendar(), context.zone()).schedule(at, policy.getValue().limit(),
                            policy.getValue().warning());
            var line = new Paragraph(getTranslation("calendar.preview.now", format.format(now.deadline()))
                    + (now.provisional() ? " " + getTranslation("calendar.preview.provisional") : ""));
            line.setId("calendar-deadline-now");
            preview.add(line);
            if (schedules != null) {
                var with = schedules[1];
                var after = new Paragraph(getTranslation("calendar.preview.with", format.format(with.deadline()))
                        + (with.provisional() ? " " + getTranslation("calendar.preview.provisional") : ""));
                after.setId("calendar-deadline-with");
                preview.add(after);
            }
        } catch (RuntimeException e) {
            preview.add(new Paragraph(e.getMessage()));
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("calendar.title");
    }
}
