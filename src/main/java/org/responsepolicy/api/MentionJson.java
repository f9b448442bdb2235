package org.responsepolicy.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.responsepolicy.evaluation.MentionInput;

/**
 * Reads a mention from JSON exactly as {@code POST /v1/mentions/evaluate} does (same fields, limits and
 * messages), for tools that take mentions from elsewhere, such as the {@code evaluate} command.
 */
public final class MentionJson {

    private MentionJson() {
    }

    /** A mention the API would refuse, with every problem found (field and message). */
    public static final class InvalidMention extends Exception {
        private final List<String> problems;

        InvalidMention(String message, List<String> problems) {
            super(message);
            this.problems = List.copyOf(problems);
        }

        public List<String> problems() {
            return problems;
        }
    }

    public static MentionInput read(JsonNode json) throws InvalidMention {
        try {
            return MentionReader.read(json, "");
        } catch (ApiException e) {
            List<String> problems = e.errors == null ? List.of(e.getMessage())
                    : e.errors.stream().map(f -> f.field() + " " + f.message()).toList();
            throw new InvalidMention(e.getMessage(), problems);
        }
    }
}
