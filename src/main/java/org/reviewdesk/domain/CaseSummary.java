package org.reviewdesk.domain;

import java.time.LocalDate;

/** One row of the case list. */
public record CaseSummary(String caseNumber, CaseStatus status, Priority priority, LocalDate dueDate,
                          int itemsDecided, int itemsTotal) {
    public String progress() {
        return itemsDecided + "/" + itemsTotal;
    }
}
