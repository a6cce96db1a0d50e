package io.gridpulse.ingest.notify;

import io.gridpulse.geo.region.Region;
import io.gridpulse.model.alerts.Alert;
import io.gridpulse.model.alerts.AlertKind;
import io.gridpulse.model.alerts.AlertStatus;
import io.gridpulse.model.alerts.Severity;
import io.gridpulse.model.area.Area;
import io.gridpulse.model.area.AreaCode;
import io.gridpulse.model.area.AreaLevel;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Map;

/**
 * A notification as a short Markdown text for people: for a group chat (DingTalk, WeCom) in Chinese, as the people on
 * duty read it, and for e-mail in Chinese and English. It says what happened (kind, severity), where (street,
 * community, grid by name), which case, when it was raised and its deadline.
 */
final class RobotMessage {
    /** At most this many alerts are listed in one message; the rest are counted. */
    static final int LISTED = 10;
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("MM-dd HH:mm");

    /** The words of one language. */
    private record Words(Map<AlertKind, String> kinds, Map<Severity, String> severities, String resolved, String reminder,
                         String count, String firing, String severity, String place, String subject, String detail,
                         String raised, String deadline, String cleared, String more, String unknownPlace,
                         String footer, String clearedMark) {
    }

    private static final Words ZH = new Words(
            Map.of(AlertKind.SLA_WARNING, "临期预警", AlertKind.SLA_BREACH, "超时", AlertKind.SLA_ESCALATION, "超时升级",
                    AlertKind.SLA_UNSCHEDULED, "无法计时", AlertKind.DEVICE_SOS, "SOS 求助", AlertKind.DEVICE_OFFLINE, "设备离线",
                    AlertKind.DEVICE_LOW_BATTERY, "电量低", AlertKind.DEVICE_HEART_RATE, "心率异常"),
            Map.of(Severity.CRITICAL, "紧急", Severity.MAJOR, "严重", Severity.WARNING, "一般", Severity.INFO, "提示"),
            "已解除 · ", "仍未处置 · ", " %d 条", "本组未处置 %d 条", "级别：", "地点：", "对象：", "说明：", "发生：", "，时限：",
            "解除：", "……另有 %d 条，请在驾驶舱预警页查看", "区域未知", "GridPulse 网格脉搏 · ", "（已解除）");
    private static final Words EN = new Words(
            Map.of(AlertKind.SLA_WARNING, "Deadline near", AlertKind.SLA_BREACH, "Overdue", AlertKind.SLA_ESCALATION, "Escalated",
                    AlertKind.SLA_UNSCHEDULED, "No clock", AlertKind.DEVICE_SOS, "SOS", AlertKind.DEVICE_OFFLINE, "Device offline",
                    AlertKind.DEVICE_LOW_BATTERY, "Low battery", AlertKind.DEVICE_HEART_RATE, "Abnormal heart rate"),
            Map.of(Severity.CRITICAL, "critical", Severity.MAJOR, "major", Severity.WARNING, "warning", Severity.INFO, "info"),
            "Resolved · ", "Still open · ", " ×%d", "%d open in this group", "Severity: ", "Where: ", "About: ", "Detail: ",
            "Raised: ", ", deadline: ", "Cleared: ", "… and %d more: see the cockpit's alerts page", "unknown area",
            "GridPulse · ", " (cleared)");

    private final Region region;
    private final ZoneId zone;
    private final Words words;
    private final boolean english;

    /** A Chinese text. */
    RobotMessage(Region region, ZoneId zone) {
        this(region, zone, false);
    }

    RobotMessage(Region region, ZoneId zone, boolean english) {
        this.region = region;
        this.zone = zone;
        this.english = english;
        this.words = english ? EN : ZH;
    }

    /** The same text in English. */
    RobotMessage inEnglish() {
        return new RobotMessage(region, zone, true);
    }

    /** The title: what happened where ("【超时】东城街道", "【超时 3 条】东城街道"); resolved ones and reminders say so. */
    String title(Notification n) {
        var first = n.alerts().getFirst();
        var resolved = n.status().equals("resolved") ? words.resolved() : "";
        var reminder = n.repeat() ? words.reminder() : "";
        var count = n.alerts().size() > 1 ? words.count().formatted(n.alerts().size()) : "";
        var what = reminder + resolved + words.kinds().get(first.kind()) + count;
        return (english ? "[" + what + "] " : "【" + what + "】") + place(first, AreaLevel.STREET);
    }

    /** The Markdown body: one block per alert (at most {@value #LISTED}), short enough for a phone's lock screen. */
    String markdown(Notification n) {
        var lines = new ArrayList<String>();
        lines.add("### " + title(n));
        if (n.alerts().size() > 1 || n.repeat()) {
            lines.add(words.firing().formatted(n.firingTotal()));
        }
        for (var alert : n.alerts().subList(0, Math.min(LISTED, n.alerts().size()))) {
            lines.add("");
            lines.add("- " + words.severity() + words.severities().get(alert.severity())
                    + (alert.status() == AlertStatus.CLEARED ? words.clearedMark() : ""));
            lines.add("- " + words.place() + place(alert, AreaLevel.GRID));
            if (!alert.caseId().isEmpty()) {
                lines.add("- " + words.subject() + alert.caseId());
            }
            if (!alert.detail().isEmpty()) {
                lines.add("- " + words.detail() + alert.detail());
            }
            lines.add("- " + words.raised() + WHEN.format(alert.raisedAt().atZone(zone))
                    + (alert.deadline() == null ? "" : words.deadline() + WHEN.format(alert.deadline().atZone(zone))));
            if (alert.clearedAt() != null) {
                lines.add("- " + words.cleared() + WHEN.format(alert.clearedAt().atZone(zone)));
            }
        }
        if (n.alerts().size() > LISTED) {
            lines.add("");
            lines.add(words.more().formatted(n.alerts().size() - LISTED));
        }
        lines.add("");
        lines.add(words.footer() + n.groupKey());
        return String.join("\n", lines);
    }

    /** The names of the alert's areas from the street down to {@code finest}, joined ("东城街道 第一社区"). */
    private String place(Alert alert, AreaLevel finest) {
        var names = new ArrayList<String>();
        for (var level : new AreaLevel[] {AreaLevel.STREET, AreaLevel.COMMUNITY, AreaLevel.GRID}) {
            if (level.compareTo(finest) > 0) {
                break;
            }
            AreaCode.parse(alert.area().codeAt(level)).flatMap(region::area).map(this::name).ifPresent(names::add);
        }
        return names.isEmpty() ? words.unknownPlace() : String.join(english ? ", " : " ", names);
    }

    private String name(Area area) {
        return area.displayName(english);
    }
}
