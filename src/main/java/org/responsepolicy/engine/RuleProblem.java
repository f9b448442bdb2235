package org.responsepolicy.engine;

/**
 * One problem found while loading rule files, located for the person who has to fix it.
 *
 * @param file path relative to the rules folder, e.g. {@code policies/escalate-regulated.drl}
 * @param line 1-based line, or 0 when the problem is about the file as a whole
 */
public record RuleProblem(String file, int line, String message) {

    @Override
    public String toString() {
        return line > 0 ? file + ":" + line + ": " + message : file + ": " + message;
    }
}
