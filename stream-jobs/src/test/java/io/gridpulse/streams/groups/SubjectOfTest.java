package io.gridpulse.streams.groups;

import io.gridpulse.model.area.AreaCode;
import io.gridpulse.model.event.DemandChannel;
import io.gridpulse.model.event.DemandCreated;
import io.gridpulse.model.event.Envelope;
import io.gridpulse.model.event.Placement;
import io.gridpulse.model.event.Rating;
import io.gridpulse.model.event.ResidentRef;
import io.gridpulse.streams.TestEvents;
import io.gridpulse.warehouse.EventRow;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.java.typeutils.GenericTypeInfo;
import org.apache.flink.api.java.typeutils.PojoTypeInfo;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SubjectOfTest {
    static final Instant AT = Instant.parse("2026-11-23T01:00:00Z");

    @Test
    void eventsThatNameNobodyGoAroundTheEnrichmentUntouched() throws Exception {
        var rating = TestEvents.row(TestEvents.feedback("event-f-1", Rating.stars(5)));
        var demand = TestEvents.row(demand("event-d-1", new ResidentRef.Pseudonym("r_cccccccccccccccccccccccccc")));
        try (var harness = ProcessFunctionTestHarnesses.forProcessFunction(new SubjectOf())) {
            harness.processElement(rating, 0);
            harness.processElement(demand, 0);
            assertThat(harness.getSideOutput(SubjectOf.NAMES_NOBODY)).extracting(r -> r.getValue()).containsExactly(rating);
            assertThat(harness.extractOutputValues()).extracting(SubjectEvent::subject).containsExactly("resident:r_cccccccccccccccccccccccccc");
        }
    }

    @Test
    void aDemandNamesItsResidentByPseudonymAndNeverByIdNumber() {
        assertThat(SubjectOf.subject(TestEvents.row(demand("event-d-2", new ResidentRef.Pseudonym("r_xxxxxxxxxxxxxxxxxxxxxxxxxx"))))
                .map(SubjectEvent::subject)).contains("resident:r_xxxxxxxxxxxxxxxxxxxxxxxxxx");
        // logged events carry pseudonyms only; were an identified resident ever to reach the job, it keys nothing
        assertThat(SubjectOf.subject(TestEvents.row(demand("event-d-3", new ResidentRef.Identified(null, "14012345678"))))).isEmpty();
        assertThat(SubjectOf.subject(TestEvents.row(demand("event-d-4", null)))).isEmpty();
    }

    @Test
    void telemetryNamesItsDeviceAndAPayloadThatDoesNotParseNamesNobody() {
        assertThat(SubjectOf.subject(TestEvents.row(TestEvents.telemetry("event-t-1", false, null))).map(SubjectEvent::subject))
                .contains("device:w-1");
        var broken = new EventRow("t-2", "telemetry", AT, AT, "x", "", "", "", "", null, null, "{not json");
        assertThat(SubjectOf.subject(broken)).isEmpty();
    }

    @Test
    void everyTypeTheEnrichmentSendsOrKeepsIsSerialisedByFlinkWithoutKryo() {
        for (var type : List.of(EventRow.class, SubjectEvent.class, Membership.class, RegistryEntry.class)) {
            var info = TypeInformation.of(type);
            assertThat(info).as(type.getSimpleName()).isInstanceOf(PojoTypeInfo.class);
            var pojo = (PojoTypeInfo<?>) info;
            for (int i = 0; i < pojo.getArity(); i++) {
                assertThat(pojo.getTypeAt(i)).as(type.getSimpleName() + "." + pojo.getPojoFieldAt(i).getField().getName())
                        .isNotInstanceOf(GenericTypeInfo.class);
            }
        }
    }

    private static DemandCreated demand(String id, ResidentRef resident) {
        return new DemandCreated(new Envelope(id, AT, ZoneOffset.ofHours(8), "hotline", Placement.of(AreaCode.of(TestEvents.GRID))),
                "case-" + id, DemandChannel.HOTLINE_12345, "elderly_care", null, null, resident);
    }
}
