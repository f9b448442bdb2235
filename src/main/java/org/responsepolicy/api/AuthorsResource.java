package org.responsepolicy.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import org.responsepolicy.access.Role;
import org.responsepolicy.evaluation.AuthorKeys;
import org.responsepolicy.privacy.PersonalDataStore;

/**
 * Right to erasure: {@code DELETE /v1/authors/{brand}/{authorId}} deletes every stored decision about the
 * author's mentions and their history (advocacy, complaints). {@code authorId} is the author id the CRM sent, or
 * the handle for mentions that came without an id. Safe to repeat.
 */
@Path("/v1/authors")
@Produces(MediaType.APPLICATION_JSON)
@Access(Role.ADMIN)
public final class AuthorsResource {

    private final ApiDependencies dependencies;

    @Inject
    AuthorsResource(ApiDependencies dependencies) {
        this.dependencies = dependencies;
    }

    @DELETE
    @Path("/{brand}/{authorId}")
    public Erasure erase(@PathParam("brand") String brand, @PathParam("authorId") String authorId,
                         @Context SecurityContext security) {
        if (brand.isBlank() || brand.length() > 100 || authorId.isBlank() || authorId.length() > 200) {
            throw new ApiException(400, "invalid_author", "Invalid author",
                    "Give the brand (1–100 characters) and the author's id or handle (1–200 characters).");
        }
        java.util.List<String> keys = AuthorKeys.candidates(brand, authorId);
        PersonalDataStore.Erased erased = dependencies.personalData().eraseAuthor(brand, keys);
        // The audit names the pseudonym, not the author: an erased author must not survive in the trail.
        Audit.record(dependencies, security, "author.erase", brand + "/" + keys.get(0),
                "ok", erased.decisions() + " decision(s), " + erased.signals() + " history signal(s)");
        return new Erasure(brand, erased.decisions(), erased.signals());
    }

    public record Erasure(String brand, int decisionsErased, int historySignalsErased) {
    }
}
