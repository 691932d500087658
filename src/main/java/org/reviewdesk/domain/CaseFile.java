package org.reviewdesk.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * One IMR case as the case file format describes it. Optional fields are null when absent;
 * the effective values (default priority, computed due date) come from the accessors below.
 */
public record CaseFile(String caseNumber, Priority priority, ReviewType reviewType,
                       LocalDate dateAssigned, LocalDate dateOfInjury, LocalDate urDenialDate,
                       LocalDate applicationReceived, LocalDate decisionDate, LocalDate dueDate,
                       Organization organization, Reviewer reviewer, Parties parties,
                       String clinicalSummary, List<Item> items, List<RecordDocument> documents,
                       List<Evidence> evidence) {

    public static final String FORMAT = "reviewdesk-case/1";

    public CaseFile {
        items = items == null ? List.of() : List.copyOf(items);
        documents = documents == null ? null : List.copyOf(documents);
        evidence = evidence == null ? null : List.copyOf(evidence);
    }

    public Priority effectivePriority() {
        return priority == null ? Priority.STANDARD : priority;
    }

    public ReviewType effectiveReviewType() {
        return reviewType == null ? ReviewType.MEDICAL_NECESSITY : reviewType;
    }

    /** The due date given, or the statutory one computed from the assignment date. */
    public Optional<LocalDate> effectiveDueDate() {
        if (dueDate != null) {
            return Optional.of(dueDate);
        }
        return DueDates.compute(dateAssigned, effectivePriority(), effectiveReviewType());
    }

    public long decidedCount() {
        return items.stream().filter(Item::isDecided).count();
    }

    public List<RecordDocument> documentList() {
        return documents == null ? List.of() : documents;
    }

    public List<Evidence> evidenceList() {
        return evidence == null ? List.of() : evidence;
    }

    public CaseFile withReviewer(Reviewer r) {
        return new CaseFile(caseNumber, priority, reviewType, dateAssigned, dateOfInjury, urDenialDate,
                applicationReceived, decisionDate, dueDate, organization, r, parties, clinicalSummary, items,
                documents, evidence);
    }

    public CaseFile withDecisionDate(LocalDate d) {
        return new CaseFile(caseNumber, priority, reviewType, dateAssigned, dateOfInjury, urDenialDate,
                applicationReceived, d, dueDate, organization, reviewer, parties, clinicalSummary, items,
                documents, evidence);
    }

    /** The same case with its record as stored now: its documents and evidence excerpts. */
    public CaseFile withRecord(List<RecordDocument> newDocuments, List<Evidence> newEvidence) {
        return new CaseFile(caseNumber, priority, reviewType, dateAssigned, dateOfInjury, urDenialDate,
                applicationReceived, decisionDate, dueDate, organization, reviewer, parties, clinicalSummary, items,
                newDocuments, newEvidence);
    }

    public CaseFile withEdits(String newSummary, List<Item> newItems) {
        return new CaseFile(caseNumber, priority, reviewType, dateAssigned, dateOfInjury, urDenialDate,
                applicationReceived, decisionDate, dueDate, organization, reviewer, parties, newSummary, newItems,
                documents, evidence);
    }
}
