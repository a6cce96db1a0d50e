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
import io.gridpulse.ingest.auth.RateLimiter;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VerticleBase;
import io.vertx.mqtt.MqttEndpoint;
import io.vertx.mqtt.MqttServer;
import io.vertx.mqtt.MqttServerOptions;
import io.vertx.mqtt.messages.codes.MqttDisconnectReasonCode;
import io.vertx.mqtt.messages.codes.MqttSubAckReasonCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Collections;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The device edge: an MQTT 3.1.1 and 5 server where each device, logged in with its id and key,
 * publishes readings to {@code gp/v1/devices/{id}/telemetry} and alarms to {@code .../sos}. A QoS 1
 * message is acknowledged only once the event log has it. Devices publish only; subscriptions are refused.
 */
public final class MqttDeviceServer extends VerticleBase {
    private static final Logger log = LoggerFactory.getLogger(MqttDeviceServer.class);
    /** How often the device keys are looked at for changes, as the HTTP edge looks at its keys. */
    static final java.time.Duration KEY_CHECK = java.time.Duration.ofSeconds(2);

    private final MqttConfig config;
    private final EventLog eventLog;
    private final IngestMetrics ingestMetrics;
    private final MqttMetrics metrics;
    private final DevicePayload payloads;
    private final EventAdmission admission;
    private final EventCodec codec;
    private MqttServer server;
    /** Shared by a device's successive connections, so that reconnecting does not refill its bucket. */
    private final RateLimiter rates = new RateLimiter();
    private final AtomicInteger connections = new AtomicInteger();
    private final ConcurrentHashMap<String, AtomicInteger> connectionsByAddress = new ConcurrentHashMap<>();
    /** The one connection of each device: a new one takes over, as MQTT does for a client id (3.1.4-3). */
    private final ConcurrentHashMap<String, Held> byDevice = new ConcurrentHashMap<>();

    /** A device's connection and the event loop it runs on, where it must be closed. */
    private record Held(MqttEndpoint endpoint, Context context, boolean v5) {}

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
                    if (config.deviceKeys().follows()) {
                        // a device registered or revoked on the keys page connects, or is refused, within seconds
                        vertx.setPeriodic(KEY_CHECK.toMillis(), id -> vertx.executeBlocking(() -> {
                            config.deviceKeys().refresh();
                            return null;
                        }, false));
                    }
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
        // counted before the key is looked at: a flood of bad logins is held to the same bounds
        var address = endpoint.remoteAddress() == null ? "unknown" : endpoint.remoteAddress().hostAddress();
        var limits = config.limits();
        if (connections.incrementAndGet() > limits.connections()) {
            connections.decrementAndGet();
            metrics.connectionRefused("too-many-connections");
            endpoint.reject(v5 ? MqttConnectReturnCode.CONNECTION_REFUSED_SERVER_BUSY
                    : MqttConnectReturnCode.CONNECTION_REFUSED_SERVER_UNAVAILABLE);
            return;
        }
        var fromAddress = connectionsByAddress.computeIfAbsent(address, a -> new AtomicInteger());
        if (fromAddress.incrementAndGet() > limits.perAddress()) {
            release(address, fromAddress);
            metrics.connectionRefused("too-many-from-address");
            endpoint.reject(v5 ? MqttConnectReturnCode.CONNECTION_REFUSED_CONNECTION_RATE_EXCEEDED
                    : MqttConnectReturnCode.CONNECTION_REFUSED_SERVER_UNAVAILABLE);
            return;
        }
        if (!admit(endpoint, v5)) {
            release(address, fromAddress);
            return;
        }
        endpoint.closeHandler(closed -> {
            metrics.sessionClosed();
            release(address, fromAddress);
            byDevice.computeIfPresent(endpoint.auth().getUsername(), (id, held) -> held.endpoint() == endpoint ? null : held);
        });
    }

    private void release(String address, AtomicInteger fromAddress) {
        connections.decrementAndGet();
        if (fromAddress.decrementAndGet() <= 0) {
            connectionsByAddress.remove(address, fromAddress);
        }
    }

    /** Authenticates and accepts a connection counted against the limits; false when it was refused. */
    private boolean admit(MqttEndpoint endpoint, boolean v5) {
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
            return false;
        }
        var limits = config.limits();
        var own = grant.get();
        var rate = new KeyGrant(own.client(), own.rights(), own.areas(), own.kinds(),
                Math.min(own.perSecond(), limits.perDevice()), Math.min(own.burst(), limits.burstPerDevice()));
        var session = new DeviceSession(endpoint, own, v5, config.maxInFlight(), payloads, admission, codec,
                eventLog, metrics, ingestMetrics, () -> rates.take(rate, 1) == 0);
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
        var previous = byDevice.put(deviceId, new Held(endpoint, Vertx.currentContext(), v5));
        if (previous != null && previous.endpoint() != endpoint) {
            metrics.sessionTakenOver();
            previous.context().runOnContext(v -> {
                if (previous.endpoint().isConnected()) {
                    // MQTT 5 hears why (its DISCONNECT closes the connection); 3.1.1 has no word for it
                    if (previous.v5()) {
                        previous.endpoint().disconnect(MqttDisconnectReasonCode.SESSION_TAKEN_OVER, MqttProperties.NO_PROPERTIES);
                    } else {
                        previous.endpoint().close();
                    }
                }
            });
        }
        return true;
    }
}
