package io.gridpulse.ingest.notify;

import io.gridpulse.model.privacy.SecretBox;

/** The one box subscription secrets are sealed in, derived from the edge's pseudonym key (GP_PSEUDONYM_KEY). */
public final class SubscriptionSecrets {
    private SubscriptionSecrets() {
    }

    public static SecretBox box(byte[] pseudonymKey) {
        return new SecretBox(pseudonymKey, "subscription secrets");
    }
}
