package io.gridpulse.ingest.mqtt;

import io.gridpulse.ingest.events.EventAdmission;
import io.gridpulse.ingest.log.EventLog.LogBusyException;
import io.gridpulse.ingest.log.EventLog;
import io.gridpulse.ingest.metrics.IngestMetrics;
import io.gridpulse.model.event.Event;
import io.gridpulse.model.json.Decoded;
import io.gridpulse.model.json.EventCodec;
import io.gridpulse.model.keys.KeyGrant;
import io.netty.handler.codec.mqtt.MqttProperties.MqttPropertyType;
import io.netty.handler.codec.mqtt.MqttProperties;
import io.vertx.core.Future;
import io.vertx.mqtt.MqttEndpoint;
import io.vertx.mqtt.messages.MqttPublishMessage;
import io.vertx.mqtt.messages.codes.MqttDisconnectReasonCode;
import io.vertx.mqtt.messages.codes.MqttPubAckReasonCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.CompletionException;
import java.util.function.BooleanSupplier;

/**
 * One authenticated device connection. Runs on its connection's event loop, so the in-flight count
 * needs no lock. What a refused message gets depends on the protocol: MQTT 5 has negative PUBACKs
 * with a reason code and string; MQTT 3.1.1 has none, so (as its spec, 3.3.5, allows) the connection
 * is closed and the client learns the message was not taken. QoS 0 messages are never answered.
 */
final class DeviceSession {
    private static final Logger log = LoggerFactory.getLogger(DeviceSession.class);
    private static final int MAX_REASON_CHARS = 200;

    private final MqttEndpoint endpoint;
    private final String deviceId;
    private final boolean v5;
    private final int maxInFlight;
    private final DevicePayload payloads;
    private final EventAdmission admission;
    private final KeyGrant grant;
    private final EventCodec codec;
    private final EventLog eventLog;
    private final MqttMetrics metrics;
    private final IngestMetrics ingestMetrics;
    /** Takes one message from the device's bucket; false when it is empty. */
    private final BooleanSupplier withinRate;
    private int inFlight;
    /** Set once the connection is being closed: later packets are ignored, never acknowledged. */
    private boolean closing;

    DeviceSession(MqttEndpoint endpoint, KeyGrant grant, boolean v5, int maxInFlight, DevicePayload payloads,
                  EventAdmission admission, EventCodec codec, EventLog eventLog, MqttMetrics metrics,
                  IngestMetrics ingestMetrics, BooleanSupplier withinRate) {
        this.withinRate = withinRate;
        this.endpoint = endpoint;
        this.grant = grant;
        this.deviceId = grant.client();
        this.v5 = v5;
        this.maxInFlight = maxInFlight;
        this.payloads = payloads;
        this.admission = admission;
        this.codec = codec;
        this.eventLog = eventLog;
        this.metrics = metrics;
        this.ingestMetrics = ingestMetrics;
    }

    void publish(MqttPublishMessage message) {
        int qos = message.qosLevel().value();
        if (closing) {
            metrics.message(qos, "after-refusal");
            return;
        }
        if (qos > 1) {
            metrics.message(qos, "qos-not-supported");
            disconnect(MqttDisconnectReasonCode.QOS_NOT_SUPPORTED, "QoS 2 is not supported; publish with QoS 0 or 1");
            return;
        }
        var topic = DeviceTopic.parse(message.topicName());
        if (topic.isEmpty() || !topic.get().deviceId().equals(deviceId)) {
            var reason = topic.isEmpty()
                    ? "not a device topic; publish to " + DeviceTopic.telemetryOf(deviceId) + " or .../sos"
                    : "device " + deviceId + " may publish only to its own topics, " + DeviceTopic.PREFIX + deviceId + "/...";
            refuse(message, topic.isEmpty() ? "topic-invalid" : "not-authorized",
                    topic.isEmpty() ? MqttPubAckReasonCode.TOPIC_NAME_INVALID : MqttPubAckReasonCode.NOT_AUTHORIZED, reason);
            return;
        }
        if (!withinRate.getAsBoolean()) {
            // a device that sends faster than any real one (a stolen key sending fake alarms) is slowed, not stored
            refuse(message, "rate-limited", MqttPubAckReasonCode.QUOTA_EXCEEDED,
                    "device " + deviceId + " sends faster than its limit; slow down and resend");
            return;
        }
        if (inFlight >= maxInFlight) {
            // QoS 0 is best effort and simply dropped; a QoS 1 sender ignored the Receive Maximum
            metrics.message(qos, "too-many-in-flight");
            if (qos == 1) {
                disconnect(MqttDisconnectReasonCode.RECEIVE_MAXIMUM_EXCEEDED,
                        "more than " + maxInFlight + " messages waiting for acknowledgement");
            }
            return;
        }
        switch (payloads.decode(topic.get(), message.payload().getBytes())) {
            case Decoded.Invalid(var problems) -> {
                var first = problems.getFirst();
                var reason = (first.pointer().isEmpty() ? "payload" : first.pointer()) + " " + first.reason()
                        + (problems.size() > 1 ? " (and " + (problems.size() - 1) + " more)" : "");
                refuse(message, "invalid-payload", MqttPubAckReasonCode.PAYLOAD_FORMAT_INVALID, reason);
            }
            case Decoded.Valid(var event) -> {
                switch (admission.judge(event, grant)) {
                    case EventAdmission.Verdict.Admit(var admitted, var area) -> append(message, admitted);
                    case EventAdmission.Verdict.Refuse(var status, var type, var problems) -> refuse(message,
                            status == 403 ? "not-authorized" : "invalid-payload",
                            status == 403 ? MqttPubAckReasonCode.NOT_AUTHORIZED : MqttPubAckReasonCode.PAYLOAD_FORMAT_INVALID,
                            problems.getFirst().pointer() + " " + problems.getFirst().reason());
                }
            }
        }
    }

