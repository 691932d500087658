package org.reviewdesk.precedent;

import java.time.LocalDate;
import java.util.List;

/**
 * One decided case kept as a precedent: a public IMR determination letter the reviewer imported, or one of
 * the reviewer's own finalized cases. Dates are null when the letter does not give them.
 */
public record Precedent(String caseNumber, Source source, LocalDate dateAssigned, LocalDate dateOfInjury,
                        LocalDate urDenialDate, LocalDate decisionDate, String specialty, String clinicalSummary,
                        List<PrecedentItem> items) {
    /** Where a precedent comes from. */
    public enum Source {
        /** A published determination letter. */
        PUBLIC,
        /** The reviewer's own finalized case. */
        OWN;

        public String label() {
            return this == PUBLIC ? "public letter" : "your case";
        }
    }

    public Precedent {
        items = List.copyOf(items);
    }
}
