package org.reviewdesk.guideline;

import java.util.List;
import org.reviewdesk.domain.Decision;

/**
 * A drafted rationale: the text in the letters' four-part form, the decision the answers point to,
 * and the reasons for that suggestion (one line each, for the reviewer, not for the letter).
 */
public record RationaleDraft(String text, Decision suggestedDecision, List<String> reasons, Suggestion suggestion) {
    public RationaleDraft {
        reasons = List.copyOf(reasons);
    }
}
