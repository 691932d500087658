package org.reviewdesk.guideline;

import java.util.List;
import org.reviewdesk.domain.Decision;

/**
 * What the checklist answers point to: Upheld (with the criteria that are not met), Overturned (with the
 * criteria that are met), or "Cannot suggest yet" (with the open questions that decide it). A criterion
 * answered "not applicable" is left out of all three.
 */
public record Suggestion(Kind kind, List<String> unmet, List<String> met, List<String> open) {

    /** The three possible suggestions. */
    public enum Kind { UPHELD, OVERTURNED, CANNOT_SUGGEST }

    public Suggestion {
        unmet = List.copyOf(unmet);
        met = List.copyOf(met);
        open = List.copyOf(open);
    }

    /** The decision suggested, or null when the answers cannot suggest one yet. */
    public Decision decision() {
        return switch (kind) {
            case UPHELD -> Decision.UPHELD;
            case OVERTURNED -> Decision.OVERTURNED;
            case CANNOT_SUGGEST -> null;
        };
    }

    /** One readable sentence for the reviewer, e.g. "Suggested decision: Upheld, because 2 criteria are not met." */
    public String sentence() {
        return switch (kind) {
            case UPHELD -> "Suggested decision: Upheld, because " + count(unmet.size(), "criterion is", "criteria are")
                    + " not met" + (open.isEmpty() ? "." : " (" + count(open.size(), "question is", "questions are")
                    + " still open).");
            case OVERTURNED -> "Suggested decision: Overturned: " + (met.isEmpty() ? "no criterion argues against it."
                    : "the " + count(met.size(), "criterion is", "criteria are") + " met.");
            case CANNOT_SUGGEST -> "Cannot suggest yet: " + count(open.size(), "open question decides",
                    "open questions decide") + " it.";
        };
    }

    /** The short list that goes with the sentence: the unmet, the met, or the open questions. */
    public List<String> list() {
        return switch (kind) {
            case UPHELD -> unmet;
            case OVERTURNED -> met;
            case CANNOT_SUGGEST -> open;
        };
    }

    private static String count(int n, String one, String many) {
        return n == 1 ? "1 " + one : n + " " + many;
    }
}
