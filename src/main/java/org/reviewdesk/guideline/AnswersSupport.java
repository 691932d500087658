package org.reviewdesk.guideline;

import java.util.Locale;
import java.util.Map;

/** Reads checklist answers leniently: booleans or yes/no/unknown words, numbers or digit strings. */
final class AnswersSupport {

    /** A yes/no/unknown answer, or none at all. */
    enum Tri { YES, NO, UNKNOWN, NOT_APPLICABLE, UNANSWERED }

    private final Map<String, Object> answers;

    AnswersSupport(Map<String, Object> answers) {
        this.answers = answers == null ? Map.of() : answers;
    }

    Tri tri(String key) {
        Object v = answers.get(key);
        if (v instanceof Boolean b) {
            return b ? Tri.YES : Tri.NO;
        }
        if (v == null) {
            return Tri.UNANSWERED;
        }
        String s = v.toString().trim().toLowerCase(Locale.ROOT);
        return switch (s) {
            case "yes", "y", "true" -> Tri.YES;
            case "no", "n", "false" -> Tri.NO;
            case "" -> Tri.UNANSWERED;
            case "not applicable", "n/a", "na", "not-applicable" -> Tri.NOT_APPLICABLE;
            // Anything else ("unknown", "not documented", "unclear") means the records do not say.
            default -> Tri.UNKNOWN;
        };
    }

    boolean is(String key, Tri value) {
        return tri(key) == value;
    }

    /** A whole number, or null when absent or not a number. */
    Integer number(String key) {
        Object v = answers.get(key);
        if (v instanceof Number n) {
            return n.intValue();
        }
        if (v == null) {
            return null;
        }
        String digits = v.toString().trim();
        return digits.matches("\\d{1,6}") ? Integer.valueOf(digits) : null;
    }

    /** Trimmed text, or null when absent or blank. */
    String text(String key) {
        Object v = answers.get(key);
        if (v == null || v.toString().isBlank()) {
            return null;
        }
        return v.toString().trim();
    }
}
