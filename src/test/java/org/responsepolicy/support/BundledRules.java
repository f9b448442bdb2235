package org.responsepolicy.support;

import java.nio.file.Path;
import org.responsepolicy.ruleset.RuleSet;
import org.responsepolicy.ruleset.RuleSetLoader;

/** The real {@code rules/} folder of this repository, loaded once per test JVM. */
public final class BundledRules {

    public static final Path FOLDER = Path.of("rules");
    private static RuleSet loaded;

    private BundledRules() {
    }

    public static synchronized RuleSet get() {
        if (loaded == null) {
            try {
                loaded = RuleSetLoader.load(FOLDER);
            } catch (Exception e) {
                throw new IllegalStateException("the bundled rules must load: " + e.getMessage(), e);
            }
        }
        return loaded;
    }
}
