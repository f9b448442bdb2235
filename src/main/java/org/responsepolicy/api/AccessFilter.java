package org.responsepolicy.api;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.lang.reflect.Method;
import java.security.Principal;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.responsepolicy.access.AccessControl;
import org.responsepolicy.access.Caller;
import org.responsepolicy.access.Role;

/**
 * Checks the API key of every request to a resource ({@code Authorization: Bearer <key>} or {@code X-API-Key}):
 * 401 without a valid key, 403 when its role does not allow the endpoint, 429 with {@code Retry-After} over its
 * rate. The caller is then available to resources as the request's {@link SecurityContext} principal.
 */
@Priority(Priorities.AUTHENTICATION)
final class AccessFilter implements ContainerRequestFilter {

    private final AccessControl access;

    @Context
    ResourceInfo resource;

    @Inject
    AccessFilter(ApiDependencies dependencies) {
        this.access = dependencies.access();
    }

    @Override
    public void filter(ContainerRequestContext request) {
        Method method = resource.getResourceMethod();
        if (method == null || isPublic(method)) {
            return;
        }
        Set<Role> allowed = allowedRoles(method);
        AccessControl.Verdict verdict = access.check(presentedKey(request), allowed);
        if (verdict instanceof AccessControl.Allowed a) {
            request.setSecurityContext(new CallerContext(a.caller(), request.getSecurityContext().isSecure()));
        } else if (verdict instanceof AccessControl.Unauthenticated u) {
            request.abortWith(Response.fromResponse(ProblemResponses.of(ProblemResponses.problem(401,
                            "unauthenticated", "API key required", u.keyPresented()
                                    ? "The API key sent is not valid (unknown or revoked)."
                                    : "Send an API key as 'Authorization: Bearer <key>' or 'X-API-Key: <key>'; "
                                    + "an admin creates keys with 'response-policy-server keys create'.")))
                    .header("WWW-Authenticate", "Bearer realm=\"response-policy-server\"").build());
        } else if (verdict instanceof AccessControl.Forbidden f) {
            request.abortWith(ProblemResponses.of(ProblemResponses.problem(403, "forbidden", "Role not allowed",
                    "The key '" + f.caller().name() + "' has the role '" + f.caller().role().id()
                            + "'; this endpoint needs "
                            + allowed.stream().map(role -> "'" + role.id() + "'").collect(Collectors.joining(" or "))
                            + (allowed.contains(Role.ADMIN) ? "." : " (or 'admin')."))));
        } else if (verdict instanceof AccessControl.RateLimited r) {
            request.abortWith(Response.fromResponse(ProblemResponses.of(ProblemResponses.problem(429,
                            "rate_limited", "Too many requests", "The key '" + r.caller().name() + "' may make "
                                    + r.limit() + " requests per second; retry after " + r.retryAfterSeconds() + " s.")))
                    .header("Retry-After", Long.toString(r.retryAfterSeconds())).build());
        }
    }

    static boolean isPublic(Method method) {
        return method.isAnnotationPresent(Access.Public.class)
                || method.getDeclaringClass().isAnnotationPresent(Access.Public.class);
    }

    /** The method's roles, else its class's, else admin only. */
    static Set<Role> allowedRoles(Method method) {
        Access access = method.getAnnotation(Access.class);
        if (access == null) {
            access = method.getDeclaringClass().getAnnotation(Access.class);
        }
        return access == null ? EnumSet.of(Role.ADMIN) : EnumSet.copyOf(java.util.List.of(access.value()));
    }

    private static String presentedKey(ContainerRequestContext request) {
        String header = request.getHeaderString("X-API-Key");
        if (header != null && !header.isBlank()) {
            return header.strip();
        }
        String authorization = request.getHeaderString("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return authorization.substring(7).strip();
        }
        return null;
    }

    /** The caller as JAX-RS sees it. */
    record CallerContext(Caller caller, boolean secure) implements SecurityContext {
        @Override
        public Principal getUserPrincipal() {
            return caller;
        }

        @Override
        public boolean isUserInRole(String role) {
            return Role.parse(role).map(caller.role()::mayActAs).orElse(false);
        }

        @Override
        public boolean isSecure() {
            return secure;
        }

        @Override
        public String getAuthenticationScheme() {
            return caller.keyId() == null ? null : "Bearer";
        }

        static Caller of(SecurityContext context) {
            return context != null && context.getUserPrincipal() instanceof Caller c ? c : Caller.LOOPBACK_OPEN;
        }
    }
}
