package io.gridpulse.ingest.notify;

import io.gridpulse.geo.region.Region;
import io.gridpulse.model.alerts.Alert;
import io.gridpulse.model.alerts.AlertKind;
import io.gridpulse.model.alerts.AlertStatus;
import io.gridpulse.model.alerts.Severity;
import io.gridpulse.model.area.AreaCode;
import io.gridpulse.model.area.AreaLevel;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Map;

/**
 * An alert as a short Markdown message for a group chat (DingTalk, WeCom), in Chinese as the people on duty read it:
 * what (kind, severity), where (street, community, grid by name), which case, when it was raised and its deadline.
 */
final class RobotMessage {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("MM-dd HH:mm");
    private static final Map<AlertKind, String> KINDS = Map.of(
            AlertKind.SLA_WARNING, "临期预警", AlertKind.SLA_BREACH, "超时", AlertKind.SLA_ESCALATION, "超时升级",
            AlertKind.SLA_UNSCHEDULED, "无法计时", AlertKind.DEVICE_SOS, "SOS 求助", AlertKind.DEVICE_OFFLINE, "设备离线",
            AlertKind.DEVICE_LOW_BATTERY, "电量低", AlertKind.DEVICE_HEART_RATE, "心率异常");
    private static final Map<Severity, String> SEVERITIES = Map.of(Severity.CRITICAL, "紧急", Severity.MAJOR, "严重",
            Severity.WARNING, "一般", Severity.INFO, "提示");

    private final Region region;
    private final ZoneId zone;

    RobotMessage(Region region, ZoneId zone) {
        this.region = region;
        this.zone = zone;
    }

    /** At most this many alerts are listed in one message; the rest are counted. */
    static final int LISTED = 10;

    /** The message's title: what happened where ("【超时】东城街道", "【超时 3 条】东城街道"); resolved ones say so. */
    String title(Notification n) {
        var first = n.alerts().getFirst();
        var resolved = n.status().equals("resolved") ? "已解除 · " : "";
        var reminder = n.repeat() ? "仍未处置 · " : "";
        var count = n.alerts().size() > 1 ? " " + n.alerts().size() + " 条" : "";
        return "【" + reminder + resolved + KINDS.get(first.kind()) + count + "】" + place(first, AreaLevel.STREET);
    }

    /** The Markdown body: one block per alert (at most {@value #LISTED}), short enough for a phone's lock screen. */
    String markdown(Notification n) {
        var lines = new ArrayList<String>();
        lines.add("### " + title(n));
        if (n.alerts().size() > 1 || n.repeat()) {
            lines.add("本组未处置 " + n.firingTotal() + " 条");
        }
        for (var alert : n.alerts().subList(0, Math.min(LISTED, n.alerts().size()))) {
            lines.add("");
            lines.add("- 级别：" + SEVERITIES.get(alert.severity()) + (alert.status() == AlertStatus.CLEARED ? "（已解除）" : ""));
            lines.add("- 地点：" + place(alert, AreaLevel.GRID));
            if (!alert.caseId().isEmpty()) {
                lines.add("- 对象：" + alert.caseId());
            }
            if (!alert.detail().isEmpty()) {
                lines.add("- 说明：" + alert.detail());
            }
            lines.add("- 发生：" + WHEN.format(alert.raisedAt().atZone(zone))
                    + (alert.deadline() == null ? "" : "，时限：" + WHEN.format(alert.deadline().atZone(zone))));
            if (alert.clearedAt() != null) {
                lines.add("- 解除：" + WHEN.format(alert.clearedAt().atZone(zone)));
            }
        }
        if (n.alerts().size() > LISTED) {
            lines.add("");
            lines.add("……另有 " + (n.alerts().size() - LISTED) + " 条，请在驾驶舱预警页查看");
        }
        lines.add("");
        lines.add("GridPulse 网格脉搏 · " + n.groupKey());
        return String.join("\n", lines);
    }

    /** The names of the alert's areas from the county's child down to {@code finest}, joined ("东城街道 第一社区"). */
    private String place(Alert alert, AreaLevel finest) {
        var names = new ArrayList<String>();
        for (var level : new AreaLevel[] {AreaLevel.STREET, AreaLevel.COMMUNITY, AreaLevel.GRID}) {
            if (level.compareTo(finest) > 0) {
                break;
            }
            var code = alert.area().codeAt(level);
            AreaCode.parse(code).flatMap(region::area).ifPresent(a -> names.add(a.name()));
        }
        return names.isEmpty() ? "区域未知" : String.join(" ", names);
    }
}
