package io.gridpulse.ingest.auth;

import io.gridpulse.model.area.AreaCode;
import io.gridpulse.model.event.EventKind;
import io.gridpulse.model.keys.Right;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KeyFileTest {
    @TempDir
    Path dir;

    private Path file(String json) throws Exception {
        var f = dir.resolve("api-keys.json");
        Files.writeString(f, json);
        return f;
    }

    @Test
    void aKeyFileGivesEachKeyItsRightsAreasKindsAndRate() throws Exception {
        var key = ApiKeys.generate();
        var keys = ApiKeys.read(file("""
                {"keys":[{"client":"terminal-7","sha256":"%s","rights":["write"],"areas":["439901001"],
                          "kinds":["visit","demand.created"],"perSecond":5,"burst":20}]}""".formatted(ApiKeys.hash(key))));

        var grant = keys.grantFor(key).orElseThrow();
        assertThat(grant.client()).isEqualTo("terminal-7");
        assertThat(grant.rights()).containsExactly(Right.WRITE);
        assertThat(grant.areas()).containsExactly(AreaCode.of("439901001"));
        assertThat(grant.kinds()).containsExactlyInAnyOrder(EventKind.VISIT, EventKind.DEMAND_CREATED);
        assertThat(grant.perSecond()).isEqualTo(5.0);
        assertThat(grant.burst()).isEqualTo(20);
        assertThat(grant.covers(AreaCode.of("439901001002003"))).isTrue();
        assertThat(grant.covers(AreaCode.of("439901002001001"))).isFalse();
        assertThat(grant.covers(AreaCode.of("439901"))).as("the county contains the street, not the reverse").isFalse();
    }

    @Test
    void aKeyWithOnlyClientAndHashMayDoEverythingEverywhere() throws Exception {
        var key = ApiKeys.generate();
        var grant = ApiKeys.read(file("{\"keys\":[{\"client\":\"ops\",\"sha256\":\"" + ApiKeys.hash(key) + "\"}]}"))
                .grantFor(key).orElseThrow();
        assertThat(grant.rights()).containsExactlyInAnyOrder(Right.values());
        assertThat(grant.isAreaScoped()).isFalse();
        assertThat(grant.allows(EventKind.TELEMETRY)).isTrue();
    }

    @Test
    void aRevokedKeyIsNotAccepted() throws Exception {
        var key = ApiKeys.generate();
        var keys = ApiKeys.read(file("{\"keys\":[{\"client\":\"lost-phone\",\"sha256\":\"" + ApiKeys.hash(key)
                + "\",\"revoked\":true}]}"));
        assertThat(keys.grantFor(key)).isEmpty();
        assertThat(keys.size()).isZero();
    }

    @Test
    void mistakesInTheFileAreNamedByKeyIndexAndField() throws Exception {
        var hash = ApiKeys.hash("k");
        for (var bad : List.of(
                List.of("{\"keys\":[{\"client\":\"a\"}]}", "/keys/0/sha256"),
                List.of("{\"keys\":[{\"client\":\"a\",\"sha256\":\"ABC\"}]}", "/keys/0/sha256"),
                List.of("{\"keys\":[{\"sha256\":\"" + hash + "\"}]}", "/keys/0/client"),
                List.of("{\"keys\":[{\"client\":\"a\",\"sha256\":\"" + hash + "\",\"rights\":[\"root\"]}]}", "/keys/0/rights"),
                List.of("{\"keys\":[{\"client\":\"a\",\"sha256\":\"" + hash + "\",\"areas\":[\"12x\"]}]}", "/keys/0/areas"),
                List.of("{\"keys\":[{\"client\":\"a\",\"sha256\":\"" + hash + "\",\"kinds\":[\"gossip\"]}]}", "/keys/0/kinds"),
                List.of("{\"keys\":[{\"client\":\"a\",\"sha256\":\"" + hash + "\",\"perSecond\":0}]}", "/keys/0"),
                List.of("{\"keys\":{}}", "\"keys\" array"),
                List.of("{\"keys\":[", "not valid JSON"))) {
            var f = file(bad.get(0));
            assertThatThrownBy(() -> ApiKeys.read(f)).as(bad.get(0))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining(f.toString()).hasMessageContaining(bad.get(1));
        }
    }

    @Test
    void twoKeysForOneClientAreRefused() throws Exception {
        var f = file("{\"keys\":[{\"client\":\"a\",\"sha256\":\"" + ApiKeys.hash("k1") + "\"},{\"client\":\"a\",\"sha256\":\""
                + ApiKeys.hash("k2") + "\"}]}");
        assertThatThrownBy(() -> ApiKeys.read(f)).hasMessageContaining("same client a");
    }
}
