package org.responsepolicy.engine.facts;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads a rule's {@code @key(...)} metadata. Drools stores some keys under the name of a kie-api
 * annotation they resolve to ({@code @description} becomes {@code org.kie.api.definition.type.Description}),
 * so lookups accept both spellings and values lose the quotes Drools sometimes keeps.
 */
public final class RuleMetadata {

    private RuleMetadata() {
    }

    public static String value(Map<String, Object> metadata, String key) {
        Object v = metadata.get(key);
        if (v == null) {
            String suffix = "." + Character.toUpperCase(key.charAt(0)) + key.substring(1);
            for (Map.Entry<String, Object> e : metadata.entrySet()) {
                if (e.getKey().endsWith(suffix)) {
                    v = e.getValue();
                    break;
                }
            }
        }
        if (v == null) {
            return null;
        }
        String s = v.toString();
        if (s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"")) {
            s = s.substring(1, s.length() - 1);
        }
        return s;
    }

    /** All metadata with short keys ({@code description}, not the annotation's class name). */
    public static Map<String, String> all(Map<String, Object> metadata) {
        Map<String, String> out = new LinkedHashMap<>();
        metadata.keySet().forEach(k -> {
            String shortKey = k.contains(".") ? k.substring(k.lastIndexOf('.') + 1).toLowerCase(java.util.Locale.ROOT) : k;
            out.put(shortKey, value(metadata, k));
        });
        return out;
    }
}
