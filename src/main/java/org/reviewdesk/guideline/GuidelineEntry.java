package org.reviewdesk.guideline;

import java.util.List;
import java.util.Optional;

/**
 * One citable source: an MTUS guideline or a non-MTUS source, named exactly as the letters cite it.
 * {@code source} says where the summary and limits come from, so the app can show how far to trust them.
 */
public record GuidelineEntry(String id, GuidelineKind kind, String name, CitationStyle citationStyle, String summary,
        String limits, List<String> categories, String source, List<GuidelineSection> sections) {
    public GuidelineEntry {
        citationStyle = citationStyle == null ? CitationStyle.SECTIONS : citationStyle;
        categories = categories == null ? List.of() : List.copyOf(categories);
        sections = sections == null ? List.of() : List.copyOf(sections);
    }

    /** The section with exactly this name (letters are case-sensitive about it). */
    public Optional<GuidelineSection> section(String sectionName) {
        return sections.stream().filter(s -> s.name().equals(sectionName)).findFirst();
    }
}
