package org.responsepolicy.reply;

import java.util.List;
import java.util.Map;

/**
 * One language's reply templates, as written in {@code rules/templates/<language>.yaml}.
 *
 * @param namedGreetings     greetings containing {name}, used when the author's name is known
 * @param anonymousGreetings greetings without a name
 * @param templates          template id → variants; {greeting}, {name} and {issue} are filled in
 * @param issues             topic or intent id → how the reply names that problem, for {issue}
 */
public record LanguageTemplates(String language, List<String> namedGreetings, List<String> anonymousGreetings,
                                Map<String, List<String>> templates, Map<String, String> issues) {

    public LanguageTemplates {
        namedGreetings = namedGreetings == null ? List.of() : List.copyOf(namedGreetings);
        anonymousGreetings = anonymousGreetings == null ? List.of() : List.copyOf(anonymousGreetings);
        templates = templates == null ? Map.of() : Map.copyOf(templates);
        issues = issues == null ? Map.of() : Map.copyOf(issues);
    }
}
