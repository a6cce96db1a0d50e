package io.gridpulse.streams.raw;

/**
 * One record as the log holds it: the event's JSON and the time the log appended it.
 *
 * @param json     the event as ingest encoded it (already validated and pseudonymised)
 * @param loggedAt epoch milliseconds of the log append
 */
public record LoggedEvent(byte[] json, long loggedAt) {
}
