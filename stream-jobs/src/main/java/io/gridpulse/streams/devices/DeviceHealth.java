package io.gridpulse.streams.devices;

import io.gridpulse.model.alerts.Alert;
import io.gridpulse.model.alerts.AlertKind;
import io.gridpulse.model.area.AreaLineage;
import io.gridpulse.model.sla.SlaPolicies;
import io.gridpulse.streams.sla.StageClock;
import io.gridpulse.warehouse.AlertRow;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.StateTtlConfig;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * The health of one device (keyed by device id), from its telemetry. An SOS is alerted the moment
 * its reading arrives, without waiting for time to pass, and stays open until a person acknowledges
 * it (a held button is one alert). Offline is an event-time timer at the last reading plus the
 * configured interval, so it fires when nothing more arrives and fires the same way in a replay.
 * Low battery is raised when a reading crosses the threshold and cleared when one comes back; an abnormal wristband
 * heart rate when {@link DeviceRules#heartRateReadings()} readings in a row are outside the band (one is most often
 * the wearer moving), and cleared by the next one inside it. Alert ids are the device, the rule and the instant the condition
 * began, so a replay rewrites the same alerts. Readings older than the newest one (late uploads)
 * can raise an SOS but do not move the other conditions.
 *
 * <p>A reading with status fault starts the repair clock (policy {@value #REPAIR_POLICY}): a warning at
 * 80% of the configured repair limit, a breach at its end and escalations after it (by default +0, +24 h,
 * +72 h: community, street, city), all event-time timers; the next reading with status online stops it at
 * its event time (see {@link StageClock}). Its alert ids are {@code device:<id>:repair:<fault ms>:warning},
 * {@code :breach} and {@code :escalation-N}.
 *
 * <p>Builds before the typed {@link Alert} kept the open alerts as {@link AlertRow}s under {@code open-alerts}; a
 * device's are moved over to {@code open-device-alerts} the first time it reports or a timer of it fires after the
 * restore, so a checkpoint of such a build goes on as if nothing happened.
 */
public final class DeviceHealth extends KeyedProcessFunction<String, DeviceReading, Alert> {
    static final Duration REMEMBER_DEVICES = Duration.ofDays(90);
    static final String SOS = "sos";
    static final String OFFLINE = "offline";
    static final String LOW_BATTERY = "low_battery";
    static final String HEART_RATE = "heart_rate";
    /** The SLA policy of the repair clock, as in the model's {@link SlaPolicies#defaults()}. */
    public static final String REPAIR_POLICY = "device.repaired";

    private final DeviceRules rules;
    private final java.util.List<Duration> escalations;
    private transient ValueState<Long> lastSeen;
    private transient ValueState<DeviceReading> latest;
    private transient MapState<String, Alert> open;
    /** The open alerts as builds before the typed alerts kept them: only read, to move them into {@link #open}. */
    private transient MapState<String, AlertRow> openBefore;
    private transient ValueState<StageClock> repair;
    /** When the offline timer is set for; absent in state written before it was kept (then the last reading + interval). */
    private transient ValueState<Long> offlineDue;
    /** How many of the latest heart-rate readings in a row were outside the band. */
    private transient ValueState<Integer> abnormalHeartReadings;

    /** Device health with the repair clock's default escalations. */
    public DeviceHealth(DeviceRules rules) {
        this(rules, SlaPolicies.DEFAULT_ESCALATION_OFFSETS);
    }

    /** @param escalations how long after the repair deadline each escalation comes (empty: none) */
    public DeviceHealth(DeviceRules rules, java.util.List<Duration> escalations) {
        this.rules = rules;
        this.escalations = java.util.List.copyOf(escalations);
    }

    @Override
    public void open(OpenContext openContext) {
        var ttl = StateTtlConfig.newBuilder(REMEMBER_DEVICES).setUpdateType(StateTtlConfig.UpdateType.OnCreateAndWrite).build();
        var lastSeenDescriptor = new ValueStateDescriptor<>("last-seen", Long.class);
        lastSeenDescriptor.enableTimeToLive(ttl);
        lastSeen = getRuntimeContext().getState(lastSeenDescriptor);
        var latestDescriptor = new ValueStateDescriptor<>("latest", DeviceReading.class);
        latestDescriptor.enableTimeToLive(ttl);
        latest = getRuntimeContext().getState(latestDescriptor);
        var openDescriptor = new MapStateDescriptor<>("open-device-alerts", String.class, Alert.class);
        openDescriptor.enableTimeToLive(ttl);
        open = getRuntimeContext().getMapState(openDescriptor);
        var beforeDescriptor = new MapStateDescriptor<>("open-alerts", String.class, AlertRow.class);
        beforeDescriptor.enableTimeToLive(ttl);
        openBefore = getRuntimeContext().getMapState(beforeDescriptor);
        var repairDescriptor = new ValueStateDescriptor<>("repair-clock", StageClock.class);
        repairDescriptor.enableTimeToLive(ttl);
        repair = getRuntimeContext().getState(repairDescriptor);
        var dueDescriptor = new ValueStateDescriptor<>("offline-due", Long.class);
        dueDescriptor.enableTimeToLive(ttl);
        offlineDue = getRuntimeContext().getState(dueDescriptor);
        var heartDescriptor = new ValueStateDescriptor<>("abnormal-heart-readings", Integer.class);
        heartDescriptor.enableTimeToLive(ttl);
        abnormalHeartReadings = getRuntimeContext().getState(heartDescriptor);
    }

    @Override
    public void processElement(DeviceReading reading, Context ctx, Collector<Alert> out) throws Exception {
        moveOver();
        long at = reading.occurredAt().toEpochMilli();
        var last = lastSeen.value();
        boolean newest = last == null || at >= last;
        if (reading.sos() && !open.contains(SOS)) {
            raise(SOS, reading, at, null, "SOS from " + name(reading), out);
        } else if (!reading.sos() && newest && open.contains(SOS)) {
            open.remove(SOS); // the press is over; its alert stays open until acknowledged
        }
        if (!newest) {
            return;
        }
        if (last != null) {
            ctx.timerService().deleteEventTimeTimer(offlineTimer(last));
            var clock = repair.value();
            if (clock != null) {
                // the offline timer may have shared an instant with a repair stage
                clock.pendingTimers().forEach(ctx.timerService()::registerEventTimeTimer);
            }
        }
        lastSeen.update(at);
        latest.update(reading);
        long interval = rules.offlineAfter().toMillis();
        long due = at + interval;
        long watermark = ctx.timerService().currentWatermark();
        if (due <= watermark) {
            // a reading of the past, behind the watermark: newer ones may still be on their way
            due = watermark + interval;
        }
        offlineDue.update(due);
        ctx.timerService().registerEventTimeTimer(due);
        var offline = open.get(OFFLINE);
        if (offline != null && offline.raisedAt().toEpochMilli() > at) {
            // the device reported before the alert's instant: it was never silent that long
            open.remove(OFFLINE);
            out.collect(offline.withdrawn(" (withdrawn: a reading of " + reading.occurredAt() + " arrived late)"));
        }
        clear(OFFLINE, at, out);
        if (reading.battery() != null) {
            condition(LOW_BATTERY, reading.battery() < rules.lowBatteryPercent(), reading, at,
                    String.format(Locale.ROOT, "battery of %s at %.0f%% (below %.0f%%)", name(reading), reading.battery(),
                            rules.lowBatteryPercent()), out);
        }
        if ("wristband".equals(reading.deviceType()) && reading.heartRate() != null) {
            int rate = reading.heartRate();
            boolean abnormal = rate < rules.heartRateLow() || rate > rules.heartRateHigh();
            var before = abnormalHeartReadings.value();
            int inARow = abnormal ? (before == null ? 0 : before) + 1 : 0;
            abnormalHeartReadings.update(inARow);
            condition(HEART_RATE, abnormal && (inARow >= rules.heartRateReadings() || open.contains(HEART_RATE)), reading, at,
                    "heart rate " + rate + " of " + name(reading) + " outside " + rules.heartRateLow() + "-"
                            + rules.heartRateHigh(), out);
        }
        repairClock(reading, ctx, out);
    }

    /** Moves this device's open alerts kept by an older build over to the typed state. */
    private void moveOver() throws Exception {
        if (openBefore.isEmpty()) {
            return;
        }
        for (var entry : openBefore.entries()) {
            open.put(entry.getKey(), entry.getValue().toAlert());
        }
        openBefore.clear();
    }

    private void repairClock(DeviceReading reading, Context ctx, Collector<Alert> out) throws Exception {
        var clock = repair.value();
        var running = clock != null && clock.running();
        if ("fault".equals(reading.status()) && !running) {
            var started = StageClock.start("device:" + reading.deviceId() + ":repair:" + reading.occurredAt().toEpochMilli(),
                    reading.deviceId(), REPAIR_POLICY, reading.occurredAt(), rules.repairWithin(),
                    SlaPolicies.DEFAULT_WARNING_PERCENT, true, escalations, "repair of the fault of " + name(reading),
                    reading.gridCode(), reading.communityCode(), reading.streetCode(), reading.countyCode());
            repair.update(started);
            started.pendingTimers().forEach(ctx.timerService()::registerEventTimeTimer);
        } else if ("online".equals(reading.status()) && running) {
            var step = clock.stop(reading.occurredAt());
            repair.update(step.clock());
            step.alerts().forEach(out::collect);
        }
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<Alert> out) throws Exception {
        moveOver();
        var clock = repair.value();
        if (clock != null && clock.running()) {
            var step = clock.fire(timestamp);
            if (!step.alerts().isEmpty()) {
                repair.update(step.clock());
                step.alerts().forEach(out::collect);
            }
        }
        var last = lastSeen.value();
        var reading = latest.value();
        if (last == null || reading == null || timestamp != offlineTimer(last) || open.contains(OFFLINE)) {
            return;
        }
        raise(OFFLINE, reading, last, Instant.ofEpochMilli(timestamp),
                name(reading) + " has sent nothing for " + rules.offlineAfter().toMinutes() + " minutes", out, timestamp);
    }

    /** The instant the offline timer of a device last seen at {@code last} is set for. */
    private long offlineTimer(long last) throws Exception {
        var due = offlineDue.value();
        return due != null ? due : last + rules.offlineAfter().toMillis();
    }

    private void condition(String rule, boolean holds, DeviceReading reading, long at, String detail,
                           Collector<Alert> out) throws Exception {
        if (holds && !open.contains(rule)) {
            raise(rule, reading, at, null, detail, out);
        } else if (!holds) {
            clear(rule, at, out);
        }
    }

    private void raise(String rule, DeviceReading reading, long began, Instant deadline, String detail,
                       Collector<Alert> out) throws Exception {
        raise(rule, reading, began, deadline, detail, out, began);
    }

    private void raise(String rule, DeviceReading reading, long began, Instant deadline, String detail,
                       Collector<Alert> out, long raisedAt) throws Exception {
        var alert = Alert.raise("device:" + reading.deviceId() + ":" + rule + ":" + began, AlertKind.of("device_" + rule))
                .about(reading.deviceId(), "device." + rule).deadline(deadline).raisedAt(Instant.ofEpochMilli(raisedAt))
                .in(new AreaLineage(reading.gridCode(), reading.communityCode(), reading.streetCode(), reading.countyCode()))
                .detail(detail).build();
        open.put(rule, alert);
        out.collect(alert);
    }

    private void clear(String rule, long at, Collector<Alert> out) throws Exception {
        var alert = open.get(rule);
        if (alert != null) {
            open.remove(rule);
            out.collect(alert.cleared(Instant.ofEpochMilli(at)));
        }
    }

    private static String name(DeviceReading reading) {
        return reading.deviceType() + " " + reading.deviceId();
    }
}
