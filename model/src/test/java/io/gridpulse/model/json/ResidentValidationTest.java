package io.gridpulse.model.json;

import static io.gridpulse.model.json.CodecFixture.event;
import static io.gridpulse.model.json.CodecFixture.onlyProblem;
import static io.gridpulse.model.json.CodecFixture.problems;
import static io.gridpulse.model.json.CodecFixture.valid;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gridpulse.model.Samples;
import io.gridpulse.model.event.DemandCreated;
import io.gridpulse.model.event.EventKind;
import io.gridpulse.model.event.ResidentRef;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ResidentValidationTest {

    private final ObjectNode doc = valid(EventKind.DEMAND_CREATED);

    private ResidentRef decodedResident() {
        return ((DemandCreated) event(doc)).resident();
    }

    @Test
    void aValidIdNumberIsAccepted() {
        doc.putObject("resident").put("idNumber", Samples.ID_NUMBER);
        assertThat(decodedResident()).isEqualTo(new ResidentRef.Identified(Samples.ID_NUMBER, null));
    }

    @Test
    void aLowerCaseCheckDigitXIsAccepted() {
        doc.putObject("resident").put("idNumber", "11010519491231002x");
        assertThat(decodedResident()).isInstanceOf(ResidentRef.Identified.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"110105194912310021", "11010519491231002", "1101051949123100201", "11010519491231002Y",
            "X10105194912310021", "430281 9491231002X"})
    void idNumbersWithABadCheckDigitOrShapeAreRejected(String idNumber) {
        doc.putObject("resident").put("idNumber", idNumber);
        assertThat(onlyProblem(doc, "/resident/idNumber")).contains("valid check digit (GB 11643)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"13812345678", "+8613812345678", "+86 13812345678", "19912345678", "0731-23456789",
            "073123456789", "010-12345678", "02112345678"})
    void mainlandMobilesAndLandlinesAreAccepted(String phone) {
        doc.putObject("resident").put("phone", phone);
        assertThat(decodedResident()).isEqualTo(new ResidentRef.Identified(null, phone));
    }

    @ParameterizedTest
    @ValueSource(strings = {"12812345678", "1381234567", "138123456789", "+85213812345678", "23456789",
            "0731-123456", "phone", "138-1234-5678"})
    void otherPhonesAreRejected(String phone) {
        doc.putObject("resident").put("phone", phone);
        assertThat(onlyProblem(doc, "/resident/phone")).contains("mainland mobile number");
    }

    @Test
    void badIdNumberAndBadPhoneAreBothReported() {
        doc.putObject("resident").put("idNumber", "123").put("phone", "456");
        assertThat(problems(doc)).extracting(Problem::pointer)
                .containsExactly("/resident/idNumber", "/resident/phone");
    }

    @Test
    void anEmptyResidentIsRejected() {
        doc.putObject("resident");
        assertThat(onlyProblem(doc, "/resident")).contains("must have an idNumber or a phone");
    }

    @Test
    void aRefTogetherWithIdentifiersIsRejected() {
        doc.putObject("resident").put("ref", "r_abcdefghijklmnopqrstuvwxyz").put("phone", Samples.PHONE);
        assertThat(onlyProblem(doc, "/resident")).contains("not both");
    }

    @Test
    void aRefDecodesToAPseudonym() {
        doc.putObject("resident").put("ref", "r_abcdefghijklmnopqrstuvwx23");
        assertThat(decodedResident()).isEqualTo(new ResidentRef.Pseudonym("r_abcdefghijklmnopqrstuvwx23"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"r_short", "R_ABCDEFGHIJKLMNOPQRSTUVWXYZ", "x_abcdefghijklmnopqrstuvwxyz",
            "r_abcdefghijklmnopqrstuvwxy1", "r_abcdefghijklmnopqrstuvwxyza"})
    void malformedRefsAreRejected(String ref) {
        doc.putObject("resident").put("ref", ref);
        assertThat(onlyProblem(doc, "/resident/ref")).contains("r_ followed by 26");
    }

    @Test
    void unknownResidentMembersAreRejected() {
        doc.putObject("resident").put("phone", Samples.PHONE).put("name", "張三");
        assertThat(onlyProblem(doc, "/resident/name")).isEqualTo("unknown member");
    }

    @Test
    void aResidentMustBeAnObject() {
        doc.put("resident", Samples.ID_NUMBER);
        assertThat(onlyProblem(doc, "/resident")).isEqualTo("must be a JSON object");
    }

    @Test
    void anIdNumberMustBeAString() {
        doc.putObject("resident").put("idNumber", 110105194912310021L);
        assertThat(onlyProblem(doc, "/resident/idNumber")).isEqualTo("must be a string");
    }

    @Test
    void visitsValidateTheirResidentToo() {
        var visit = valid(EventKind.VISIT);
        visit.withObject("resident").put("idNumber", "110105194912310021");
        assertThat(onlyProblem(visit, "/resident/idNumber")).contains("check digit");
    }
}
