package org.reviewdesk.guideline;

import java.util.List;

/** A section of a guideline as the letters name it, with what is known of its recommendation. */
public record GuidelineSection(String name, String summary, String limits, List<String> categories, String source) {
    public GuidelineSection {
        categories = categories == null ? List.of() : List.copyOf(categories);
    }
}
