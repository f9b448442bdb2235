package org.responsepolicy.app;

import java.nio.file.Path;
import org.responsepolicy.store.DatabaseConfig;

/**
 * How to run the server.
 *
 * @param port  0 picks a free port (tests)
 * @param host  interface to listen on
 * @param rules the rules folder
 * @param watchRules reload automatically when files under {@code rules} change
 */
public record ServerConfig(String host, int port, Path rules, DatabaseConfig database, boolean watchRules) {
}
