package io.gridpulse.ingest.notify;

import io.gridpulse.model.notify.Subscription;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import java.util.Date;
import java.util.Properties;

/**
 * Sends a notification as an e-mail through the operator's SMTP server ({@link SmtpServer}): the subject in Chinese
 * and English, the body the Chinese text, then the English one, as plain UTF-8 text that every mail program shows. A
 * server that refuses the message or cannot be reached makes a failed attempt, retried like any other.
 */
final class EmailChannel {
    private static final String TIMEOUT_MS = "10000";
    private final SmtpServer server;
    private final RobotMessage chinese;
    private final RobotMessage english;
    private final Session session;

    /** @param server null when no mail server is configured: every e-mail then fails, saying so */
    EmailChannel(SmtpServer server, RobotMessage chinese) {
        this.server = server;
        this.chinese = chinese;
        this.english = chinese.inEnglish();
        this.session = server == null ? null : Session.getInstance(properties(server));
    }

    /** The error, empty when the server took the message. */
    String send(Subscription subscription, Notification notification) {
        if (server == null) {
            return "no mail server is configured (set GP_SMTP_HOST)";
        }
        try {
            var message = new MimeMessage(session);
            message.setFrom(new InternetAddress(server.from()));
            message.setRecipient(MimeMessage.RecipientType.TO, new InternetAddress(subscription.target(), true));
            message.setSubject(chinese.title(notification) + " / " + english.title(notification), "UTF-8");
            message.setSentDate(new Date());
            message.setHeader("X-GridPulse-Delivery", notification.deliveryId());
            message.setText(chinese.markdown(notification) + "\n\n----\n\n" + english.markdown(notification), "UTF-8");
            if (server.user() == null) {
                Transport.send(message);
            } else {
                Transport.send(message, server.user(), server.password());
            }
            return "";
        } catch (MessagingException e) {
            return "the mail server refused: " + e.getMessage();
        }
    }

    private static Properties properties(SmtpServer server) {
        var props = new Properties();
        props.put("mail.smtp.host", server.host());
        props.put("mail.smtp.port", Integer.toString(server.port()));
        props.put("mail.smtp.connectiontimeout", TIMEOUT_MS);
        props.put("mail.smtp.timeout", TIMEOUT_MS);
        props.put("mail.smtp.writetimeout", TIMEOUT_MS);
        props.put("mail.smtp.auth", Boolean.toString(server.user() != null));
        // the name said in EHLO: the sender's domain, not the machine's, whose lookup can hang where DNS is absent
        props.put("mail.smtp.localhost", server.from().substring(server.from().indexOf('@') + 1));
        switch (server.security()) {
            case STARTTLS -> {
                props.put("mail.smtp.starttls.enable", "true");
                props.put("mail.smtp.starttls.required", "true");
            }
            case TLS -> props.put("mail.smtp.ssl.enable", "true");
            case NONE -> { }
        }
        return props;
    }
}
