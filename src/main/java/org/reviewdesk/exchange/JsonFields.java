package org.reviewdesk.exchange;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Strict reading of one JSON object: every refusal names the JSON path of the value. */
final class JsonFields {
    private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    private final JsonNode node;
    private final String path;

    private JsonFields(JsonNode node, String path) {
        this.node = node;
        this.path = path;
    }

    /** Wraps an object node, refusing fields outside {@code allowed}. */
    static JsonFields of(JsonNode node, String path, String... allowed) throws CaseFormatException {
        if (node == null || !node.isObject()) {
            throw new CaseFormatException(path == null || path.isEmpty() ? "(root)" : path, "expected an object, got "
                    + describe(node));
        }
        Set<String> known = Set.of(allowed);
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!known.contains(name)) {
                throw new CaseFormatException(child(path, name),
                        "unknown field (allowed here: " + String.join(", ", new TreeSet<>(known)) + ")");
            }
        }
        return new JsonFields(node, path);
    }

    static String child(String path, String name) {
        return path == null || path.isEmpty() ? name : path + "." + name;
    }

    static String describe(JsonNode n) {
        if (n == null || n.isMissingNode()) {
            return "nothing";
        }
        if (n.isNull()) {
            return "null";
        }
        if (n.isTextual()) {
            String t = n.textValue();
            return "\"" + (t.length() > 40 ? t.substring(0, 40) + "..." : t) + "\"";
        }
        if (n.isObject()) {
            return "an object";
        }
        if (n.isArray()) {
            return "a list";
        }
        return n.toString();
    }

    String pathOf(String name) {
        return child(path, name);
    }

    /** The field's node, or null when absent or JSON null. */
    JsonNode get(String name) {
        JsonNode n = node.get(name);
        return n == null || n.isNull() ? null : n;
    }

    String string(String name, boolean required) throws CaseFormatException {
        JsonNode n = get(name);
        if (n == null) {
            if (required) {
                throw missing(name, "a string");
            }
            return null;
        }
        if (!n.isTextual()) {
            throw new CaseFormatException(pathOf(name), "expected a string, got " + describe(n));
        }
        return n.textValue();
    }

    /** A required field that is absent, or null (which counts as absent where a value may be left out). */
    private CaseFormatException missing(String name, String expected) {
        JsonNode n = node.get(name);
        return new CaseFormatException(pathOf(name), n != null && n.isNull() ? "expected " + expected + ", got null"
                : "required field is missing");
    }

    String nonBlank(String name) throws CaseFormatException {
        String s = string(name, true);
        if (s.isBlank()) {
            throw new CaseFormatException(pathOf(name), "must not be empty");
        }
        return s;
    }

    LocalDate date(String name) throws CaseFormatException {
        JsonNode n = get(name);
        if (n == null) {
            return null;
        }
        String bad = "expected a date YYYY-MM-DD, got " + describe(n);
        if (!n.isTextual() || !ISO_DATE.matcher(n.textValue()).matches()) {
            throw new CaseFormatException(pathOf(name), bad);
        }
        try {
            return LocalDate.parse(n.textValue());
        } catch (DateTimeParseException e) {
            throw new CaseFormatException(pathOf(name), bad);
        }
    }

    <E extends Enum<E>> E enumValue(String name, Class<E> type) throws CaseFormatException {
        JsonNode n = get(name);
        if (n == null) {
            return null;
        }
        E[] values = type.getEnumConstants();
        if (n.isTextual()) {
            for (E e : values) {
                if (e.name().equals(n.textValue())) {
                    return e;
                }
            }
        }
        List<String> names = Arrays.stream(values).map(Enum::name).collect(Collectors.toList());
        String expected = names.size() == 2 ? names.get(0) + " or " + names.get(1)
                : "one of " + String.join(", ", names);
        throw new CaseFormatException(pathOf(name), "expected " + expected + ", got " + describe(n));
    }

    Integer integer(String name, boolean required, int min) throws CaseFormatException {
        JsonNode n = get(name);
        if (n == null) {
            if (required) {
                throw missing(name, "a whole number of at least " + min);
            }
            return null;
        }
        if (!n.isIntegralNumber() || !n.canConvertToInt() || n.intValue() < min) {
            throw new CaseFormatException(pathOf(name), "expected a whole number of at least " + min + ", got "
                    + describe(n));
        }
        return n.intValue();
    }

    /** The field as a list node; null when absent and not required. */
    JsonNode list(String name, boolean required) throws CaseFormatException {
        JsonNode n = get(name);
        if (n == null) {
            if (required) {
                throw missing(name, "a list");
            }
            return null;
        }
        if (!n.isArray()) {
            throw new CaseFormatException(pathOf(name), "expected a list, got " + describe(n));
        }
        return n;
    }

    List<String> strings(String name) throws CaseFormatException {
        JsonNode n = list(name, false);
        if (n == null) {
            return null;
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n.size(); i++) {
            if (!n.get(i).isTextual()) {
                throw new CaseFormatException(pathOf(name) + "[" + i + "]", "expected a string, got "
                        + describe(n.get(i)));
            }
            out.add(n.get(i).textValue());
        }
        return out;
    }
}
