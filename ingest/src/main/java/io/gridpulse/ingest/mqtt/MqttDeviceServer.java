package io.gridpulse.ingest.mqtt;

import io.gridpulse.geo.region.Region;
import io.gridpulse.ingest.events.EventAdmission;
import io.gridpulse.ingest.log.EventLog;
import io.gridpulse.ingest.metrics.IngestMetrics;
import io.gridpulse.model.json.EventCodec;
import io.gridpulse.model.keys.KeyGrant;
import io.gridpulse.model.keys.Right;
import io.gridpulse.model.privacy.Pseudonymiser;
import io.netty.handler.codec.mqtt.MqttConnectReturnCode;
import io.netty.handler.codec.mqtt.MqttProperties.MqttPropertyType;
import io.netty.handler.codec.mqtt.MqttProperties;
import io.netty.handler.codec.mqtt.MqttQoS;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.mqtt.MqttEndpoint;
import io.vertx.mqtt.MqttServer;
import io.vertx.mqtt.MqttServerOptions;
import io.vertx.mqtt.messages.codes.MqttSubAckReasonCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Collections;

/**
 * The device edge: an MQTT 3.1.1 and 5 server where each device, logged in with its id and key,
 * publishes readings to {@code gp/v1/devices/{id}/telemetry} and alarms to {@code .../sos}. A QoS 1
 * message is acknowledged only once the event log has it. Devices publish only; subscriptions are refused.
 */
public final class MqttDeviceServer extends VerticleBase {
    private static final Logger log = LoggerFactory.getLogger(MqttDeviceServer.class);

    private final MqttConfig config;
    private final EventLog eventLog;
    private final IngestMetrics ingestMetrics;
    private final MqttMetrics metrics;
    private final DevicePayload payloads;
    private final EventAdmission admission;
    private final EventCodec codec;
    private MqttServer server;

    /**
     * @param eventLog     the log the HTTP edge appends to (events land in the same topic)
     * @param pseudonymKey the HTTP edge's pseudonymisation key
     * @param metrics      the HTTP edge's metrics, so that {@code /metrics} shows the device sessions
     */
    public MqttDeviceServer(MqttConfig config, EventLog eventLog, byte[] pseudonymKey, IngestMetrics metrics) {
        this(config, eventLog, pseudonymKey, metrics, Region.demo());
    }

    /** Devices of the given region: a message placed outside it is refused like the HTTP edge refuses it. */
    public MqttDeviceServer(MqttConfig config, EventLog eventLog, byte[] pseudonymKey, IngestMetrics metrics, Region region) {
        this(config, eventLog, pseudonymKey, metrics, region, java.time.Clock.systemUTC());
    }

    /** Devices of the given region, their event times judged against the given clock. */
    public MqttDeviceServer(MqttConfig config, EventLog eventLog, byte[] pseudonymKey, IngestMetrics metrics, Region region,
                            java.time.Clock clock) {
        this.config = config;
        this.codec = new EventCodec(clock, io.gridpulse.model.json.Limits.defaults());
        this.ingestMetrics = metrics;
        this.eventLog = metrics.timed(eventLog);
        this.metrics = new MqttMetrics(metrics.registry());
        this.payloads = new DevicePayload(codec);
        this.admission = new EventAdmission(region, new Pseudonymiser(pseudonymKey));
    }

    @Override
    public Future<?> start() {
        var options = new MqttServerOptions()
                .setHost(config.host())
                .setPort(config.port())
                .setMaxMessageSize(config.maxMessageBytes())
                .setTimeoutOnConnect(10);
        return MqttServer.create(vertx, options)
                .endpointHandler(this::connect)
                .exceptionHandler(e -> log.debug("MQTT connection failed: {}", e.toString()))
                .listen()
                .onSuccess(s -> {
                    server = s;
                    log.info("device MQTT listening on {}:{}", config.host(), s.actualPort());
                });
    }

    @Override
    public Future<?> stop() {
        return server == null ? Future.succeededFuture() : server.close();
    }

    /** The port actually bound (differs from the configured one when that was 0). */
    public int port() {
        return server.actualPort();
    }

    /** Device sessions open now. */
    public int sessions() {
        return metrics.sessions();
    }

    private void connect(MqttEndpoint endpoint) {
        boolean v5 = endpoint.protocolVersion() == 5;
        var auth = endpoint.auth();
        var deviceId = auth == null ? null : auth.getUsername();
        var key = auth == null ? null : auth.getPassword();
        var grant = deviceId == null || key == null ? java.util.Optional.<KeyGrant>empty()
                : config.deviceKeys().grantFor(key).filter(g -> g.client().equals(deviceId) && g.has(Right.WRITE));
        if (grant.isEmpty()) {
            metrics.connectionRefused(auth == null ? "no-credentials" : "bad-credentials");
            // the same answer for an unknown device and a wrong key: nothing to probe for
            endpoint.reject(v5 ? MqttConnectReturnCode.CONNECTION_REFUSED_BAD_USERNAME_OR_PASSWORD
                    : MqttConnectReturnCode.CONNECTION_REFUSED_BAD_USER_NAME_OR_PASSWORD);
            return;
        }
        var session = new DeviceSession(endpoint, grant.get(), v5, config.maxInFlight(), payloads, admission, codec,
                eventLog, metrics, ingestMetrics);
        endpoint.publishAutoAck(false);
        endpoint.publishHandler(session::publish);
        endpoint.subscribeHandler(subscribe -> {
            if (v5) {
                endpoint.subscribeAcknowledge(subscribe.messageId(), Collections.nCopies(
                        subscribe.topicSubscriptions().size(), MqttSubAckReasonCode.NOT_AUTHORIZED), MqttProperties.NO_PROPERTIES);
            } else {
                endpoint.subscribeAcknowledge(subscribe.messageId(),
                        Collections.nCopies(subscribe.topicSubscriptions().size(), MqttQoS.FAILURE));
            }
        });
        endpoint.exceptionHandler(e -> log.debug("device {}: {}", deviceId, e.toString()));
        endpoint.closeHandler(closed -> metrics.sessionClosed());
        var properties = new MqttProperties();
        if (v5) {
            // tell the client the bounds up front rather than disconnecting it later
            properties.add(new MqttProperties.IntegerProperty(MqttPropertyType.RECEIVE_MAXIMUM.value(), config.maxInFlight()));
            properties.add(new MqttProperties.IntegerProperty(MqttPropertyType.MAXIMUM_QOS.value(), 1));
            properties.add(new MqttProperties.IntegerProperty(MqttPropertyType.RETAIN_AVAILABLE.value(), 0));
            properties.add(new MqttProperties.IntegerProperty(MqttPropertyType.MAXIMUM_PACKET_SIZE.value(), config.maxMessageBytes()));
        }
        // no session state is kept: unacknowledged messages are the client's to resend
        endpoint.accept(false, properties);
        metrics.sessionOpened();
    }
}
