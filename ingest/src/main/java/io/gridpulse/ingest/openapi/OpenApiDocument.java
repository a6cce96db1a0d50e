package io.gridpulse.ingest.openapi;

import io.vertx.core.buffer.Buffer;

import java.io.IOException;
import java.io.UncheckedIOException;

/** The OpenAPI 3.1 description of the edge, shipped as a resource and served as it is. */
public final class OpenApiDocument {
    public static final String RESOURCE = "/io/gridpulse/ingest/openapi.yaml";
    public static final String CONTENT_TYPE = "application/yaml";

    private OpenApiDocument() {}

    /** Reads the document from the classpath; blocking, so call it off the event loop. */
    public static Buffer load() {
        try (var in = OpenApiDocument.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the OpenAPI document " + RESOURCE + " is missing from the classpath");
            }
            return Buffer.buffer(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + RESOURCE, e);
        }
    }
}
