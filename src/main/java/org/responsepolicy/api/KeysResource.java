package org.responsepolicy.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.util.List;
import org.responsepolicy.access.ApiKey;
import org.responsepolicy.access.ApiKeys;
import org.responsepolicy.access.Role;

/** API keys, for admins: {@code GET/POST /v1/keys}, {@code DELETE /v1/keys/{id}}. The CLI does the same. */
@Path("/v1/keys")
@Produces(MediaType.APPLICATION_JSON)
@Access(Role.ADMIN)
public final class KeysResource {

    private final ApiDependencies dependencies;

    @Inject
    KeysResource(ApiDependencies dependencies) {
        this.dependencies = dependencies;
    }

    @GET
    public KeyList list() {
        return new KeyList(dependencies.access().keys().list());
    }

    /** Creates a key; the answer holds its secret, which is never shown again. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(NewKey request, @Context SecurityContext security) {
        if (request == null) {
            throw invalid("Send {\"name\": \"…\", \"role\": \"evaluate|compliance|admin\"}.");
        }
        Role role = Role.parse(request.role()).orElseThrow(() -> invalid(
                "'role' must be 'evaluate', 'compliance' or 'admin'."));
        ApiKeys.Created created;
        try {
            created = dependencies.access().keys().create(request.name(), role, request.rateLimit());
        } catch (IllegalArgumentException e) {
            throw invalid("Invalid 'name' or 'rateLimit': " + e.getMessage() + ".");
        }
        Audit.record(dependencies, security, "key.create", created.key().id(), "ok",
                "name " + created.key().name() + ", role " + role.id());
        return Response.status(201).entity(new CreatedKey(created.key(), created.secret())).build();
    }

    /** Revokes a key at once on this instance, within seconds on the others; revoking twice changes nothing. */
    @DELETE
    @Path("/{keyId}")
    public ApiKey revoke(@PathParam("keyId") String keyId, @Context SecurityContext security) {
        if (!dependencies.access().keys().revoke(keyId)) {
            throw new ApiException(404, "key_not_found", "Key not found", "There is no key with id '" + keyId + "'.");
        }
        Audit.record(dependencies, security, "key.revoke", keyId, "ok", null);
        return dependencies.access().keys().list().stream().filter(k -> k.id().equals(keyId)).findFirst().orElseThrow();
    }

    private static ApiException invalid(String detail) {
        return new ApiException(400, "invalid_key_request", "Invalid key request", detail);
    }

    public record NewKey(String name, String role, Integer rateLimit) {
    }

    public record CreatedKey(ApiKey key, String secret) {
    }

    public record KeyList(List<ApiKey> keys) {
    }
}
