package io.gridpulse.ingest.auth;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ApiKeysTest {

    @Test
    void aKeyIsFoundByItsHashAndNamesItsClient() {
        var key = ApiKeys.generate();
        var keys = ApiKeys.parse("kiosk-7=" + ApiKeys.hash(key));
        assertThat(keys.clientFor(key)).hasValue("kiosk-7");
        assertThat(keys.clientFor(key + "x")).isEmpty();
    }

    @Test
    void generatedKeysAreLongPrefixedAndDistinct() {
        var a = ApiKeys.generate();
        assertThat(a).startsWith("gpk_").hasSizeGreaterThan(40);
        assertThat(ApiKeys.generate()).isNotEqualTo(a);
    }

    @Test
    void aMalformedSpecIsRejectedNamingTheEntry() {
        assertThatThrownBy(() -> ApiKeys.parse("kiosk=plaintext")).hasMessageContaining("kiosk=plaintext");
    }

    @Test
    void emptyAndOversizeKeysMatchNothing() {
        var keys = ApiKeys.of(Map.of("t", "secret-key"));
        assertThat(keys.clientFor("")).isEmpty();
        assertThat(keys.clientFor(null)).isEmpty();
        assertThat(keys.clientFor("x".repeat(1000))).isEmpty();
    }
}
