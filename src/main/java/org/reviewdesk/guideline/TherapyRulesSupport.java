package org.reviewdesk.guideline;

import static org.reviewdesk.guideline.ChecklistQuestion.Kind.NUMBER;
import static org.reviewdesk.guideline.ChecklistQuestion.Kind.TEXT;
import static org.reviewdesk.guideline.RulesSupport.criterion;
import static org.reviewdesk.guideline.RulesSupport.fact;
import static org.reviewdesk.guideline.RulesSupport.yesNo;

import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import org.reviewdesk.guideline.AnswersSupport.Tri;
import org.reviewdesk.guideline.RulesSupport.Context;
import org.reviewdesk.guideline.RulesSupport.Limit;
import org.reviewdesk.guideline.RulesSupport.Need;
import org.reviewdesk.guideline.RulesSupport.Rules;

/**
 * Rules for visit-based therapies: physical/occupational therapy, chiropractic, acupuncture and
 * psychological treatment. Limits are those of the IMR primer, section 2.3.
 */
final class TherapyRulesSupport {

    private static final String NOT_IN_RECORDS = " is not documented in the records provided.";
    private static final Predicate<Context> HAD_PRIOR = ctx -> !ctx.answers().is("priorTherapy", Tri.NO);

    private TherapyRulesSupport() {
    }

    static Rules forCategory(TreatmentCategory c) {
        return switch (c) {
            case PHYSICAL_THERAPY -> physicalTherapy();
            case CHIROPRACTIC -> chiropractic();
            case ACUPUNCTURE -> acupuncture();
            default -> psych();
        };
    }

    private static RulesSupport.Fact requested() {
        return fact("requested", "How many visits are requested (the IMR-eligible portion)?", NUMBER,
                "Filled from the request when it states a count (\"12 sessions\", \"2x6\", \"x12\").",
                "The request is for %s visits.");
    }

    private static RulesSupport.Fact bodyPart() {
        return fact("bodyPart", "Which body part is treated?", TEXT, "", null);
    }

    private static RulesSupport.Fact priorVisits(String what) {
        return fact("priorVisits", "How many prior " + what + " visits are documented?", NUMBER, "",
                "The records document %s prior " + what + " visits.");
    }

    private static RulesSupport.Criterion priorTherapy(String what) {
        return criterion("priorTherapy", "Has the injured worker had " + what + " for this injury before?", Need.INFO,
                "The injured worker has had " + what + " for this injury before.",
                "The injured worker has not had " + what + " for this injury, so this would be a first course.",
                null);
    }

    private static RulesSupport.Criterion improvement(String what, Predicate<Context> applies) {
        return criterion("functionalImprovement",
                "Is objective functional improvement from the prior " + what + " documented?", Need.REQUIRED,
                "The records document objective functional improvement from the prior " + what + ".",
                "The records do not show objective functional improvement from the prior " + what + ".",
                "Objective functional improvement from the prior " + what + NOT_IN_RECORDS, applies);
    }

