package io.gridpulse.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

class OpenApiDocumentTest {
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");
    private static TestIngest ingest;

    @BeforeAll
    static void start() {
        ingest = TestIngest.start();
    }

    @AfterAll
    static void stop() throws Exception {
        ingest.close();
    }

    @Test
    void theDocumentDescribesExactlyTheRoutesTheRouterHas() throws Exception {
        var document = served();
        var described = new TreeSet<String>();
        document.get("paths").properties().forEach(path -> path.getValue().properties().forEach(operation -> {
            if (METHODS.contains(operation.getKey())) {
                described.add(operation.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey());
            }
        }));

        assertThat(described).isEqualTo(IngestServer.endpoints(ingest.server.router()))
                .contains("POST /api/v1/events", "POST /api/v1/events:batch", "GET /metrics");
    }

    @Test
    void theDocumentIsOpenApi31WithTheProblemSchemaAndBothKeySchemes() throws Exception {
        var document = served();
        assertThat(document.get("openapi").asText()).startsWith("3.1.");
        assertThat(document.at("/components/schemas/Problem/required").toString()).contains("type", "title", "status");
        assertThat(document.at("/components/securitySchemes/bearerKey/scheme").asText()).isEqualTo("bearer");
        assertThat(document.at("/components/securitySchemes/headerKey/name").asText()).isEqualTo("X-API-Key");
    }

    @Test
    void everyReferenceInTheDocumentResolves() throws Exception {
        var document = served();
        var refs = new TreeSet<String>();
        collectRefs(document, refs);
        assertThat(refs).isNotEmpty().allSatisfy(ref -> assertThat(document.at(ref.substring(1)).isMissingNode())
                .as(ref).isFalse());
    }

    @Test
    void theDocumentNeedsAKeyLikeTheRestOfTheApi() {
        assertThat(ingest.get("/api/v1/openapi.yaml", null).statusCode()).isEqualTo(401);
        var answer = ingest.get("/api/v1/openapi.yaml", TestIngest.KEY);
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/yaml");
    }

    private static JsonNode served() throws Exception {
        var answer = ingest.get("/api/v1/openapi.yaml", TestIngest.KEY);
        assertThat(answer.statusCode()).isEqualTo(200);
        return new ObjectMapper(new YAMLFactory()).readTree(answer.body());
    }

    private static void collectRefs(JsonNode node, Set<String> refs) {
        if (node.isObject()) {
            node.properties().forEach(member -> {
                if (member.getKey().equals("$ref")) {
                    refs.add(member.getValue().asText());
                } else {
                    collectRefs(member.getValue(), refs);
                }
            });
        } else if (node.isArray()) {
            node.forEach(item -> collectRefs(item, refs));
        }
    }
}
