package io.gridpulse.model.privacy;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SecretBoxTest {
    private static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8);

    @Test
    void aSealedSecretOpensOnlyInABoxOfTheSameKeyAndPurpose() {
        var box = new SecretBox(KEY, "subscription secrets");
        var sealed = box.seal("whsec-签名-0123456789");
        assertThat(sealed).doesNotContain("whsec");
        assertThat(box.seal("whsec-签名-0123456789")).as("a fresh nonce each time").isNotEqualTo(sealed);
        assertThat(new SecretBox(KEY, "subscription secrets").open(sealed)).isEqualTo("whsec-签名-0123456789");
        assertThatThrownBy(() -> new SecretBox(KEY, "something else").open(sealed)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SecretBox("another key of 32 bytes, really!".getBytes(StandardCharsets.UTF_8),
                "subscription secrets").open(sealed)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aChangedValueDoesNotOpen() {
        var box = new SecretBox(KEY, "subscription secrets");
        var bytes = Base64.getDecoder().decode(box.seal("whsec-0123456789abcdef"));
        bytes[bytes.length - 1] ^= 1;
        assertThatThrownBy(() -> box.open(Base64.getEncoder().encodeToString(bytes))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> box.open("c2hvcnQ=")).isInstanceOf(IllegalArgumentException.class);
        assertThat(box.open(box.seal(""))).isEmpty();
    }
}
