package org.responsepolicy.rulesadmin;

import org.responsepolicy.policytest.Coverage;

/**
 * How the active rule set fared in its own policy tests when it was activated: what compliance staff show an
 * auditor. A version only serves when all of them pass, so {@code testsFailed} is 0 for an active version.
 */
public record TestedVersion(String version, int testsRun, int testsFailed, Coverage coverage) {
}
