package org.reviewdesk.precedent;

import org.reviewdesk.domain.Decision;

/** One decided item of a precedent: what was asked, the decision, the two guideline lines and the rationale. */
public record PrecedentItem(int position, String request, Decision decision, String claimsAdministratorGuideline,
                            String reviewerGuideline, String rationale) {
}
