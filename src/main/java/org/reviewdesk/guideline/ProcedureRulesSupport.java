package org.reviewdesk.guideline;

import static org.reviewdesk.guideline.RulesSupport.criterion;

import java.util.List;
import java.util.function.Predicate;
import org.reviewdesk.guideline.RulesSupport.Context;
import org.reviewdesk.guideline.RulesSupport.Need;
import org.reviewdesk.guideline.RulesSupport.Rules;

/**
 * Rules for surgery and the items that go with it, still in Java because whether an item is post-operative
 * is read from the diagnosis group answer as well as the request's words. Imaging, EMG/NCS, injections,
 * equipment and the rest are data checklists in {@code rules.json}.
 */
final class ProcedureRulesSupport {

    private static final String NOT_IN_RECORDS = " is not documented in the records provided.";
    private static final Predicate<Context> ASSOCIATED = RulesSupport::postOperative;

    private ProcedureRulesSupport() {
    }

    private static RulesSupport.Criterion conservativeCare() {
        return criterion("conservativeCare", "Has at least one month of conservative care failed?", Need.REQUIRED,
                "The symptoms have not improved with at least one month of conservative care.",
                "The records do not show a failed course of conservative care.",
                "A failed course of conservative care" + NOT_IN_RECORDS);
    }

    static Rules surgery() {
        return new Rules(TreatmentCategory.SURGERY, ctx -> ASSOCIATED.test(ctx)
                ? "Under the MTUS, an item that goes with a surgery is medically necessary when the surgery is, "
                        + "and when the item meets the guideline criteria for the period after surgery."
                : "The MTUS ACOEM guidelines support surgery when activity has been limited for more than one "
                        + "month, exercise and conservative care have failed, and there is clear clinical and imaging "
                        + "evidence of a problem that surgery is known to help.",
                List.of(), List.of(
                criterion("surgeryCertified", "Is the surgery this item goes with medically necessary?",
                        Need.REQUIRED, "The surgery this item goes with is medically necessary.",
                        "The surgery this item goes with is not medically necessary, so this item is not either.",
                        "That the surgery this item goes with was found medically necessary" + NOT_IN_RECORDS,
                        ASSOCIATED),
                conservativeCare(),
                criterion("imagingFindings", "Do imaging findings show a problem that surgery is known to help?",
                        Need.REQUIRED, "Imaging shows a problem that surgery is known to help.",
                        "Imaging does not show a problem that surgery is known to help.",
                        "Imaging findings of a problem that surgery is known to help" + NOT_IN_RECORDS,
                        ASSOCIATED.negate()),
                criterion("indications", "Are the guideline indications for this procedure or item met?",
                        Need.REQUIRED, "The guideline indications are met.", "The guideline indications are not met.",
                        "The guideline indications" + NOT_IN_RECORDS)),
                RulesSupport.noLimit(), List.of());
    }
}
