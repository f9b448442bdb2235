package org.responsepolicy.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.ext.ContextResolver;
import org.glassfish.hk2.utilities.binding.AbstractBinder;
import org.glassfish.jersey.jackson.JacksonFeature;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;

/** The JAX-RS application: every resource, filter and mapper, registered explicitly. */
public final class ApiApplication {

    private ApiApplication() {
    }

    public static ResourceConfig resourceConfig(ApiDependencies dependencies, ObjectMapper json) {
        ResourceConfig config = new ResourceConfig();
        config.register(MentionsResource.class);
        config.register(DecisionsResource.class);
        config.register(IncidentsResource.class);
        config.register(HealthResource.class);
        config.register(MetricsResource.class);
        config.register(OpenApiResource.class);
        config.register(RulesResource.class);
        config.register(KeysResource.class);
        config.register(AuthorsResource.class);
        config.register(AdminResource.class);
        config.register(CallerResource.class);
        config.register(OverviewResource.class);
        config.register(ConsoleResource.class);
        config.register(RequestLog.class);
        config.register(AccessFilter.class);
        config.register(BodySizeLimit.class);
        for (Object mapper : ExceptionMappers.all()) {
            config.register(mapper);
        }
        // Jackson's own mappers answer bad JSON with plain text; ours answer with problem+json.
        config.register(JacksonFeature.withoutExceptionMappers());
        config.register(new JsonMapperResolver(json));
        config.register(new AbstractBinder() {
            @Override
            protected void configure() {
                bind(dependencies).to(ApiDependencies.class);
            }
        });
        config.property(ServerProperties.WADL_FEATURE_DISABLE, true);
        config.property(ServerProperties.BV_FEATURE_DISABLE, true);
        config.property(ServerProperties.LOCATION_HEADER_RELATIVE_URI_RESOLUTION_DISABLED, true);
        return config;
    }

    /** Hands Jersey's Jackson provider the application's one configured mapper. */
    private static final class JsonMapperResolver implements ContextResolver<ObjectMapper> {
        private final ObjectMapper json;

        JsonMapperResolver(ObjectMapper json) {
            this.json = json;
        }

        @Override
        public ObjectMapper getContext(Class<?> type) {
            return json;
        }
    }
}
