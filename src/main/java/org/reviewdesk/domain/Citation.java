package org.reviewdesk.domain;

import java.util.List;

/** A structured citation of a guideline library entry. */
public record Citation(String guidelineId, List<String> sections, String pages) {
    public Citation {
        sections = sections == null ? null : List.copyOf(sections);
    }
}
