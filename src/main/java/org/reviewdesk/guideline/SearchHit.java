package org.reviewdesk.guideline;

/** A search result: an entry, or one section of it when the section matched on its own. */
public record SearchHit(GuidelineEntry entry, GuidelineSection section) {
    /** The hit's name as a user reads it: {@code id / section} or {@code id}. */
    public String label() {
        return section == null ? entry.id() : entry.id() + " / " + section.name();
    }
}
