package io.gridpulse.ingest;

import io.gridpulse.ingest.auth.ApiKeys;

/**
 * What the edge needs to run. Built from environment variables by the service's Main, or
 * directly by the embedded default and tests.
 *
 * @param host            the interface to listen on
 * @param port            the HTTP port (0 picks a free one)
 * @param kafkaBootstrap  Kafka bootstrap servers
 * @param eventsTopic     the topic events are appended to
 * @param apiKeys         the keys that may call the API
 * @param pseudonymKey    the HMAC key that turns ID numbers and phones into pseudonyms
 * @param maxBodyBytes    the largest request body accepted
 * @param maxInFlight     events waiting for the log before new ones get 503
 */
public record IngestConfig(String host, int port, String kafkaBootstrap, String eventsTopic, ApiKeys apiKeys,
                           byte[] pseudonymKey, int maxBodyBytes, int maxInFlight) {

    public static final String DEFAULT_EVENTS_TOPIC = "gp.events";
}
