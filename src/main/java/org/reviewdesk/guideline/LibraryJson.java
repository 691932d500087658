package org.reviewdesk.guideline;

import static org.reviewdesk.guideline.Json.array;
import static org.reviewdesk.guideline.Json.enumValue;
import static org.reviewdesk.guideline.Json.object;
import static org.reviewdesk.guideline.Json.text;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Strict reading of a library file ({@code reviewdesk-guidelines/1}); every refusal names the JSON path. */
final class LibraryJson {
    static final String FORMAT = "reviewdesk-guidelines/1";
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private LibraryJson() {
    }

    static List<GuidelineEntry> read(InputStream in) throws IOException, GuidelineFormatException {
        JsonNode root;
        try (com.fasterxml.jackson.core.JsonParser parser = MAPPER.createParser(in)) {
            try {
                root = MAPPER.readTree(parser);
            } catch (JsonProcessingException e) {
                throw GuidelineFormatException.notJson(parser, e);
            }
        }
        object(root, "$", Set.of("format", "entries"));
        String format = text(root, "$", "format", true);
        if (!FORMAT.equals(format)) {
            throw new GuidelineFormatException("$.format", "expected \"" + FORMAT + "\", got \"" + format + "\"");
        }
        JsonNode entries = array(root, "$", "entries");
        List<GuidelineEntry> out = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < entries.size(); i++) {
            GuidelineEntry e = entry(entries.get(i), "$.entries[" + i + "]");
            if (!ids.add(e.id())) {
                throw new GuidelineFormatException("$.entries[" + i + "].id", "duplicate id \"" + e.id() + "\"");
            }
            out.add(e);
        }
        return out;
    }

    private static GuidelineEntry entry(JsonNode n, String path) throws GuidelineFormatException {
        object(n, path, Set.of("id", "kind", "name", "citationStyle", "summary", "limits", "categories", "source",
                "sections"));
        String id = text(n, path, "id", true);
        if (!id.matches("[a-z0-9]+(-[a-z0-9]+)*")) {
            throw new GuidelineFormatException(path + ".id",
                    "an id is lower-case words joined by '-', got \"" + id + "\"");
        }
        GuidelineKind kind = enumValue(GuidelineKind.class, n, path, "kind", true);
        CitationStyle style = enumValue(CitationStyle.class, n, path, "citationStyle", false);
        List<GuidelineSection> sections = new ArrayList<>();
        Set<String> names = new HashSet<>();
        JsonNode list = n.has("sections") ? array(n, path, "sections") : null;
        for (int i = 0; list != null && i < list.size(); i++) {
            GuidelineSection s = section(list.get(i), path + ".sections[" + i + "]");
            if (!names.add(s.name())) {
                throw new GuidelineFormatException(path + ".sections[" + i + "].name",
                        "duplicate section \"" + s.name() + "\"");
            }
            sections.add(s);
        }
        return new GuidelineEntry(id, kind, text(n, path, "name", true), style, text(n, path, "summary", false),
                text(n, path, "limits", false), strings(n, path, "categories"), text(n, path, "source", false),
                sections);
    }

    private static GuidelineSection section(JsonNode n, String path) throws GuidelineFormatException {
        object(n, path, Set.of("name", "summary", "limits", "categories", "source"));
        return new GuidelineSection(text(n, path, "name", true), text(n, path, "summary", false),
                text(n, path, "limits", false), strings(n, path, "categories"), text(n, path, "source", false));
    }

    private static List<String> strings(JsonNode n, String path, String field) throws GuidelineFormatException {
        if (!n.has(field)) {
            return List.of();
        }
        JsonNode v = array(n, path, field);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < v.size(); i++) {
            if (!v.get(i).isTextual()) {
                throw new GuidelineFormatException(path + "." + field + "[" + i + "]", "expected a string");
            }
            out.add(v.get(i).textValue());
        }
        return out;
    }
}
