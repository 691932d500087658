package org.reviewdesk.guideline;

import java.util.Objects;

/** One question of a category's checklist; the answer is stored in the item's checklist under {@code key}. */
public record ChecklistQuestion(String key, String text, Kind kind, String help) {

    /** What kind of answer the question takes. */
    public enum Kind {
        /** {@code true}/{@code false} or "yes"/"no". */
        YES_NO,
        /** "yes", "no" or "unknown" (not documented either way); booleans are accepted too. */
        YES_NO_UNKNOWN,
        /** A whole number. */
        NUMBER,
        /** Free text. */
        TEXT
    }

    public ChecklistQuestion {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(kind, "kind");
        help = help == null ? "" : help;
    }
}
