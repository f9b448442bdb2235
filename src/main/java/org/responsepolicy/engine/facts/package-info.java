/**
 * The facts the policies in {@code rules/policies/*.drl} reason about: {@link org.responsepolicy.engine.facts.Mention},
 * {@link org.responsepolicy.engine.facts.Topic}, {@link org.responsepolicy.engine.facts.Intent},
 * {@link org.responsepolicy.engine.facts.PersonalData} in, {@link org.responsepolicy.engine.facts.Action} out.
 * This package is the rules' vocabulary: renaming anything here breaks rule files.
 */
package org.responsepolicy.engine.facts;
