package io.gridpulse.ingest.mqtt;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import java.util.concurrent.atomic.AtomicInteger;

/** The device edge's meters: open sessions, messages by QoS and outcome, connections refused. */
final class MqttMetrics {
    static final String ACCEPTED = "accepted";

    private final MeterRegistry registry;
    private final AtomicInteger sessions = new AtomicInteger();

    MqttMetrics(MeterRegistry registry) {
        this.registry = registry;
        Gauge.builder("ingest.mqtt.sessions", sessions, AtomicInteger::get)
                .description("MQTT device sessions connected and authenticated")
                .register(registry);
    }

    void sessionOpened() {
        sessions.incrementAndGet();
    }

    void sessionClosed() {
        sessions.decrementAndGet();
    }

    int sessions() {
        return sessions.get();
    }

    /** A message's fate: {@value #ACCEPTED}, or the reason it was not stored. */
    void message(int qos, String outcome) {
        Counter.builder("ingest.mqtt.messages")
                .description("MQTT PUBLISH packets from devices by QoS and outcome (accepted, or why not stored)")
                .tags("qos", Integer.toString(qos), "outcome", outcome)
                .register(registry)
                .increment();
    }

    /** A device connected again while connected: its older connection was closed. */
    void sessionTakenOver() {
        Counter.builder("ingest.mqtt.sessions.taken.over")
                .description("MQTT device connections closed because the same device connected again")
                .register(registry)
                .increment();
    }

    void connectionRefused(String reason) {
        Counter.builder("ingest.mqtt.connections.refused")
                .description("MQTT CONNECTs refused, by reason")
                .tag("reason", reason)
                .register(registry)
                .increment();
    }
}
