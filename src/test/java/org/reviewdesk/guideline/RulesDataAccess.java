package org.reviewdesk.guideline;

/** Test access to the package's body-part rule. */
public final class RulesDataAccess {
    private RulesDataAccess() {
    }

    /** The MTUS chapter id of the body part the text names, or null. */
    public static String mtusOfBodyPart(RulesData rules, String text) {
        RulesData.BodyPart b = rules.bodyPart(text);
        return b == null ? null : b.mtusId();
    }
}
