package org.reviewdesk.guideline;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/** Strict reading helpers for the data files; every refusal names the JSON path. */
final class Json {
    private Json() {
    }

    static void object(JsonNode n, String path, Set<String> allowed) throws GuidelineFormatException {
        if (n == null || !n.isObject()) {
            throw new GuidelineFormatException(path, "expected an object");
        }
        for (Iterator<String> it = n.fieldNames(); it.hasNext();) {
            String name = it.next();
            if (!allowed.contains(name)) {
                // A typo must not silently drop what the user wrote.
                throw new GuidelineFormatException(path + "." + name, "unknown field (allowed: "
                        + String.join(", ", allowed.stream().sorted().toList()) + ")");
            }
        }
    }

    static void map(JsonNode n, String path) throws GuidelineFormatException {
        if (n == null || !n.isObject()) {
            throw new GuidelineFormatException(path, "expected an object");
        }
    }

    static String text(JsonNode n, String path, String field, boolean required) throws GuidelineFormatException {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            if (required) {
                throw new GuidelineFormatException(path + "." + field, "missing");
            }
            return null;
        }
        if (!v.isTextual() || (required && v.textValue().isBlank())) {
            throw new GuidelineFormatException(path + "." + field, "expected a non-empty string");
        }
        return v.textValue();
    }

    static JsonNode array(JsonNode n, String path, String field) throws GuidelineFormatException {
        JsonNode v = n.get(field);
        if (v == null || !v.isArray()) {
            throw new GuidelineFormatException(path + "." + field, "expected a list");
        }
        return v;
    }

    static List<String> strings(JsonNode n, String path, String field, boolean required)
            throws GuidelineFormatException {
        if (!n.has(field)) {
            if (required) {
                throw new GuidelineFormatException(path + "." + field, "missing");
            }
            return List.of();
        }
        JsonNode v = array(n, path, field);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < v.size(); i++) {
            if (!v.get(i).isTextual() || v.get(i).textValue().isBlank()) {
                throw new GuidelineFormatException(path + "." + field + "[" + i + "]", "expected a non-empty string");
            }
            out.add(v.get(i).textValue());
        }
        if (required && out.isEmpty()) {
            throw new GuidelineFormatException(path + "." + field, "expected at least one entry");
        }
        return out;
    }

    static <E extends Enum<E>> E enumValue(Class<E> type, JsonNode n, String path, String field, boolean required)
            throws GuidelineFormatException {
        String v = text(n, path, field, required);
        if (v == null) {
            return null;
        }
        for (E e : type.getEnumConstants()) {
            if (e.name().equals(v)) {
                return e;
            }
        }
        throw new GuidelineFormatException(path + "." + field, "expected one of "
                + java.util.Arrays.toString(type.getEnumConstants()) + ", got \"" + v + "\"");
    }
}
