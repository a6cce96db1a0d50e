package io.gridpulse.model.json;

import static io.gridpulse.model.json.CodecFixture.event;
import static io.gridpulse.model.json.CodecFixture.onlyProblem;
import static io.gridpulse.model.json.CodecFixture.problems;
import static io.gridpulse.model.json.CodecFixture.valid;
import static org.assertj.core.api.Assertions.assertThat;

import io.gridpulse.model.Samples;
import io.gridpulse.model.event.EventKind;
import io.gridpulse.model.event.HallTicket;
import io.gridpulse.model.event.HouseholdVisit;
import io.gridpulse.model.event.Telemetry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class KindValidationTest {

    @ParameterizedTest(name = "{0} needs {1}")
    @CsvSource({
            "VISIT, visitorId", "VISIT, householdId", "VISIT, visitType", "VISIT, durationMinutes",
            "DEMAND_CREATED, caseId", "DEMAND_CREATED, channel", "DEMAND_CREATED, demandType",
            "DEMAND_CLASSIFIED, caseId", "DEMAND_CLASSIFIED, demandType", "DEMAND_CLASSIFIED, demandClass",
            "DEMAND_ASSIGNED, caseId", "DEMAND_ASSIGNED, firstReceiver", "DEMAND_ASSIGNED, leadUnit",
            "DEMAND_RESPONDED, caseId", "DEMAND_RESPONDED, by", "DEMAND_RESOLVED, by", "DEMAND_CLOSED, by",
            "DEMAND_REOPENED, caseId", "DEMAND_REOPENED, reason",
            "DEMAND_ESCALATED, toLevel", "DEMAND_ESCALATED, reason",
            "DEMAND_WHISTLE, caseId", "DEMAND_WHISTLE, departments",
            "TICKET, ticketId", "TICKET, hallId", "TICKET, stage",
            "FEEDBACK, rating", "FEEDBACK, channel", "FEEDBACK, target",
            "TELEMETRY, deviceId", "TELEMETRY, deviceType",
            "PLAQUE, plaqueId", "PLAQUE, subjectType", "PLAQUE, action",
            "DETECTION, sensorId", "DETECTION, sensorType", "DETECTION, detectionType"})
    void requiredMembersOfEachKindAreReportedWhenMissing(EventKind kind, String member) {
        var doc = valid(kind);
        doc.remove(member);
        assertThat(onlyProblem(doc, "/" + member)).isEqualTo("is required");
    }

    @ParameterizedTest(name = "{0}.{1} is optional")
    @CsvSource({
            "VISIT, groups", "VISIT, demands", "VISIT, notes", "VISIT, resident",
            "DEMAND_CREATED, demandClass", "DEMAND_CREATED, description", "DEMAND_CREATED, resident",
            "DEMAND_CLASSIFIED, by", "DEMAND_ASSIGNED, department", "DEMAND_RESPONDED, note",
            "DEMAND_REOPENED, by", "DEMAND_WHISTLE, reason", "DEMAND_WHISTLE, by",
            "TICKET, windowId", "TICKET, serviceItem", "TICKET, oneVisit", "TICKET, assisted", "TICKET, group",
            "FEEDBACK, dimensions", "FEEDBACK, text",
            "TELEMETRY, heartRate", "TELEMETRY, batteryPercent", "TELEMETRY, sos", "TELEMETRY, status",
            "PLAQUE, scanMethod", "DETECTION, confidence"})
    void optionalMembersMayBeLeftOut(EventKind kind, String member) {
        var doc = valid(kind);
        doc.remove(member);
        assertThat(event(doc).kind()).isEqualTo(kind);
    }

    @ParameterizedTest(name = "{0}.{1} = {2}")
    @CsvSource({
            "VISIT, visitType, weekly", "DEMAND_CREATED, channel, hotline", "DEMAND_CREATED, demandClass, RESOLVE_NOW",
            "DEMAND_ESCALATED, toLevel, province_office", "TICKET, stage, waiting", "TICKET, group, elderly",
            "FEEDBACK, channel, email", "TELEMETRY, deviceType, phone", "TELEMETRY, status, broken",
            "PLAQUE, subjectType, school", "PLAQUE, action, stolen", "PLAQUE, scanMethod, bluetooth",
            "DETECTION, sensorType, radar"})
    void unknownEnumValuesAreRejectedWithTheAllowedValues(EventKind kind, String member, String value) {
        var doc = valid(kind);
        doc.put(member, value);
        assertThat(onlyProblem(doc, "/" + member)).startsWith("must be one of: ");
    }

    @Test
    void enumValuesAreLowerSnakeOnTheWire() {
        var doc = valid(EventKind.DEMAND_CREATED);
        doc.put("channel", "open311");
        doc.put("demandClass", "track");
        assertThat(event(doc).kind()).isEqualTo(EventKind.DEMAND_CREATED);
        doc.put("channel", "HOTLINE_12345");
        assertThat(onlyProblem(doc, "/channel"))
                .isEqualTo("must be one of: visit, app, hotline_12345, kiosk, observer, wristband, open311, detection");
    }

    @Test
    void aNumberGivenAsAStringIsRejected() {
        var doc = valid(EventKind.VISIT);
        doc.put("durationMinutes", "12");
        assertThat(onlyProblem(doc, "/durationMinutes")).isEqualTo("must be a number");
    }

    @Test
    void aFractionWhereAWholeNumberIsExpectedIsRejected() {
        var doc = valid(EventKind.VISIT);
        doc.put("durationMinutes", 12.5);
        assertThat(onlyProblem(doc, "/durationMinutes")).isEqualTo("must be a whole number");
    }

    @ParameterizedTest
    @ValueSource(longs = {-1, 1441, 10_000_000_000L})
    void visitDurationIsBetweenZeroAndADay(long minutes) {
        var doc = valid(EventKind.VISIT);
        doc.put("durationMinutes", minutes);
        assertThat(onlyProblem(doc, "/durationMinutes")).isEqualTo("must be between 0 and 1440");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1440})
    void visitDurationBoundsAreIncluded(int minutes) {
        var doc = valid(EventKind.VISIT);
        doc.put("durationMinutes", minutes);
        assertThat(((HouseholdVisit) event(doc)).durationMinutes()).isEqualTo(minutes);
    }

    @Test
    void visitGroupsAreCheckedOneByOne() {
        var doc = valid(EventKind.VISIT);
        doc.putArray("groups").add("elderly_alone").add("veteran").add(3);
        assertThat(problems(doc)).extracting(Problem::pointer).containsExactly("/groups/1", "/groups/2");
    }

    @Test
    void visitGroupsMustBeAnArray() {
        var doc = valid(EventKind.VISIT);
        doc.put("groups", "elderly_alone");
        assertThat(onlyProblem(doc, "/groups")).isEqualTo("must be a JSON array");
    }

    @Test
    void repeatedGroupsCollapse() {
        var doc = valid(EventKind.VISIT);
        doc.putArray("groups").add("migrant").add("migrant");
        assertThat(((HouseholdVisit) event(doc)).groups()).hasSize(1);
    }

    @Test
    void aRaisedDemandNeedsATypeCode() {
        var doc = valid(EventKind.VISIT);
        ((com.fasterxml.jackson.databind.node.ObjectNode) doc.withArray("demands").get(0)).remove("type");
        assertThat(onlyProblem(doc, "/demands/0/type")).isEqualTo("is required");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Medical Insurance", "醫保報銷", "medical-insurance", "_x", "1abc"})
    void demandTypesMustBeLowerSnakeCodes(String type) {
        var doc = valid(EventKind.VISIT);
        ((com.fasterxml.jackson.databind.node.ObjectNode) doc.withArray("demands").get(1)).put("type", type);
        assertThat(onlyProblem(doc, "/demands/1/type")).contains("lower_snake code");
    }

    @Test
    void raisedDemandsRejectUnknownMembersAndNonObjects() {
        var doc = valid(EventKind.VISIT);
        ((com.fasterxml.jackson.databind.node.ObjectNode) doc.withArray("demands").get(0)).put("priority", "high");
        doc.withArray("demands").add("elderly_care");
        assertThat(problems(doc)).containsExactly(new Problem("/demands/2", "must be a JSON object"),
                new Problem("/demands/0/priority", "unknown member"));
    }

    @Test
    void listsLongerThanTheLimitAreRejectedOnce() {
        var doc = valid(EventKind.VISIT);
        var demands = doc.putArray("demands");
        for (int i = 0; i < 101; i++) {
            demands.addObject().put("type", "bad type");
        }
        assertThat(onlyProblem(doc, "/demands")).isEqualTo("must have at most 100 items, got 101");
    }

    @Test
    void listsAtTheLimitAreAccepted() {
        var doc = valid(EventKind.VISIT);
        var demands = doc.putArray("demands");
        for (int i = 0; i < 100; i++) {
            demands.addObject().put("type", "employment");
        }
        assertThat(((HouseholdVisit) event(doc)).demands()).hasSize(100);
    }

    @Test
    void freeTextKeepsLineFeedsAndTabs() {
        var doc = valid(EventKind.VISIT);
        doc.put("notes", "第一行\n\t第二行");
        assertThat(((HouseholdVisit) event(doc)).notes()).isEqualTo("第一行\n\t第二行");
    }

    @ParameterizedTest
    @ValueSource(strings = {"nul\u0000byte", "carriage\rreturn", "bell\u0007", "escape\u001b[31m"})
    void freeTextRejectsOtherControlCharacters(String notes) {
        var doc = valid(EventKind.VISIT);
        doc.put("notes", notes);
        assertThat(onlyProblem(doc, "/notes")).startsWith("must not contain control characters other than line feed and tab");
    }

    @Test
    void oversizeStringsAreRejectedWithTheirLength() {
        var doc = valid(EventKind.VISIT);
        doc.put("notes", "x".repeat(2001));
        assertThat(onlyProblem(doc, "/notes")).isEqualTo("must be at most 2000 characters, got 2001");
        doc.put("notes", "x".repeat(2000));
        assertThat(event(doc)).isNotNull();
    }

    @Test
    void identifiersMustNotContainSpaces() {
        var doc = valid(EventKind.VISIT);
        doc.put("visitorId", "grid worker 42");
        assertThat(onlyProblem(doc, "/visitorId")).contains("without spaces");
    }

    @Test
    void identifiersAreAtMost128Characters() {
        var doc = valid(EventKind.TICKET);
        doc.put("hallId", "h".repeat(129));
        assertThat(onlyProblem(doc, "/hallId")).isEqualTo("must be at most 128 characters, got 129");
    }

    @Test
    void booleansMustBeTrueOrFalse() {
        var doc = valid(EventKind.TICKET);
        doc.put("oneVisit", "true");
        doc.put("assisted", 1);
        assertThat(problems(doc)).containsExactly(new Problem("/oneVisit", "must be true or false"),
                new Problem("/assisted", "must be true or false"));
    }

    @Test
    void absentFlagsAreFalse() {
        var doc = valid(EventKind.TICKET);
        doc.remove("oneVisit");
        assertThat(((HallTicket) event(doc)).oneVisit()).isFalse();
    }

    @ParameterizedTest
    @CsvSource({"heartRate, 19, must be between 20 and 250", "heartRate, 251, must be between 20 and 250",
            "batteryPercent, -0.1, must be between 0 and 100", "batteryPercent, 100.1, must be between 0 and 100",
            "footfall, -1, must be 0 or more", "queueLength, -3, must be 0 or more"})
    void telemetryReadingsOutOfRangeAreRejected(String member, double value, String reason) {
        var doc = valid(EventKind.TELEMETRY);
        if (value == Math.rint(value)) {
            doc.put(member, (long) value);
        } else {
            doc.put(member, value);
        }
        assertThat(onlyProblem(doc, "/" + member)).isEqualTo(reason);
    }

    @Test
    void telemetryBatteryMayBeWholeOrFractional() {
        var doc = valid(EventKind.TELEMETRY);
        doc.put("batteryPercent", 100);
        assertThat(((Telemetry) event(doc)).batteryPercent()).isEqualTo(100.0);
        doc.put("heartRate", 20);
        doc.put("footfall", 0);
        doc.put("queueLength", 0);
        assertThat(((Telemetry) event(doc)).heartRate()).isEqualTo(20);
    }

    @Test
    void heartRateMustBeANumber() {
        var doc = valid(EventKind.TELEMETRY);
        doc.put("heartRate", "112");
        assertThat(onlyProblem(doc, "/heartRate")).isEqualTo("must be a number");
    }

    @ParameterizedTest
    @ValueSource(doubles = {-0.01, 1.01, 93})
    void detectionConfidenceIsBetweenZeroAndOne(double confidence) {
        var doc = valid(EventKind.DETECTION);
        doc.put("confidence", confidence);
        assertThat(onlyProblem(doc, "/confidence")).isEqualTo("must be between 0 and 1");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "6", "4.5", "\"4\"", "\"great\"", "true", "[4]"})
    void ratingsOtherThanOneToFiveStarsOrGoodOrBadAreRejected(String rating) {
        var json = valid(EventKind.FEEDBACK).put("rating", 0).toString().replace("\"rating\":0", "\"rating\":" + rating);
        var problems = problems(CodecFixture.CODEC.decode(json));
        assertThat(problems).containsExactly(new Problem("/rating",
                "must be a whole number of stars from 1 to 5, or \"good\" or \"bad\""));
    }

    @Test
    void dimensionRatingsAreCheckedAndUnknownDimensionsRejected() {
        var doc = valid(EventKind.FEEDBACK);
        doc.withObject("dimensions").put("efficiency", 9).put("friendliness", 5);
        assertThat(problems(doc)).extracting(Problem::pointer)
                .containsExactly("/dimensions/efficiency", "/dimensions/friendliness");
    }

    @Test
    void aFeedbackTargetNeedsATypeAndAnId() {
        var doc = valid(EventKind.FEEDBACK);
        doc.putObject("target").put("type", "hall");
        assertThat(problems(doc)).extracting(Problem::pointer).containsExactly("/target/type", "/target/id");
    }

    @Test
    void aFeedbackTargetMustBeAnObject() {
        var doc = valid(EventKind.FEEDBACK);
        doc.put("target", "case-1");
        assertThat(onlyProblem(doc, "/target")).isEqualTo("must be a JSON object");
    }

    @Test
    void aWhistleNamesAtLeastOneDepartment() {
        var doc = valid(EventKind.DEMAND_WHISTLE);
        doc.putArray("departments");
        assertThat(onlyProblem(doc, "/departments")).isEqualTo("must name at least one department");
    }

    @Test
    void whistleDepartmentsAreCheckedOneByOne() {
        var doc = valid(EventKind.DEMAND_WHISTLE);
        doc.putArray("departments").add("城管").add(" ").add(7);
        assertThat(problems(doc)).containsExactly(new Problem("/departments/1", "must not be blank"),
                new Problem("/departments/2", "must be a string"));
    }

    @Test
    void escalationLevelsAreAreaLevels() {
        var doc = valid(EventKind.DEMAND_ESCALATED);
        doc.put("toLevel", "city");
        assertThat(event(doc).kind()).isEqualTo(EventKind.DEMAND_ESCALATED);
        doc.put("toLevel", "CITY");
        assertThat(onlyProblem(doc, "/toLevel")).isEqualTo("must be one of: province, city, county, street, community, grid");
    }

    @Test
    void aRequiredReasonMustNotBeBlank() {
        var doc = valid(EventKind.DEMAND_REOPENED);
        doc.put("reason", " \n ");
        assertThat(onlyProblem(doc, "/reason")).isEqualTo("must not be blank");
    }

    @Test
    void lineTextSuchAsAUnitNameRejectsLineBreaks() {
        var doc = valid(EventKind.DEMAND_ASSIGNED);
        doc.put("leadUnit", "醴陵市\n醫療保障局");
        assertThat(onlyProblem(doc, "/leadUnit")).startsWith("must not contain control characters");
    }

    @Test
    void detectionTypesAreCodes() {
        var doc = valid(EventKind.DETECTION);
        doc.put("detectionType", "Street Vending");
        assertThat(onlyProblem(doc, "/detectionType")).contains("lower_snake code");
    }

    @Test
    void aSmallerStringLimitIsHonoured() {
        var codec = new EventCodec(Samples.CLOCK, new Limits(10, 65536, java.time.Duration.ofMinutes(5),
                java.time.Duration.ofDays(400), 100));
        var doc = valid(EventKind.VISIT);
        doc.put("notes", "x".repeat(11));
        assertThat(problems(codec.decode(doc))).containsExactly(
                new Problem("/demands/0/description", "must be at most 10 characters, got 13"),
                new Problem("/notes", "must be at most 10 characters, got 11"));
    }
}
