package org.responsepolicy.ruleset;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.util.List;
import org.responsepolicy.engine.RuleProblem;

/** Reads a YAML rule file into a record, turning every mistake into a located {@link RuleProblem}. */
final class YamlFiles {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private YamlFiles() {
    }

    /** @return the parsed file, or null after adding the problem to {@code problems} */
    static <T> T read(String path, String text, Class<T> type, List<RuleProblem> problems) {
        if (text.isBlank()) {
            problems.add(new RuleProblem(path, 0, "file is empty"));
            return null;
        }
        try {
            return YAML.readValue(text, type);
        } catch (JsonProcessingException e) {
            JsonLocation where = e.getLocation();
            String message = e.getOriginalMessage();
            if (e instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
                message = "at '" + fieldPath(mismatch) + "': " + firstLine(message);
            }
            problems.add(new RuleProblem(path, where == null ? 0 : Math.max(where.getLineNr(), 0), firstLine(message)));
            return null;
        }
    }

    private static String fieldPath(MismatchedInputException e) {
        StringBuilder sb = new StringBuilder();
        for (var ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                sb.append(sb.length() == 0 ? "" : ".").append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                sb.append('[').append(ref.getIndex()).append(']');
            }
        }
        return sb.toString();
    }

    /** The first line of Jackson's message, without its hints to Java developers. */
    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        String line = (nl < 0 ? s : s.substring(0, nl)).strip();
        int hint = line.indexOf(" (set DeserializationConfig");
        if (hint < 0) {
            hint = line.indexOf(", not marked as ignorable");
        }
        return hint < 0 ? line : line.substring(0, hint);
    }
}
