/**
 * Compiles the DRL policies and evaluates facts against them. Entry point:
 * {@link org.responsepolicy.engine.PolicyEngine#compile}; errors come back as
 * {@link org.responsepolicy.engine.RulesInvalidException} with file and line.
 */
package org.responsepolicy.engine;
