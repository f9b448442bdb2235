package org.responsepolicy.app;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --rules DIR}, shared by every command that reads a rules folder. */
final class RulesFolderOption {

    @Option(names = "--rules", paramLabel = "DIR", defaultValue = "${env:RPS_RULES:-rules}",
            description = "Rules folder (env RPS_RULES, default ${DEFAULT-VALUE}).")
    Path rules;
}
