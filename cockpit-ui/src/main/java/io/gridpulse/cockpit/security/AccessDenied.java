package io.gridpulse.cockpit.security;

/** A page, an area or an action the signed-in user may not reach; shown as a 403 page, never as data. */
public final class AccessDenied extends RuntimeException {
    /** For Vaadin, which makes one when a navigation is rerouted to the 403 page. */
    public AccessDenied() {
        super("access denied");
    }

    public AccessDenied(String message) {
        super(message);
    }
}
