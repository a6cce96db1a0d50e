package io.gridpulse.streams.groups;

/**
 * The names under which the job keys what ties an event to a household: the household itself, a resident by
 * pseudonym, a device by id. One key space, so that one keyed operator holds all three.
 */
final class Subjects {
    private Subjects() {}

    static String household(String householdId) {
        return "household:" + householdId;
    }

    static String resident(String pseudonym) {
        return "resident:" + pseudonym;
    }

    static String device(String deviceId) {
        return "device:" + deviceId;
    }
}