    private static Rules physicalTherapy() {
        String pt = "physical therapy";
        return new Rules(TreatmentCategory.PHYSICAL_THERAPY, TherapyRulesSupport::physicalTherapyGuideline, List.of(
                requested(), bodyPart(),
                fact("diagnosisGroup", "Which diagnosis group applies?", TEXT,
                        "myalgia (myalgia and myositis), neuralgia (neuralgia, neuritis, radiculitis), crps, or post-op",
                        null),
                fact("postSurgicalLimit", "Post-operative only: how many visits do the Postsurgical Treatment "
                        + "Guidelines allow for this surgery?", NUMBER, "e.g. 24 for a Bankart repair", null),
                priorVisits(pt)), List.of(
                priorTherapy(pt),
                yesNo(criterion("priorVisitsDocumented", "Is the number of prior physical therapy visits documented?",
                        Need.REQUIRED, null,
                        "The number of prior physical therapy visits" + NOT_IN_RECORDS, null, HAD_PRIOR)),
                improvement(pt, HAD_PRIOR),
                criterion("remainingDeficits", "Are remaining objective functional deficits documented?",
                        Need.REQUIRED,
                        "The records document remaining objective functional deficits that need skilled therapy.",
                        "The records do not document significant remaining objective functional deficits.",
                        "Remaining objective functional deficits are not documented in the records provided."),
                criterion("homeProgramReason",
                        "Is there a documented reason why a home exercise program is not enough?", Need.REQUIRED,
                        "The records explain why the remaining rehabilitation cannot be done in a home exercise "
                                + "program.",
                        "A reason why the remaining rehabilitation cannot be done in a home exercise program"
                                + NOT_IN_RECORDS,
                        "A reason why the remaining rehabilitation cannot be done in a home exercise program"
                                + NOT_IN_RECORDS, HAD_PRIOR)),
                TherapyRulesSupport::physicalTherapyLimit, List.of());
    }

    private static String group(Context ctx) {
        String g = ctx.answers().text("diagnosisGroup");
        return g == null ? "" : g.toLowerCase(Locale.ROOT);
    }

    private static String physicalTherapyGuideline(Context ctx) {
        if (RulesSupport.postOperative(ctx)) {
            Integer allowed = ctx.answers().number("postSurgicalLimit");
            return "The MTUS Postsurgical Treatment Guidelines set the number of physical therapy visits after "
                    + "surgery by procedure" + (allowed == null ? "" : ", up to " + allowed + " visits for this one")
                    + ", within the post-surgical treatment period.";
        }
        if (group(ctx).contains("crps") || group(ctx).contains("reflex")) {
            return "The MTUS Chronic Pain Medical Treatment Guidelines recommend up to 24 physical therapy visits "
                    + "over 16 weeks for complex regional pain syndrome.";
        }
        return "The MTUS Chronic Pain Medical Treatment Guidelines recommend 9-10 visits over 8 weeks for myalgia "
                + "and myositis and 8-10 visits over 4 weeks for neuralgia, neuritis and radiculitis, with fading "
                + "of treatment frequency plus active self-directed home physical medicine.";
    }

    private static Limit physicalTherapyLimit(Context ctx) {
        if (RulesSupport.postOperative(ctx)) {
            Integer allowed = ctx.answers().number("postSurgicalLimit");
            // Post-surgical visits have their own table and are exempt from the 24-visit cap.
            return allowed == null ? null : new Limit(allowed, allowed + " visits after this surgery", false);
        }
        if (group(ctx).contains("crps") || group(ctx).contains("reflex")) {
            return new Limit(24, "24 visits for complex regional pain syndrome", true);
        }
        return new Limit(10, "10 visits", true);
    }

    private static Rules chiropractic() {
        String chiro = "chiropractic care";
        Predicate<Context> trialDone = ctx -> !ctx.answers().is("trialDone", Tri.NO);
        return new Rules(TreatmentCategory.CHIROPRACTIC, TherapyRulesSupport::chiropracticGuideline, List.of(
                requested(), bodyPart(), priorVisits("chiropractic")), List.of(
                criterion("trialDone", "Has a trial of chiropractic care (6 visits over 2 weeks) been completed?",
                        Need.INFO, "A trial of chiropractic care has been completed.",
                        "No trial of chiropractic care has been completed yet, so this would be the initial trial.",
                        "Whether a trial of chiropractic care was completed" + NOT_IN_RECORDS),
                improvement(chiro, trialDone),
                criterion("maintenance", "Is this elective or maintenance care?", Need.ADVERSE,
                        "The records describe elective or maintenance care, which the guidelines do not support.",
                        null, null)),
                ctx -> ctx.answers().is("trialDone", Tri.YES) && ctx.answers().is("functionalImprovement", Tri.YES)
                        ? new Limit(18, "18 visits over 6-8 weeks", true)
                        : new Limit(6, "trial of 6 visits", true), List.of());
    }

