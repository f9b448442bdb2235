/**
 * Reads the {@code rules/} folder into one immutable, versioned {@link org.responsepolicy.ruleset.RuleSet}.
 * Entry point: {@link org.responsepolicy.ruleset.RuleSetLoader#load}.
 */
package org.responsepolicy.ruleset;
