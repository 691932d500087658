package org.reviewdesk.store;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.reviewdesk.domain.Citation;
import org.reviewdesk.domain.Parties;
import org.reviewdesk.domain.Reviewer;

/** The small nested values (credentials, parties, citations, checklists) as JSON columns. */
final class StoreJson {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    private StoreJson() {
    }

    static String reviewer(Reviewer r) {
        return write(r);
    }

    static Reviewer reviewer(String json) {
        return read(json, new TypeReference<Reviewer>() { });
    }

    static String parties(Parties p) {
        return write(p);
    }

    static Parties parties(String json) {
        return read(json, new TypeReference<Parties>() { });
    }

    static String citations(List<Citation> c) {
        return write(c);
    }

    static List<Citation> citations(String json) {
        return read(json, new TypeReference<List<Citation>>() { });
    }

    static String checklist(Map<String, Object> m) {
        return write(m);
    }

    static Map<String, Object> checklist(String json) {
        return read(json, new TypeReference<LinkedHashMap<String, Object>>() { });
    }

    private static String write(Object o) {
        if (o == null) {
            return null;
        }
        try {
            return MAPPER.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A value could not be stored as JSON", e);
        }
    }

    private static <T> T read(String json, TypeReference<T> type) {
        if (json == null) {
            return null;
        }
        try {
            return MAPPER.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored JSON value is damaged", e);
        }
    }
}
