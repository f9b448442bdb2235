package org.responsepolicy.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.responsepolicy.engine.RuleProblem;
import org.responsepolicy.engine.RulesInvalidException;
import org.responsepolicy.store.DatabaseConfig;
import org.responsepolicy.support.TestServer;

class StartupIntegrationTest {

    @TempDir
    Path temp;

    @Test
    void refusesToStartWhenARuleDoesNotCompileAndSaysWhere() throws Exception {
        Path rules = TestServer.copyOfBundledRules(temp.resolve("rules"));
        Files.writeString(rules.resolve("policies/thank-advocates.drl"),
                Files.readString(rules.resolve("policies/thank-advocates.drl")).replace("sentiment == \"positive\"",
                        "sentiment = = \"positive\""));
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        ServerConfig config = new ServerConfig("127.0.0.1", port, rules, DatabaseConfig.embedded(temp.resolve("data")), false);

        RulesInvalidException e = assertThrows(RulesInvalidException.class, () -> App.start(config));

        RuleProblem problem = e.problems().get(0);
        assertEquals("policies/thank-advocates.drl", problem.file());
        assertTrue(problem.line() > 0, problem.toString());
        assertTrue(Files.notExists(temp.resolve("data")), "nothing is opened when the rules are invalid");
        try (ServerSocket free = new ServerSocket(port)) {
            assertEquals(port, free.getLocalPort(), "the port was never taken");
        }
    }
}
