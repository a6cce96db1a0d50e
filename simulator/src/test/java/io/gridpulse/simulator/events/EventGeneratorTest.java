package io.gridpulse.simulator.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.gridpulse.model.event.DemandClass;
import io.gridpulse.model.event.DemandClassified;
import io.gridpulse.model.event.DemandCreated;
import io.gridpulse.model.event.DemandResponded;
import io.gridpulse.model.event.DeviceType;
import io.gridpulse.model.event.Event;
import io.gridpulse.model.event.Feedback;
import io.gridpulse.model.event.HallTicket;
import io.gridpulse.model.event.HouseholdVisit;
import io.gridpulse.model.event.ResidentRef;
import io.gridpulse.model.event.TargetType;
import io.gridpulse.model.event.Telemetry;
import io.gridpulse.model.event.TicketStage;
import io.gridpulse.model.json.Decoded;
import io.gridpulse.model.json.EventCodec;
import io.gridpulse.model.json.Limits;
import io.gridpulse.model.privacy.ResidentIdentifiers;
import io.gridpulse.simulator.Simulator;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class EventGeneratorTest {

    /** A Monday, midnight in Shanghai. */
    private static final Instant START = Instant.parse("2026-11-22T16:00:00Z");
    private static final Simulator SIMULATOR = Simulator.of(42);

    /** A long run (about four simulated days), shared by the statistical tests. */
    private static List<Event> run;

    @BeforeAll
    static void generate() {
        run = SIMULATOR.withEventsPerSimulatedHour(3_600).events(START).limit(300_000).toList();
    }

    private static List<String> encoded(Simulator simulator, int count) {
        var codec = EventCodec.standard();
        return simulator.events(START).limit(count).map(codec::encodeToString).toList();
    }

    @Test
    void theSameSeedGivesTheIdenticalStream() {
        assertThat(encoded(Simulator.of(42), 10_000)).isEqualTo(encoded(Simulator.of(42), 10_000));
    }

    @Test
    void anotherSeedGivesAnotherStream() {
        var a = encoded(Simulator.of(42), 1_000);
        var b = encoded(Simulator.of(43), 1_000);
        assertThat(a).doesNotContainAnyElementsOf(b);
    }

    @Test
    void everyEventSurvivesTheCodecAsAValidEqualEvent() {
        var events = run.subList(0, 25_000);
        var clock = Clock.fixed(events.getLast().occurredAt().plusSeconds(60), ZoneOffset.UTC);
        var codec = new EventCodec(clock, Limits.defaults());
        for (var event : events) {
            var decoded = codec.decode(codec.encode(event));
            assertThat(decoded).as(codec.encodeToString(event)).isInstanceOf(Decoded.Valid.class);
            assertThat(((Decoded.Valid) decoded).event()).isEqualTo(event);
        }
    }

    @Test
    void eventTimesNeverGoBackwardsAndCarryTheShanghaiOffset() {
        for (int i = 1; i < run.size(); i++) {
            assertThat(run.get(i).occurredAt()).isAfterOrEqualTo(run.get(i - 1).occurredAt());
        }
        assertThat(run).allSatisfy(e -> {
            assertThat(e.envelope().offset()).isEqualTo(ZoneOffset.ofHours(8));
            assertThat(e.gridCode()).isPresent();
        });
    }

    @Test
    void eventIdsAreUniqueOverFiftyThousandEvents() {
        var ids = run.stream().limit(50_000).map(Event::eventId).toList();
        assertThat(new HashSet<>(ids)).hasSize(50_000);
    }

    @Test
    void demandTypesFollowTheMixOfTheLilingPlan() {
        var demands = run.stream().filter(DemandCreated.class::isInstance).map(DemandCreated.class::cast).toList();
        assertThat(demands.size()).isGreaterThan(5_000);
        assertThat(share(demands, DemandType.MEDICAL_INSURANCE)).isCloseTo(0.35, within(0.03));
        assertThat(share(demands, DemandType.EMPLOYMENT_GUIDANCE)).isCloseTo(0.28, within(0.03));
        assertThat(share(demands, DemandType.ELDERLY_CARE)).isCloseTo(0.22, within(0.03));
        assertThat(demands.stream().map(DemandCreated::demandType).distinct()).hasSize(DemandType.values().length);
    }

    private static double share(List<DemandCreated> demands, DemandType type) {
        return (double) demands.stream().filter(d -> d.demandType().equals(type.code())).count() / demands.size();
    }

    @Test
    void aboutOneVisitInFourRecordsNothing() {
        var visits = run.stream().filter(HouseholdVisit.class::isInstance).map(HouseholdVisit.class::cast).toList();
        assertThat(visits.size()).isGreaterThan(5_000);
        double empty = (double) visits.stream().filter(HouseholdVisit::isEmpty).count() / visits.size();
        assertThat(empty).isCloseTo(0.23, within(0.04));
    }

    @Test
    void residentsAreIdentifiedWithValidIdNumbers() {
        var residents = run.stream().limit(50_000).<ResidentRef>mapMulti((e, sink) -> {
            if (e instanceof DemandCreated d && d.resident() != null) {
                sink.accept(d.resident());
            } else if (e instanceof HouseholdVisit v && v.resident() != null) {
                sink.accept(v.resident());
            }
        }).map(ResidentRef.Identified.class::cast).toList();
        assertThat(residents).isNotEmpty().allSatisfy(r -> {
            assertThat(ResidentIdentifiers.isValidIdNumber(r.idNumber())).isTrue();
            assertThat(ResidentIdentifiers.isValidPhone(r.phone())).isTrue();
        });
    }

    @Test
    void someCasesAnswerLateAndTheirResidentsRateThemLower() {
        var created = new HashMap<String, Instant>();
        var late = new HashSet<String>();
        for (var e : run) {
            if (e instanceof DemandCreated d) {
                created.put(d.caseId(), d.occurredAt());
            } else if (e instanceof DemandResponded r && created.containsKey(r.caseId())
                    && Duration.between(created.get(r.caseId()), r.occurredAt()).compareTo(Duration.ofHours(24)) > 0) {
                late.add(r.caseId());
            }
        }
        var inTime = new ArrayList<Double>();
        var slow = new ArrayList<Double>();
        for (var e : run) {
            if (e instanceof Feedback f && f.target().type() == TargetType.CASE && created.containsKey(f.target().id())) {
                (late.contains(f.target().id()) ? slow : inTime).add(f.rating().score());
            }
        }
        assertThat(late.size()).isGreaterThan(created.size() / 50);
        assertThat(slow).hasSizeGreaterThan(30);
        assertThat(mean(slow)).isLessThan(mean(inTime) - 0.1);
    }

    private static double mean(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
    }

    @Test
    void hallTicketsPeakInTheMorningAndAfternoonAndStopAtNight() {
        var byHour = new int[24];
        run.stream().filter(e -> e instanceof HallTicket t && t.stage() == TicketStage.ISSUED)
                .forEach(e -> byHour[e.envelope().localOccurredAt().getHour()]++);
        assertThat(byHour[9] + byHour[10]).isGreaterThan(3 * (byHour[12] + byHour[13]));
        assertThat(byHour[14] + byHour[15]).isGreaterThan(2 * (byHour[16] + byHour[17]));
        assertThat(byHour[22] + byHour[23] + byHour[0] + byHour[3]).isZero();
    }

    @Test
    void wristbandHeartRatesAreMostlyNormalWithRareAlarms() {
        var bands = run.stream().filter(e -> e instanceof Telemetry t && t.deviceType() == DeviceType.WRISTBAND)
                .map(Telemetry.class::cast).toList();
        double normal = (double) bands.stream().filter(t -> t.heartRate() >= 60 && t.heartRate() <= 100).count()
                / bands.size();
        assertThat(normal).isBetween(0.99, 0.9999);
        assertThat(bands).anyMatch(Telemetry::sos);
        assertThat(bands).allSatisfy(t -> assertThat(t.batteryPercent()).isBetween(5.0, 100.0));
    }

    @Test
    void demandClassesFollowTheDefaultSplitOfResolveNowCoordinateAndTrack() {
        var classified = run.stream().filter(DemandClassified.class::isInstance).map(DemandClassified.class::cast)
                .collect(java.util.stream.Collectors.groupingBy(DemandClassified::demandClass, java.util.stream.Collectors.counting()));
        double total = classified.values().stream().mapToLong(Long::longValue).sum();
        assertThat(total).isGreaterThan(5_000);
        assertThat(classified.get(DemandClass.RESOLVE_NOW) / total).isCloseTo(0.55, within(0.03));
        assertThat(classified.get(DemandClass.COORDINATE) / total).isCloseTo(0.35, within(0.03));
        assertThat(classified.get(DemandClass.TRACK) / total).isCloseTo(0.10, within(0.02));
    }

    @Test
    void gridWorkersVisitInFieldHoursAndLittleAtWeekends() {
        var visits = run.stream().filter(HouseholdVisit.class::isInstance).map(e -> e.envelope().localOccurredAt()).toList();
        double inFieldHours = visits.stream().filter(t -> t.getHour() >= 7 && t.getHour() < 21).count() / (double) visits.size();
        assertThat(inFieldHours).isGreaterThan(0.98);
        var perDay = visits.stream().collect(java.util.stream.Collectors.groupingBy(t -> t.toLocalDate(),
                java.util.stream.Collectors.counting()));
        // the run starts on a Monday and lasts about four days: compare with a weekend drawn alone
        var weekend = SIMULATOR.events(Instant.parse("2026-11-27T16:00:00Z"))
                .takeWhile(e -> e.occurredAt().isBefore(Instant.parse("2026-11-28T16:00:00Z")))
                .filter(HouseholdVisit.class::isInstance).count();
        assertThat((double) weekend).isLessThan(0.5 * perDay.values().stream().mapToLong(Long::longValue).max().orElseThrow());
    }

    @Test
    void priorityHouseholdsAreVisitedMoreOftenThanTheirShare() {
        var visits = run.stream().filter(HouseholdVisit.class::isInstance).map(HouseholdVisit.class::cast).toList();
        double priorityVisits = visits.stream().filter(v -> !v.groups().isEmpty()).count() / (double) visits.size();
        double priorityHouseholds = SIMULATOR.city().households().limit(40_000).filter(h -> h.isPriority()).count() / 40_000.0;
        assertThat(priorityVisits).isGreaterThan(priorityHouseholds * 1.2);
    }

    @Test
    void abnormalHeartRatesAndSosComeAtTheirConfiguredRarity() {
        var bands = run.stream().filter(e -> e instanceof Telemetry t && t.deviceType() == DeviceType.WRISTBAND)
                .map(Telemetry.class::cast).toList();
        double abnormal = bands.stream().filter(t -> t.heartRate() < 60 || t.heartRate() > 100).count() / (double) bands.size();
        double sos = bands.stream().filter(Telemetry::sos).count() / (double) bands.size();
        assertThat(abnormal).isCloseTo(EventGenerator.ABNORMAL_HEART_RATE, within(0.0015));
        assertThat(sos).isCloseTo(EventGenerator.SOS, within(0.0004));
    }

    @Test
    void everyWristbandReportsOnABeatSoNoneLooksOfflineForLongerThanTwiceItsCadence() {
        // 300,000 events at 3,600 an hour: about 83 simulated hours; each device type takes turns
        var reports = new java.util.HashMap<String, List<Instant>>();
        for (var e : run) {
            if (e instanceof io.gridpulse.model.event.Telemetry t && t.deviceType() == io.gridpulse.model.event.DeviceType.WRISTBAND) {
                reports.computeIfAbsent(t.deviceId(), k -> new java.util.ArrayList<>()).add(t.envelope().occurredAt());
            }
        }
        long total = reports.values().stream().mapToLong(List::size).sum();
        assertThat(reports.size()).as("every wristband reports").isEqualTo(SIMULATOR.city().wristbands().size());
        var first = run.getFirst().envelope().occurredAt();
        var last = run.getLast().envelope().occurredAt();
        double cadenceSeconds = java.time.Duration.between(first, last).toSeconds() / ((double) total / reports.size());
        double worstGap = 0;
        for (var times : reports.values()) {
            for (int i = 1; i < times.size(); i++) {
                worstGap = Math.max(worstGap, java.time.Duration.between(times.get(i - 1), times.get(i)).toSeconds());
            }
        }
        // random picks gave exponential gaps: the worst of ~5,000 x 5 gaps would be about 10 cadences
        assertThat(worstGap).isLessThan(2 * cadenceSeconds);
    }

    @Test
    void theRateKnobSetsTheMeanNumberOfEventsPerSimulatedHour() {
        var week = Duration.ofDays(7);
        var end = START.plus(week);
        long count = SIMULATOR.withEventsPerSimulatedHour(600).events(START)
                .takeWhile(e -> e.occurredAt().isBefore(end)).count();
        // lifecycles started near the end spill over, so the first week is a little short of 600/h
        assertThat(count / (double) week.toHours()).isCloseTo(600, within(90.0));
    }
}
