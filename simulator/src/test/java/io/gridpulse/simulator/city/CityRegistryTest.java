package io.gridpulse.simulator.city;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridpulse.model.event.DemandCreated;
import io.gridpulse.model.event.DeviceType;
import io.gridpulse.model.event.Event;
import io.gridpulse.model.event.HouseholdVisit;
import io.gridpulse.model.event.ResidentRef;
import io.gridpulse.model.event.Telemetry;
import io.gridpulse.model.privacy.Pseudonymiser;
import io.gridpulse.model.registry.HouseholdRegistration;
import io.gridpulse.simulator.Simulator;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The simulated registry and the simulated events agree: every resident, household and wristband an event names
 * (after ingest's pseudonymisation, with the same key) is listed in the registry, in the household it came from.
 */
class CityRegistryTest {
    private static final Instant START = Instant.parse("2026-11-22T16:00:00Z");
    private static final Instant AS_OF = Instant.parse("2026-11-22T00:00:00Z");
    private static final Pseudonymiser INGEST = new Pseudonymiser("0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8));
    private static final Simulator SIMULATOR = Simulator.of(42);

    private static List<HouseholdRegistration> entries;
    private static Map<String, HouseholdRegistration> byHousehold;
    /** Households by resident pseudonym: generated ID numbers may repeat (500 sequence numbers per birth date and sex). */
    private static Map<String, List<HouseholdRegistration>> byResident;
    private static Map<String, HouseholdRegistration> byDevice;
    /** About a simulated day of events as ingest logs them: residents pseudonymised. */
    private static List<Event> logged;

    @BeforeAll
    static void registryAndADayOfEvents() {
        long t0 = System.nanoTime();
        entries = new CityRegistry(SIMULATOR.city(), INGEST).entries(AS_OF).toList();
        System.out.printf("CityRegistryTest: %d registry entries with %d resident pseudonyms in %d ms%n", entries.size(),
                entries.stream().mapToLong(e -> e.residents().size()).sum(), (System.nanoTime() - t0) / 1_000_000);
        byHousehold = new HashMap<>();
        byResident = new HashMap<>();
        byDevice = new HashMap<>();
        for (var entry : entries) {
            assertThat(byHousehold.put(entry.householdId(), entry)).as("household %s listed once", entry.householdId()).isNull();
            entry.residents().forEach(r -> byResident.computeIfAbsent(r, k -> new java.util.ArrayList<>(1)).add(entry));
            entry.devices().forEach(d -> assertThat(byDevice.put(d, entry)).as("a wristband in one household").isNull());
        }
        logged = SIMULATOR.withEventsPerSimulatedHour(3_600).events(START).limit(100_000).map(INGEST::pseudonymise).toList();
    }

    @Test
    void everyHouseholdIsListedWithItsGridGroupsAndResidents() {
        assertThat((long) entries.size()).isEqualTo(SIMULATOR.city().householdCount());
        var household = SIMULATOR.city().households().filter(Household::isPriority).findFirst().orElseThrow();
        var entry = byHousehold.get(household.id());
        assertThat(entry.gridCode()).isEqualTo(household.grid().code().value());
        assertThat(entry.groups()).containsExactlyInAnyOrderElementsOf(
                household.groups().stream().map(g -> g.name().toLowerCase(Locale.ROOT)).toList());
        assertThat(entry.residents()).hasSameSizeAs(household.residents()).allMatch(r -> r.startsWith("r_"));
        assertThat(entry.asOf()).isEqualTo(AS_OF);
    }

    @Test
    void almostEveryResidentIsListedInOneHouseholdOnly() {
        long residents = entries.stream().mapToLong(e -> e.residents().size()).sum();
        long repeated = byResident.values().stream().filter(households -> households.size() > 1).count();
        System.out.printf("CityRegistryTest: %d of %d resident pseudonyms listed in more than one household%n", repeated, residents);
        assertThat(residents).isGreaterThan(500_000);
        // random ID numbers under one fictional area code meet now and then, as birthdays do; rarely
        assertThat((double) repeated / residents).isLessThan(0.05);
    }

    @Test
    void theRegistryCarriesNoRawIdNumberOrPhone() {
        var household = SIMULATOR.city().households().findFirst().orElseThrow();
        var json = new String(byHousehold.get(household.id()).toJson(), StandardCharsets.UTF_8);
        for (var resident : household.residents()) {
            assertThat(json).doesNotContain(resident.idNumber()).doesNotContain(resident.phone());
        }
    }

    @Test
    void everyDemandRaisedByAResidentNamesOneListedInTheDemandsGrid() {
        var demands = logged.stream().filter(e -> e instanceof DemandCreated d && d.resident() != null)
                .map(DemandCreated.class::cast).toList();
        assertThat(demands).hasSizeGreaterThan(100);
        for (var demand : demands) {
            var pseudonym = ((ResidentRef.Pseudonym) demand.resident()).value();
            assertThat(byResident.get(pseudonym)).as("the household of demand %s", demand.caseId()).isNotNull()
                    .extracting(HouseholdRegistration::gridCode).contains(demand.gridCode().orElseThrow().value());
        }
        // some of them come from priority households: the enrichment has something to find
        assertThat(demands).anyMatch(d -> !byResident.get(((ResidentRef.Pseudonym) d.resident()).value()).getFirst().groups().isEmpty());
    }

    @Test
    void everyVisitNamesAListedHouseholdWithTheSameGroupsAndItsOwnResident() {
        var visits = logged.stream().filter(HouseholdVisit.class::isInstance).map(HouseholdVisit.class::cast).toList();
        assertThat(visits).hasSizeGreaterThan(100);
        for (var visit : visits) {
            var entry = byHousehold.get(visit.householdId());
            assertThat(entry).as("household %s", visit.householdId()).isNotNull();
            assertThat(entry.groups()).containsExactlyInAnyOrderElementsOf(
                    visit.groups().stream().map(g -> g.name().toLowerCase(Locale.ROOT)).toList());
            if (visit.resident() instanceof ResidentRef.Pseudonym p) {
                assertThat(entry.residents()).contains(p.value());
            }
        }
    }

    @Test
    void everyWristbandReportsFromTheHouseholdItIsListedIn() {
        var bands = logged.stream().filter(e -> e instanceof Telemetry t && t.deviceType() == DeviceType.WRISTBAND)
                .map(Telemetry.class::cast).map(Telemetry::deviceId).collect(Collectors.toSet());
        assertThat(bands).hasSizeGreaterThan(100);
        var devices = SIMULATOR.city().wristbands().stream().collect(Collectors.toMap(Device::id, d -> d));
        for (var band : bands) {
            assertThat(byDevice.get(band)).as("wristband %s", band).isNotNull();
            assertThat(byDevice.get(band).householdId()).isEqualTo(SIMULATOR.city().wearer(devices.get(band)).id());
        }
        assertThat(byDevice).hasSize(SIMULATOR.city().wristbands().size());
        // those living alone come first when wristbands are handed out (about one in five of the wearers' households;
        // the others are elderly households of other kinds): their telemetry is what the enrichment ties to a group
        assertThat(byDevice.values().stream().filter(e -> e.inGroup("elderly_alone")).count())
                .isGreaterThan(byDevice.size() / 10);
    }

    @Test
    void theSameSeedAndKeyGiveTheSameRegistry() {
        var again = new CityRegistry(Simulator.of(42).city(), INGEST).entries(AS_OF).limit(1_000).toList();
        assertThat(again).isEqualTo(entries.subList(0, 1_000));
    }
}
