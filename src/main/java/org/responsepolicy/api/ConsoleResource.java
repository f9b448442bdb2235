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
 * The web console at {@code /console/}: a page and its scripts, served from the jar. The files hold no data
 * and need no key; every piece of data the console shows comes from the API, with the key the user signs in
 * with, under that key's role. Only the files listed here are served.
 */
@Path("/console")
@Access.Public
public final class ConsoleResource {

    /** Scripts and styles only from this server; nothing inline, nothing from elsewhere; never framed. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; connect-src 'self'; font-src 'self'; base-uri 'none'; form-action 'none'; "
            + "frame-ancestors 'none'";

    private record Asset(String resource, String mediaType, boolean versioned) {
    }

    static final Map<String, Asset> ASSETS = Map.of(
            "", new Asset("/console/index.html", "text/html; charset=utf-8", false),
            "console.js", new Asset("/console/console.js", "text/javascript; charset=utf-8", false),
            "console.css", new Asset("/console/console.css", "text/css; charset=utf-8", false),
            "lib/chart.umd.min.js", new Asset(WebJar.file("chart.js", "dist/chart.umd.min.js"),
                    "text/javascript; charset=utf-8", true),
            "lib/pico.min.css", new Asset(WebJar.file("picocss__pico", "css/pico.min.css"),
                    "text/css; charset=utf-8", true));

    /** The page at {@code /console/}; {@code /console} without the slash redirects, for the page's relative links. */
    @GET
    public Response page(@jakarta.ws.rs.core.Context jakarta.ws.rs.core.UriInfo uri) {
        if (!uri.getRequestUri().getRawPath().endsWith("/")) {
            return Response.status(308).location(URI.create("/console/")).build();
        }
        return asset("");
    }

    @GET
    @Path("/{file: .+}")
    public Response asset(@PathParam("file") String file) {
        Asset asset = ASSETS.get(file);
        byte[] body = asset == null ? null : read(asset.resource());
        if (body == null) {
            throw new ApiException(404, "not_found", "Not found",
                    "The console has no file '" + file + "'; open /console/.");
        }
        return Response.ok(body, asset.mediaType())
                .header("Content-Security-Policy", CONTENT_SECURITY_POLICY)
                .header("X-Content-Type-Options", "nosniff")
                .header("Referrer-Policy", "no-referrer")
                // Library files change only with their version; the console's own files with every release.
                .header("Cache-Control", asset.versioned() ? "public, max-age=86400" : "no-cache")
                .build();
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
