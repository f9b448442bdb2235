package org.responsepolicy.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The class-data archive that {@code mvn package} writes fits the jar it was made for: the JVM started as the
 * README says, with the archive required ({@code -Xshare:on}), loads the server's own classes from it.
 */
class ClassDataArchiveIntegrationTest {

    private static final Path JAR = Path.of("target/response-policy-server.jar");
    private static final Path ARCHIVE = Path.of("target/response-policy-server.jsa");

    @Test
    void theServerLoadsItsClassesFromTheArchive() throws Exception {
        // Outside CI a build may skip the archive (-Drps.cds.skip); CI builds it as the README does.
        if (!Files.exists(ARCHIVE) && !"true".equalsIgnoreCase(System.getenv("CI"))) {
            Assumptions.abort("no " + ARCHIVE + ": built with -Drps.cds.skip");
        }
        assertTrue(Files.exists(ARCHIVE), "mvn package wrote no " + ARCHIVE);
        Path log = Files.createTempFile("class-load", ".log");
        try {
            String java = ProcessHandle.current().info().command().orElse("java");
            Process p = new ProcessBuilder(java, "-Xshare:on", "-XX:SharedArchiveFile=" + ARCHIVE,
                    "-Xlog:class+load=info", "-jar", JAR.toString(), "--version")
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the JVM did not finish");
            String output = Files.readString(log);
            assertEquals(0, p.exitValue(), output);
            assertTrue(output.contains("org.responsepolicy.app.Main source: shared objects file"),
                    "the server's main class did not come from the archive:\n"
                            + output.lines().filter(l -> l.contains("org.responsepolicy")).limit(5).toList());
        } finally {
            Files.deleteIfExists(log);
        }
    }
}
