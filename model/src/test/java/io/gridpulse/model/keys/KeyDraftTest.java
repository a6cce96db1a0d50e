package io.gridpulse.model.keys;

import io.gridpulse.model.area.AreaCode;
import io.gridpulse.model.event.EventKind;
import io.gridpulse.model.json.Problem;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

class KeyDraftTest {
    private static final Predicate<AreaCode> EXISTS = a -> a.value().startsWith("439901");
    private static final Predicate<AreaCode> STREET = a -> AreaCode.of("439901001").contains(a);

    @Test
    void aGoodDraftBecomesAGrantAndAKeyWithoutAreasGetsTheAdministratorsOwn() {
        var checked = new KeyDraft("hall-kiosk-3", List.of("write", "read"), List.of(), List.of("ticket", "feedback"), 50.0, 200)
                .check(EXISTS, STREET, List.of(AreaCode.of("439901001")), Set.of());
        assertThat(checked.ok()).isTrue();
        assertThat(checked.grant()).isEqualTo(new KeyGrant("hall-kiosk-3", Set.of(Right.WRITE, Right.READ),
                List.of(AreaCode.of("439901001")), Set.of(EventKind.TICKET, EventKind.FEEDBACK), 50, 200));
        var whole = new KeyDraft("bridge", List.of("write"), null, null, null, null).check(EXISTS, a -> true, List.of(), Set.of());
        assertThat(whole.grant().areas()).as("a whole-region administrator's key without areas spans the region").isEmpty();
        assertThat(whole.grant().perSecond()).isEqualTo(KeyGrant.DEFAULT_PER_SECOND);
        assertThat(whole.grant().burst()).isEqualTo(KeyGrant.DEFAULT_BURST);
    }

    @Test
    void everyBadFieldIsNamedByItsPointerAndAreasOutsideTheAdministratorsAreTold() {
        var cases = Map.of(
                new KeyDraft("Hall Kiosk", List.of("write"), null, null, null, null), "/client",
                new KeyDraft("taken", List.of("write"), null, null, null, null), "/client",
                new KeyDraft("k1", List.of(), null, null, null, null), "/rights",
                new KeyDraft("k2", List.of("write", "admin"), null, null, null, null), "/rights/1",
                new KeyDraft("k3", List.of("write"), List.of("439902001"), null, null, null), "/areas/0",
                new KeyDraft("k4", List.of("write"), null, List.of("visit", "household_visit"), null, null), "/kinds/1",
                new KeyDraft("k5", List.of("write"), null, null, 0.0, null), "/perSecond",
                new KeyDraft("k6", List.of("write"), null, null, 30_000.0, null), "/perSecond",
                new KeyDraft("k7", List.of("write"), null, null, 10.0, 0), "/burst");
        cases.forEach((draft, pointer) -> {
            var checked = draft.check(EXISTS, STREET, List.of(AreaCode.of("439901001")), Set.of("taken"));
            assertThat(checked.ok()).as(draft.toString()).isFalse();
            assertThat(checked.problems()).as(draft.toString()).extracting(Problem::pointer).contains(pointer);
        });
        var outside = new KeyDraft("k8", List.of("write"), List.of("439901001001", "439901002"), null, null, null)
                .check(EXISTS, STREET, List.of(AreaCode.of("439901001")), Set.of());
        assertThat(outside.ok()).isFalse();
        assertThat(outside.problems()).isEmpty();
        assertThat(outside.outside()).extracting(Problem::pointer).containsExactly("/areas/1");
    }

    @Test
    void aKeyIsKeptAsItsSha256AndEveryNewKeyDiffers() {
        var key = KeyMaterial.generate();
        assertThat(key).startsWith("gpk_").hasSize(47);
        assertThat(KeyMaterial.generate()).isNotEqualTo(key);
        assertThat(KeyMaterial.sha256Hex("abc")).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }
}
