package io.gridpulse.cockpit.security;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** RFC 6238's test vectors (appendix B, SHA-1, the last six of its eight digits) and what an app reads. */
class TotpTest {
    private static final String RFC_SECRET = Totp.base32("12345678901234567890".getBytes(StandardCharsets.US_ASCII));

    @Test
    void theCodesOfRfc6238AppendixB() {
        assertThat(Totp.code(RFC_SECRET, Totp.step(Instant.ofEpochSecond(59)))).isEqualTo("287082");
        assertThat(Totp.code(RFC_SECRET, Totp.step(Instant.ofEpochSecond(1_111_111_109)))).isEqualTo("081804");
        assertThat(Totp.code(RFC_SECRET, Totp.step(Instant.ofEpochSecond(1_234_567_890)))).isEqualTo("005924");
        assertThat(Totp.code(RFC_SECRET, Totp.step(Instant.ofEpochSecond(2_000_000_000)))).isEqualTo("279037");
        assertThat(Totp.code(RFC_SECRET, Totp.step(Instant.ofEpochSecond(20_000_000_000L)))).isEqualTo("353130");
    }

    @Test
    void aCodeIsAcceptedOneStepEitherSideOnceAndNeverAgain() {
        var secret = Totp.newSecret();
        var now = Instant.parse("2026-12-07T02:00:10Z");
        var step = Totp.step(now);
        assertThat(Totp.matches(secret, Totp.code(secret, step), now, 0)).hasValue(step);
        assertThat(Totp.matches(secret, Totp.code(secret, step - 1), now, 0)).hasValue(step - 1);
        assertThat(Totp.matches(secret, Totp.code(secret, step + 1), now, 0)).hasValue(step + 1);
        assertThat(Totp.matches(secret, Totp.code(secret, step - 2), now, 0)).isEmpty();
        assertThat(Totp.matches(secret, Totp.code(secret, step), now, step)).as("used already").isEmpty();
        var typed = Totp.code(secret, step);
        assertThat(Totp.matches(secret, typed.substring(0, 3) + " " + typed.substring(3), now, 0)).hasValue(step);
        assertThat(Totp.matches(secret, "12345", now, 0)).isEmpty();
        assertThat(Totp.matches(secret, null, now, 0)).isEmpty();
    }

    @Test
    void theSecretIsBase32OfTwentyBytesAndTheUriIsWhatAppsRead() {
        var secret = Totp.newSecret();
        assertThat(secret).hasSize(32).matches("[A-Z2-7]+");
        assertThat(Totp.unbase32(secret)).hasSize(20);
        assertThat(Totp.base32("foobar".getBytes(StandardCharsets.US_ASCII))).isEqualTo("MZXW6YTBOI");
        assertThat(Totp.uri("GridPulse", "王 五", "MZXW6YTBOI"))
                .isEqualTo("otpauth://totp/GridPulse:%E7%8E%8B%20%E4%BA%94?secret=MZXW6YTBOI&issuer=GridPulse&algorithm=SHA1&digits=6&period=30");
        assertThat(Totp.grouped("ABCDEFGHIJ")).isEqualTo("ABCD EFGH IJ");
    }
}
