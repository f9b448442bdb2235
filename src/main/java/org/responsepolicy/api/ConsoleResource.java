package org.responsepolicy.api;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.Map;
import java.util.Properties;

/**
 * The web console at {@code /console/}: a page, its scripts and styles, served from the jar. The files hold no
 * data and need no key; every piece of data the console shows comes from the API, with the key the user signs in
 * with, under that key's role. Only the console's own folder (flat, plain names) and two named libraries are
 * served. Every answer carries an ETag, so browsers revalidate cheaply and never keep a file from an older
 * release.
 */
@Path("/console")
@Access.Public
public final class ConsoleResource {

    /** Scripts and styles only from this server; nothing inline, nothing from elsewhere; never framed. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; connect-src 'self'; font-src 'self'; base-uri 'none'; form-action 'none'; "
            + "frame-ancestors 'none'";

    private static final String OWN_FOLDER = "/console/";
    /** A console file's name: no folders, no dots but the extension, so nothing outside the folder is reachable. */
    private static final java.util.regex.Pattern OWN_FILE = java.util.regex.Pattern.compile("[a-z][a-z0-9-]*\\.(js|css)");

    private static final Map<String, String> LIBRARIES = Map.of(
            "lib/chart.umd.min.js", WebJar.file("chart.js", "dist/chart.umd.min.js"),
            "lib/pico.min.css", WebJar.file("picocss__pico", "css/pico.min.css"));

    private static final Map<String, String> MEDIA_TYPES = Map.of(
            "html", "text/html; charset=utf-8", "js", "text/javascript; charset=utf-8", "css", "text/css; charset=utf-8");

    /** Files read once: they cannot change while the server runs. */
    private static final java.util.concurrent.ConcurrentMap<String, java.util.Optional<File>> FILES =
            new java.util.concurrent.ConcurrentHashMap<>();

    private record File(byte[] body, String mediaType, jakarta.ws.rs.core.EntityTag tag) {
    }

    /** The page at {@code /console/}; {@code /console} without the slash redirects, for the page's relative links. */
    @GET
    public Response page(@jakarta.ws.rs.core.Context jakarta.ws.rs.core.UriInfo uri,
                         @jakarta.ws.rs.core.Context jakarta.ws.rs.core.Request request) {
        if (!uri.getRequestUri().getRawPath().endsWith("/")) {
            // Relative, so the console also works behind a proxy that adds a path prefix.
            return Response.status(308).location(URI.create("console/")).build();
        }
        return serve(OWN_FOLDER + "index.html", request, "");
    }

    @GET
    @Path("/{file: .+}")
    public Response asset(@PathParam("file") String file, @jakarta.ws.rs.core.Context jakarta.ws.rs.core.Request request) {
        String resource = LIBRARIES.get(file);
        if (resource == null && OWN_FILE.matcher(file).matches()) {
            resource = OWN_FOLDER + file;
        }
        return serve(resource, request, file);
    }

    private static Response serve(String resource, jakarta.ws.rs.core.Request request, String asked) {
        File file = resource == null ? null : FILES.computeIfAbsent(resource, ConsoleResource::load).orElse(null);
        if (file == null) {
            throw new ApiException(404, "not_found", "Not found",
                    "The console has no file '" + asked + "'; open /console/.");
        }
        Response.ResponseBuilder unchanged = request.evaluatePreconditions(file.tag());
        Response.ResponseBuilder answer = unchanged != null ? unchanged : Response.ok(file.body(), file.mediaType());
        return answer.tag(file.tag())
                .header("Content-Security-Policy", CONTENT_SECURITY_POLICY)
                .header("X-Content-Type-Options", "nosniff")
                .header("Referrer-Policy", "no-referrer")
                .header("Cache-Control", "no-cache")
                .build();
    }

    private static java.util.Optional<File> load(String resource) {
        byte[] body = read(resource);
        if (body == null) {
            return java.util.Optional.empty();
        }
        String extension = resource.substring(resource.lastIndexOf('.') + 1);
        String hash;
        try {
            hash = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(body), 0, 12);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
        return java.util.Optional.of(new File(body, MEDIA_TYPES.get(extension), new jakarta.ws.rs.core.EntityTag(hash)));
    }

    private static byte[] read(String resource) {
        try (InputStream in = ConsoleResource.class.getResourceAsStream(resource)) {
            return in == null ? null : in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Where a WebJar keeps a file: its version comes from the jar's own Maven metadata, not from a constant. */
    static final class WebJar {
        private WebJar() {
        }

        static String file(String artifact, String path) {
            String properties = "/META-INF/maven/org.webjars.npm/" + artifact + "/pom.properties";
            try (InputStream in = ConsoleResource.class.getResourceAsStream(properties)) {
                if (in == null) {
                    return "/missing-webjar/" + artifact;
                }
                Properties p = new Properties();
                p.load(in);
                return "/META-INF/resources/webjars/" + artifact + "/" + p.getProperty("version") + "/" + path;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
