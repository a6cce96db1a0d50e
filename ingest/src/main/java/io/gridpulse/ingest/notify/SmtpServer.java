package io.gridpulse.ingest.notify;

import java.util.Objects;

/**
 * The operator's mail server, through which e-mail subscriptions are sent (GP_SMTP_HOST, GP_SMTP_PORT, GP_SMTP_FROM,
 * GP_SMTP_USER, GP_SMTP_PASSWORD, GP_SMTP_SECURITY).
 *
 * @param user     null for a server that takes mail without signing in (a relay inside the government network)
 * @param security how the connection is protected
 */
public record SmtpServer(String host, int port, String from, String user, String password, Security security) {

    /** {@code starttls} (port 587, the usual), {@code tls} (implicit, port 465) or {@code none} (a trusted relay). */
    public enum Security {
        STARTTLS, TLS, NONE
    }

    public SmtpServer {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(security, "security");
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException("an SMTP port is 1 to 65535, got " + port);
        }
    }

    @Override
    public String toString() {
        return host + ":" + port + " (" + security.name().toLowerCase(java.util.Locale.ROOT) + ", from " + from + ")";
    }
}
