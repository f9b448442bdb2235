package org.responsepolicy.engine;

import java.util.List;
import java.util.stream.Collectors;

/** The rule files could not be loaded; {@link #problems()} says where and why. */
public final class RulesInvalidException extends Exception {

    private final List<RuleProblem> problems;

    public RulesInvalidException(List<RuleProblem> problems) {
        super("Rules are invalid:\n" + problems.stream().map(p -> "  " + p).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public RulesInvalidException(RuleProblem problem) {
        this(List.of(problem));
    }

    public List<RuleProblem> problems() {
        return problems;
    }
}
