package org.reviewdesk.record;

import java.util.Objects;

/** The text of one page of a record; {@code pageNumber} is 1-based, text is empty for images. */
public record PageText(int pageNumber, String text) {
    public PageText {
        if (pageNumber < 1) {
            throw new IllegalArgumentException("page numbers start at 1: " + pageNumber);
        }
        Objects.requireNonNull(text, "text");
    }
}
