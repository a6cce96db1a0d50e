package io.gridpulse.ingest;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.gridpulse.model.testing.TestClock;
import io.gridpulse.warehouse.EventRow;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;

import static io.gridpulse.ingest.HardenedEdge.CITIZEN_APP;
import static io.gridpulse.ingest.HardenedEdge.GRID_A;
import static io.gridpulse.ingest.HardenedEdge.SLOW_READER;
import static io.gridpulse.ingest.HardenedEdge.TERM_A;
import static io.gridpulse.ingest.HardenedEdge.TERM_B;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The review's second high finding: Open311 reads checked only that some key existed, so a write-only citizen app
 * could read any request by id, unmasked and to the metre. Reads now take the same rights, area scope and rate as
 * /api/v1; a client reads what it filed; other readers see identifiers masked and the place to about 100 m.
 */
class Open311ReadRightsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BASE = "/open311/v2";
    private static HardenedEdge edge;
    private static String filedByTheApp;
    private static String filedByTermA;

    @BeforeAll
    static void start() throws Exception {
        edge = HardenedEdge.start();
        filedByTheApp = file(CITIZEN_APP, "请回电 13812345678 谢谢");
        filedByTermA = file(TERM_A, "独居老人 身份证 11010519491231002X");
    }

    @AfterAll
    static void stop() throws Exception {
        edge.close();
    }

    @Test
    void aWriteOnlyKeyReadsWhatItFiledButNothingElse() throws Exception {
        var own = edge.get(BASE + "/requests/" + filedByTheApp + ".json", CITIZEN_APP);
        assertThat(own.statusCode()).as(own.body()).isEqualTo(200);
        var request = JSON.readTree(own.body()).get(0);
        assertThat(request.get("description").asText()).isEqualTo("请回电 138****5678 谢谢");
        assertThat(request.get("lat").asDouble()).isEqualTo(LAT);
        assertThat(request.get("long").asDouble()).isEqualTo(LON);

        var others = edge.get(BASE + "/requests/" + filedByTermA + ".json", CITIZEN_APP);
        assertThat(others.statusCode()).isEqualTo(404);
        var listed = edge.get(BASE + "/requests.json?service_request_id=" + filedByTermA + "," + filedByTheApp, CITIZEN_APP);
        assertThat(JSON.readTree(listed.body())).extracting(n -> n.get("service_request_id").asText())
                .containsExactly(filedByTheApp);
    }

    @Test
    void aReaderOfAnotherStreetFindsNothingAndOneOfThisStreetSeesItMaskedAndCoarse() throws Exception {
        assertThat(edge.get(BASE + "/requests/" + filedByTheApp + ".json", TERM_B).statusCode()).isEqualTo(404);

        var read = edge.get(BASE + "/requests/" + filedByTermA + ".json", TERM_A);
        assertThat(read.statusCode()).isEqualTo(200);
        var mine = JSON.readTree(read.body()).get(0);
        assertThat(mine.get("description").asText()).isEqualTo("独居老人 身份证 110105********002X");

        var theApps = JSON.readTree(edge.get(BASE + "/requests/" + filedByTheApp + ".json", TERM_A).body()).get(0);
        assertThat(theApps.get("description").asText()).doesNotContain("13812345678");
        assertThat(theApps.get("lat").asDouble()).isEqualTo(Math.round(LAT * 1000) / 1000.0).isNotEqualTo(LAT);
    }

    @Test
    void readsAreChargedToTheKeysRate() throws Exception {
        HttpResponse<String> last = null;
        for (int i = 0; i < 3; i++) {
            last = edge.get(BASE + "/requests/" + filedByTermA + ".json", SLOW_READER);
        }
        assertThat(last.statusCode()).isEqualTo(429);
        assertThat(last.headers().firstValue("Retry-After")).isPresent();
    }

    /** A point inside grid A, to the millionth of a degree (so that rounding it to 100 m changes it). */
    static final double LAT;
    static final double LON;

    static {
        var inside = io.gridpulse.geo.region.Region.demo().geometry(io.gridpulse.model.area.AreaCode.of(GRID_A)).orElseThrow()
                .getInteriorPoint().getCoordinate();
        // a few metres off the interior point, so that the place has more than three decimals to round away
        LAT = Math.round(inside.y * 1e3) / 1e3 + 0.000123;
        LON = Math.round(inside.x * 1e3) / 1e3 + 0.000123;
    }

    /** Files a request in street A and stores it as the job would (with its place), returning its id. */
    private static String file(String key, String description) throws Exception {
        var answer = edge.send(HttpRequest.newBuilder(URI.create(edge.base + BASE + "/requests.json"))
                .timeout(Duration.ofSeconds(10)).header("X-API-Key", key).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("""
                        {"service_code":"elderly_care","address_id":"%s","lat":%s,"long":%s,"description":"%s"}"""
                        .formatted(GRID_A, LAT, LON, description))).build());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
        var id = JSON.readTree(answer.body()).get(0).get("service_request_id").asText();
        var stored = TestKafka.records(edge.topic).get(id);
        var event = JSON.readTree(stored);
        TestWarehouse.shared().events().insert(List.of(new EventRow(id, "demand.created",
                OffsetDateTime.parse(event.get("occurredAt").asText()).toInstant(), TestClock.now(), event.get("source").asText(),
                GRID_A, GRID_A.substring(0, 12), GRID_A.substring(0, 9), GRID_A.substring(0, 6), LON, LAT, stored)));
        return id;
    }
}
