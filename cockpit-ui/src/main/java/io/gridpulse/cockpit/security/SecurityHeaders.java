package io.gridpulse.cockpit.security;

import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;

/**
 * Headers on every answer of the cockpit. Framing is refused ({@code frame-ancestors 'none'}, and the older
 * {@code X-Frame-Options: DENY}): a page of another site could otherwise show the inbox in an invisible frame and
 * trick a watcher into acknowledging or escalating an alert (clickjacking). The wall kiosk opens the wall top-level.
 * Over HTTPS, browsers are told to keep to it (HSTS).
 */
public final class SecurityHeaders implements VaadinServiceInitListener {
    static final String FRAMING = "frame-ancestors 'none'";

    @Override
    public void serviceInit(ServiceInitEvent event) {
        // request handlers added here run before Vaadin's own, and answering false passes the request on
        event.addRequestHandler((session, request, response) -> {
            response.setHeader("Content-Security-Policy", FRAMING);
            response.setHeader("X-Frame-Options", "DENY");
            response.setHeader("X-Content-Type-Options", "nosniff");
            response.setHeader("Referrer-Policy", "same-origin");
            if (request.isSecure()) {
                response.setHeader("Strict-Transport-Security", "max-age=31536000");
            }
            return false;
        });
    }
}
