package org.reviewdesk.domain;

/** Where a case stands in the reviewer's work. */
public enum CaseStatus {
    NEW("New"), IN_PROGRESS("In review"), DECIDED("Ready to sign"), FINALIZED("Finalized"), DELIVERED("Delivered"),
    ARCHIVED("Archived");

    private final String label;

    CaseStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Whether the case is locked: finalized or later. */
    public boolean locked() {
        return this == FINALIZED || this == DELIVERED || this == ARCHIVED;
    }

    /** The status a case's content implies; a finalized case stays finalized. */
    public static CaseStatus derive(CaseFile c, boolean finalized) {
        if (finalized) {
            return FINALIZED;
        }
        long decided = c.decidedCount();
        if (!c.items().isEmpty() && decided == c.items().size()) {
            return DECIDED;
        }
        boolean touched = decided > 0 || c.items().stream().anyMatch(Item::hasRationale);
        return touched ? IN_PROGRESS : NEW;
    }
}
