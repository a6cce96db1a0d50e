package io.gridpulse.model.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.gridpulse.model.Samples;
import io.gridpulse.model.area.AreaCode;
import io.gridpulse.model.area.AreaLevel;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class EventRecordsTest {

    private final Envelope envelope = Samples.envelope();

    @Test
    void envelopeKeepsTheClientOffsetForLocalTime() {
        var env = Envelope.of("evt-12345678", OffsetDateTime.parse("2026-11-23T09:30:00+08:00"), "t", Placement.of(Samples.GRID));
        assertThat(env.occurredAt()).isEqualTo(Instant.parse("2026-11-23T01:30:00Z"));
        assertThat(env.offset()).isEqualTo(ZoneOffset.ofHours(8));
        assertThat(env.localOccurredAt()).hasToString("2026-11-23T09:30+08:00");
    }

    @Test
    void envelopeRequiresEveryPart() {
        var p = Placement.of(Samples.GRID);
        var t = Instant.EPOCH;
        assertThatThrownBy(() -> new Envelope(null, t, ZoneOffset.UTC, "s", p)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new Envelope(" ", t, ZoneOffset.UTC, "s", p)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Envelope("e", null, ZoneOffset.UTC, "s", p)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new Envelope("e", t, null, "s", p)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new Envelope("e", t, ZoneOffset.UTC, null, p)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new Envelope("e", t, ZoneOffset.UTC, "s", null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void eventDefaultsReadTheEnvelope() {
        var visit = Samples.visit();
        assertThat(visit.eventId()).isEqualTo(envelope.eventId());
        assertThat(visit.occurredAt()).isEqualTo(envelope.occurredAt());
        assertThat(visit.source()).isEqualTo("terminal-0042");
        assertThat(visit.gridCode()).contains(Samples.GRID);
        assertThat(visit.point()).isEmpty();
    }

    @Test
    void gridCodeIsEmptyForAnEventPlacedByPointOnly() {
        var env = new Envelope("evt-12345678", Instant.EPOCH, ZoneOffset.UTC, "s", Placement.of(GeoPoint.wgs84(113.5, 27.6)));
        var plaque = new PlaqueEvent(env, "p", PlaqueSubjectType.AGENCY, PlaqueAction.DAMAGED, null);
        assertThat(plaque.gridCode()).isEmpty();
        assertThat(plaque.point()).contains(GeoPoint.wgs84(113.5, 27.6));
    }

    @Test
    void gridCodeReturnsTheAreaCodeWhateverItsLevel() {
        var env = new Envelope("evt-12345678", Instant.EPOCH, ZoneOffset.UTC, "s", Placement.of(AreaCode.of("430281001")));
        var plaque = new PlaqueEvent(env, "p", PlaqueSubjectType.AGENCY, PlaqueAction.DAMAGED, null);
        assertThat(plaque.gridCode()).map(AreaCode::level).contains(AreaLevel.STREET);
    }

    @Test
    void placementNeedsAnAreaCodeOrAPoint() {
        assertThatThrownBy(() -> new Placement(null, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("area code or a point");
        assertThat(new Placement(Samples.GRID, GeoPoint.wgs84(0, 0)).point()).isNotNull();
    }

    @ParameterizedTest
    @CsvSource({"180.0001,0", "-180.0001,0", "0,90.0001", "0,-90.0001", "NaN,0", "0,NaN", "Infinity,0"})
    void pointsOutsideTheGlobeAreRejected(double lon, double lat) {
        assertThatThrownBy(() -> GeoPoint.wgs84(lon, lat)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void pointsOnTheEdgesOfTheGlobeAreAccepted() {
        assertThat(new GeoPoint(-180, -90, Crs.BD09)).isNotNull();
        assertThat(new GeoPoint(180, 90, Crs.CGCS2000)).isNotNull();
    }

    @Test
    void pointNeedsACrs() {
        assertThatThrownBy(() -> new GeoPoint(1, 1, null)).isInstanceOf(NullPointerException.class);
    }

    @ParameterizedTest
    @CsvSource({"1,0.0", "2,0.25", "3,0.5", "4,0.75", "5,1.0"})
    void starsScoreAsStarsMinusOneOverFour(int stars, double score) {
        assertThat(Rating.stars(stars).score()).isCloseTo(score, within(1e-12));
    }

    @Test
    void goodScoresOneAndBadScoresZero() {
        assertThat(Rating.good().score()).isEqualTo(1.0);
        assertThat(Rating.bad().score()).isEqualTo(0.0);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 6, -1, 10})
    void starsOutsideOneToFiveAreRejected(int stars) {
        assertThatThrownBy(() -> Rating.stars(stars)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1 to 5");
    }

    @Test
    void anIdentifiedResidentNeedsAnIdNumberOrAPhone() {
        assertThatThrownBy(() -> new ResidentRef.Identified(null, null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ResidentRef.Identified("", " ")).isInstanceOf(IllegalArgumentException.class);
        assertThat(new ResidentRef.Identified(null, Samples.PHONE).phone()).isEqualTo(Samples.PHONE);
        assertThat(new ResidentRef.Identified(Samples.ID_NUMBER, null).idNumber()).isEqualTo(Samples.ID_NUMBER);
    }

    @Test
    void anIdentifiedResidentNeverPrintsItsIdentifiers() {
        var resident = new ResidentRef.Identified(Samples.ID_NUMBER, Samples.PHONE);
        assertThat(resident.toString()).doesNotContain(Samples.ID_NUMBER).doesNotContain(Samples.PHONE);
        assertThat(Samples.visit().toString()).doesNotContain(Samples.ID_NUMBER).doesNotContain("12345678");
    }

    @Test
    void aPseudonymNeedsAValue() {
        assertThatThrownBy(() -> new ResidentRef.Pseudonym(" ")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aVisitWithNoDemandsAndNoNotesIsEmpty() {
        var v = Samples.visit();
        var empty = new HouseholdVisit(envelope, "gw", "hh", VisitType.ROUTINE, 5, Set.of(), List.of(), null, null);
        assertThat(empty.isEmpty()).isTrue();
        assertThat(new HouseholdVisit(envelope, "gw", "hh", VisitType.ROUTINE, 5, null, null, "  \n", null).isEmpty())
                .isTrue();
        assertThat(v.isEmpty()).isFalse();
    }

    @Test
    void aVisitWithOnlyNotesOrOnlyDemandsIsNotEmpty() {
        assertThat(new HouseholdVisit(envelope, "gw", "hh", VisitType.LOOK_BACK, 5, null, null, "家中無人", null)
                .isEmpty()).isFalse();
        assertThat(new HouseholdVisit(envelope, "gw", "hh", VisitType.LOOK_BACK, 5, null,
                List.of(RaisedDemand.of("elderly_care")), null, null).isEmpty()).isFalse();
    }

    @Test
    void aVisitCopiesItsCollectionsSoLaterChangesDoNotLeakIn() {
        var groups = new HashSet<>(Set.of(PopulationGroup.MIGRANT));
        var demands = new ArrayList<>(List.of(RaisedDemand.of("employment")));
        var visit = new HouseholdVisit(envelope, "gw", "hh", VisitType.FIRST_ROUND, 5, groups, demands, null, null);
        groups.add(PopulationGroup.DISABLED);
        demands.clear();
        assertThat(visit.groups()).containsExactly(PopulationGroup.MIGRANT);
        assertThat(visit.demands()).hasSize(1);
        assertThatThrownBy(() -> visit.demands().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> visit.groups().clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    @ParameterizedTest
    @ValueSource(ints = {-1, 1441})
    void aVisitDurationOutsideADayIsRejected(int minutes) {
        assertThatThrownBy(() -> new HouseholdVisit(envelope, "gw", "hh", VisitType.ROUTINE, minutes, null, null, null, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("durationMinutes");
    }

    @Test
    void withResidentReplacesOnlyTheResident() {
        var visit = Samples.visit();
        var pseudonym = new ResidentRef.Pseudonym("r_x");
        assertThat(visit.withResident(pseudonym)).usingRecursiveComparison().ignoringFields("resident").isEqualTo(visit);
        assertThat(visit.withResident(pseudonym).resident()).isEqualTo(pseudonym);
        assertThat(Samples.demandCreated().withResident(pseudonym).resident()).isEqualTo(pseudonym);
    }

    @Test
    void aWhistleNamesAtLeastOneDepartment() {
        assertThatThrownBy(() -> new WhistleRaised(envelope, "c", List.of(), null, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new WhistleRaised(envelope, "c", null, null, null))
                .isInstanceOf(NullPointerException.class);
    }

    @Test
    void feedbackCopiesItsDimensionsAndListsThemInDeclaredOrder() {
        var dimensions = new EnumMap<Dimension, Rating>(Dimension.class);
        dimensions.put(Dimension.EFFICIENCY, Rating.good());
        dimensions.put(Dimension.TRANSPARENCY, Rating.stars(2));
        var feedback = new Feedback(envelope, Rating.stars(3), dimensions, FeedbackChannel.APP,
                new FeedbackTarget(TargetType.CASE, "case-1"), null);
        dimensions.clear();
        assertThat(feedback.dimensions()).hasSize(2);
        assertThat(feedback.orderedDimensions().keySet()).containsExactly(Dimension.TRANSPARENCY, Dimension.EFFICIENCY);
        assertThat(new Feedback(envelope, Rating.bad(), null, FeedbackChannel.APP,
                new FeedbackTarget(TargetType.UNIT, "u"), null).dimensions()).isEmpty();
    }

    @Test
    void telemetryRejectsImpossibleReadings() {
        assertThatThrownBy(() -> telemetry(19, null, null)).hasMessageContaining("heartRate");
        assertThatThrownBy(() -> telemetry(251, null, null)).hasMessageContaining("heartRate");
        assertThatThrownBy(() -> telemetry(null, 100.01, null)).hasMessageContaining("batteryPercent");
        assertThatThrownBy(() -> telemetry(null, Double.NaN, null)).hasMessageContaining("batteryPercent");
        assertThatThrownBy(() -> telemetry(null, null, -1)).hasMessageContaining("footfall");
        assertThat(telemetry(20, 0.0, 0)).isNotNull();
        assertThat(telemetry(250, 100.0, null)).isNotNull();
        assertThat(telemetry(null, null, null).heartRate()).isNull();
    }

    private Telemetry telemetry(Integer heartRate, Double battery, Integer footfall) {
        return new Telemetry(envelope, "wb-1", DeviceType.WRISTBAND, heartRate, battery, false, null, null, footfall, null);
    }

    @Test
    void detectionConfidenceIsBetweenZeroAndOne() {
        assertThatThrownBy(() -> new Detection(envelope, "s", SensorType.SMOKE, "smoke", 1.01))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Detection(envelope, "s", SensorType.SMOKE, "smoke", -0.01))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(new Detection(envelope, "s", SensorType.SMOKE, "smoke", null).confidence()).isNull();
    }

    @Test
    void requiredFieldsOfEachRecordAreChecked() {
        assertThatThrownBy(() -> new DemandCreated(envelope, null, DemandChannel.APP, "t", null, null, null))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("caseId");
        assertThatThrownBy(() -> new DemandClassified(envelope, "c", "t", null, null))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("demandClass");
        assertThatThrownBy(() -> new DemandAssigned(envelope, "c", "r", " ", null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("leadUnit");
        assertThatThrownBy(() -> new DemandResponded(envelope, "c", null, null))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("by");
        assertThatThrownBy(() -> new DemandEscalated(envelope, "c", null, "r", null))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("toLevel");
        assertThatThrownBy(() -> new DemandReopened(envelope, "c", null, null))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("reason");
        assertThatThrownBy(() -> new HallTicket(envelope, "t", "h", null, null, null, false, false, null))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("stage");
        assertThatThrownBy(() -> new PlaqueEvent(envelope, "p", PlaqueSubjectType.MERCHANT, null, null))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("action");
        assertThatThrownBy(() -> new FeedbackTarget(TargetType.CASE, ""))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RaisedDemand(null, null, null, null))
                .isInstanceOf(NullPointerException.class);
    }
}