    private void append(MqttPublishMessage message, Event event) {
        int qos = message.qosLevel().value();
        inFlight++;
        var context = io.vertx.core.Vertx.currentContext();
        Future.fromCompletionStage(eventLog.append(event.eventId(), codec.encode(event)), context)
                .onComplete(done -> {
                    inFlight--;
                    if (done.succeeded()) {
                        metrics.message(qos, MqttMetrics.ACCEPTED);
                        ingestMetrics.accepted("mqtt", 1);
                        if (qos == 1 && endpoint.isConnected()) {
                            endpoint.publishAcknowledge(message.messageId());
                        }
                        return;
                    }
                    boolean busy = unwrap(done.cause()) instanceof LogBusyException;
                    if (!busy) {
                        log.warn("device {} event {} not stored: {}", deviceId, event.eventId(), done.cause().getMessage());
                    }
                    refuse(message, busy ? "log-busy" : "log-unavailable",
                            busy ? MqttPubAckReasonCode.QUOTA_EXCEEDED : MqttPubAckReasonCode.UNSPECIFIED_ERROR,
                            "not stored: the event log is " + (busy ? "busy" : "unavailable") + "; resend later");
                });
    }

    /** Not stored: MQTT 5 hears why in a PUBACK, MQTT 3.1.1 is disconnected, QoS 0 hears nothing. */
    private void refuse(MqttPublishMessage message, String outcome, MqttPubAckReasonCode code, String reason) {
        int qos = message.qosLevel().value();
        metrics.message(qos, outcome);
        if (qos == 0 || !endpoint.isConnected()) {
            return;
        }
        if (v5) {
            endpoint.publishAcknowledge(message.messageId(), code, reasonString(reason));
        } else {
            log.debug("device {}: closing the 3.1.1 connection, {}", deviceId, reason);
            closeSoon();
        }
    }

    private void disconnect(MqttDisconnectReasonCode code, String reason) {
        if (!endpoint.isConnected()) {
            return;
        }
        if (v5) {
            endpoint.disconnect(code, reasonString(reason));
        }
        closeSoon();
    }

    /**
     * Closes once the packets already read have been handed over (and ignored): vert.x MQTT reports
     * each packet of a closed endpoint as an unhandled exception, a log line an abusive client could multiply.
     */
    private void closeSoon() {
        closing = true;
        io.vertx.core.Vertx.currentContext().owner().setTimer(20, t -> {
            if (endpoint.isConnected()) {
                endpoint.close();
            }
        });
    }

    private static MqttProperties reasonString(String reason) {
        var properties = new MqttProperties();
        var text = reason.length() > MAX_REASON_CHARS ? reason.substring(0, MAX_REASON_CHARS - 3) + "..." : reason;
        properties.add(new MqttProperties.StringProperty(MqttPropertyType.REASON_STRING.value(), text));
        return properties;
    }

    private static Throwable unwrap(Throwable error) {
        return error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
    }
}
