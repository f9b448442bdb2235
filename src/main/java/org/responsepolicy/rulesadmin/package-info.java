/**
 * Changing rules on a live server: {@link org.responsepolicy.rulesadmin.RuleReloader} checks a candidate
 * (compile + every policy test) and swaps it in atomically; {@link org.responsepolicy.rulesadmin.RulesWatcher}
 * triggers it when the rules folder changes.
 */
package org.responsepolicy.rulesadmin;
