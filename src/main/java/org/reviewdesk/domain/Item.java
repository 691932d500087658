package org.reviewdesk.domain;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One disputed item or service. Text fields are null when the case file leaves them out, so
 * that a case comes back exactly as it was imported.
 */
public record Item(String request, String treatmentCategory, Decision decision,
                   String claimsAdministratorGuideline, String reviewerGuideline, String rationale,
                   List<Citation> citations, Map<String, Object> checklist) {
    public Item {
        citations = citations == null ? null : List.copyOf(citations);
        checklist = checklist == null ? null : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(checklist));
    }

    public boolean isDecided() {
        return decision != null;
    }

    public boolean hasRationale() {
        return rationale != null && !rationale.isBlank();
    }

    public Item withDecision(Decision d) {
        return new Item(request, treatmentCategory, d, claimsAdministratorGuideline, reviewerGuideline, rationale,
                citations, checklist);
    }

    public Item withTexts(String newRequest, String newCaGuideline, String newReviewerGuideline, String newRationale) {
        return new Item(newRequest, treatmentCategory, decision, newCaGuideline, newReviewerGuideline, newRationale,
                citations, checklist);
    }
}
