package org.responsepolicy.api;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Serves the API contract the server was built with at {@code GET /openapi.yaml}. */
@Path("/openapi.yaml")
@Access.Public
public final class OpenApiResource {

    static final String SPEC_RESOURCE = "/openapi/openapi.yaml";

    @GET
    @Produces("application/yaml")
    public byte[] spec() {
        try (InputStream in = OpenApiResource.class.getResourceAsStream(SPEC_RESOURCE)) {
            if (in == null) {
                throw new ApiException(404, "not_found", "Not found", "The API specification is not packaged.");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
