package org.responsepolicy.reply;

import java.util.List;
import java.util.Map;

/**
 * One language's reply templates, as written in {@code rules/replies/<language>.yaml}.
 *
 * @param namedGreetings     greetings containing {name}, used when the author's name is known
 * @param anonymousGreetings greetings without a name
 * @param templates          template id → variants; {greeting} and {name} are filled in
 */
public record LanguageTemplates(String language, List<String> namedGreetings, List<String> anonymousGreetings,
                                Map<String, List<String>> templates) {

    public LanguageTemplates {
        namedGreetings = namedGreetings == null ? List.of() : List.copyOf(namedGreetings);
        anonymousGreetings = anonymousGreetings == null ? List.of() : List.copyOf(anonymousGreetings);
        templates = templates == null ? Map.of() : Map.copyOf(templates);
    }
}