    private static String chiropracticGuideline(Context ctx) {
        String base = "The MTUS Chronic Pain Medical Treatment Guidelines recommend manual therapy and manipulation "
                + "for chronic pain caused by musculoskeletal conditions: a trial of 6 visits over 2 weeks and, "
                + "with objective functional improvement, up to 18 visits over 6-8 weeks. Elective or maintenance "
                + "care is not medically necessary.";
        String part = ctx.itemName() + " " + (ctx.answers().text("bodyPart") == null ? "" : ctx.answers().text("bodyPart"));
        if (part.toLowerCase(Locale.ROOT).matches("(?s).*\\b(neck|cervical|thoracic)\\b.*")) {
            // The CPMTG covers the low back; for the neck the letters fall back on ODG.
            return base + " The MTUS makes no recommendation for cervical or thoracic manipulation; the Official "
                    + "Disability Guidelines allow a trial of 6 visits over 2-3 weeks and up to 18 visits over "
                    + "6-8 weeks with objective functional improvement.";
        }
        return base;
    }

    private static Rules acupuncture() {
        String acu = "acupuncture";
        return new Rules(TreatmentCategory.ACUPUNCTURE, ctx -> "The MTUS Acupuncture Medical Treatment Guidelines "
                + "state that functional improvement should appear within 3-6 treatments given 1-3 times a week, "
                + "and that treatment may be extended only when functional improvement is documented. Acupuncture "
                + "is used when pain medication is reduced or not tolerated, or with physical rehabilitation.",
                List.of(requested(), bodyPart(), priorVisits(acu)), List.of(
                priorTherapy(acu),
                yesNo(criterion("priorVisitsDocumented", "Is the number of acupuncture sessions completed documented?",
                        Need.REQUIRED, null, "The number of acupuncture sessions completed" + NOT_IN_RECORDS, null,
                        HAD_PRIOR)),
                improvement(acu, HAD_PRIOR),
                criterion("adjunct", "Is it used with physical rehabilitation, or because pain medication is "
                        + "reduced or not tolerated?", Need.REQUIRED,
                        "It is used with physical rehabilitation or because pain medication is reduced or not tolerated.",
                        "It is not used with physical rehabilitation, and pain medication is not reduced or "
                                + "poorly tolerated.",
                        "Use with physical rehabilitation, or reduced or poorly tolerated pain medication,"
                                + NOT_IN_RECORDS)),
                ctx -> ctx.answers().is("functionalImprovement", Tri.YES)
                        ? new Limit(12, "12 sessions", false)
                        : new Limit(6, "initial trial of 6 visits", false), List.of());
    }

    private static Rules psych() {
        String psych = "psychological treatment";
        return new Rules(TreatmentCategory.PSYCH, ctx -> "The MTUS Chronic Pain Medical Treatment Guidelines "
                + "recommend psychological evaluation and treatment for appropriately identified patients, with "
                + "continued treatment based on objective functional improvement.",
                List.of(requested(), priorVisits("psychological treatment")), List.of(
                criterion("symptoms", "Are psychological symptoms that affect recovery documented?", Need.REQUIRED,
                        "The records document psychological symptoms that affect recovery.",
                        "The records do not show psychological symptoms that affect recovery.",
                        "Psychological symptoms that affect recovery are not documented in the records provided."),
                criterion("evaluation", "Does a psychological evaluation support this treatment?", Need.REQUIRED,
                        "A psychological evaluation supports this treatment.",
                        "The psychological evaluation does not support this treatment.",
                        "A psychological evaluation that supports this treatment" + NOT_IN_RECORDS),
                priorTherapy(psych),
                improvement(psych, ctx -> ctx.answers().is("priorTherapy", Tri.YES))),
                RulesSupport.noLimit(), List.of());
    }
}
