package org.responsepolicy.api;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import org.responsepolicy.access.Caller;
import org.responsepolicy.access.Role;

/** {@code GET /v1/me}: which key is calling and its role, so a client (the console) shows only what it may do. */
@Path("/v1/me")
@Access({Role.EVALUATE, Role.COMPLIANCE})
@Produces(MediaType.APPLICATION_JSON)
public final class CallerResource {

    /**
     * @param keyId      absent when the server runs without keys and anyone on this machine may call
     * @param serverTime the server's clock, which judges every deadline; a client shows "due in …" by it
     */
    public record Me(String keyId, String name, Role role, java.time.Instant serverTime) {
    }

    private final java.time.Clock clock;

    @jakarta.inject.Inject
    CallerResource(ApiDependencies dependencies) {
        this.clock = dependencies.clock();
    }

    @GET
    public Me me(@Context SecurityContext security) {
        Caller caller = AccessFilter.CallerContext.of(security);
        return new Me(caller.keyId(), caller.name(), caller.role(), clock.instant());
    }
}
