package org.reviewdesk.guideline;

import static org.reviewdesk.guideline.ChecklistQuestion.Kind.NUMBER;
import static org.reviewdesk.guideline.ChecklistQuestion.Kind.TEXT;
import static org.reviewdesk.guideline.RulesSupport.criterion;
import static org.reviewdesk.guideline.RulesSupport.fact;

import java.util.List;
import java.util.function.Predicate;
import org.reviewdesk.guideline.AnswersSupport.Tri;
import org.reviewdesk.guideline.RulesSupport.Context;
import org.reviewdesk.guideline.RulesSupport.Need;
import org.reviewdesk.guideline.RulesSupport.Rules;

/** Rules for tests, procedures and equipment: imaging, EMG/NCS, injections, surgery, TENS/DME, and the rest. */
final class ProcedureRulesSupport {

    private static final String NOT_IN_RECORDS = " is not documented in the records provided.";
    private static final Predicate<Context> EPIDURAL = ctx -> ctx.nameMatches("epidural|\\besis?\\b|transforaminal");
    private static final Predicate<Context> STIMULATOR = ctx -> ctx.nameMatches("\\btens\\b|h-?wave|interferential|stimulat");
    private static final Predicate<Context> ASSOCIATED = RulesSupport::postOperative;

    private ProcedureRulesSupport() {
    }

    static Rules forCategory(TreatmentCategory c) {
        return switch (c) {
            case IMAGING -> imaging();
            case ELECTRODIAGNOSTIC -> electrodiagnostic();
            case INJECTION -> injection();
            case SURGERY -> surgery();
            case TENS_DME -> equipment();
            default -> other();
        };
    }

    private static RulesSupport.Criterion conservativeCare(String when) {
        return criterion("conservativeCare", "Has at least one month of conservative care failed?", Need.REQUIRED,
                "The symptoms have not improved with at least one month of conservative care.",
                "The records do not show a failed course of conservative care" + when + ".",
                "A failed course of conservative care" + NOT_IN_RECORDS);
    }

    private static Rules imaging() {
        return new Rules(TreatmentCategory.IMAGING, ctx -> "The MTUS ACOEM guidelines support imaging when red "
                + "flags are present. They also support it when clear objective findings show a specific problem, "
                + "such as a specific nerve compromise on examination, in patients who "
                + "have not improved with conservative care and would consider surgery. Repeat imaging is not "
                + "recommended without significant new findings.",
                List.of(fact("bodyPart", "Which body part is imaged?", TEXT, "", null),
                        fact("conservativeCareWeeks", "How many weeks of conservative care are documented?", NUMBER,
                                "", "The records document %s weeks of conservative care.")), List.of(
                criterion("redFlags", "Are red flags documented (fracture, tumor, infection, progressive "
                        + "neurologic deficit)?", Need.SUFFICIENT,
                        "The records document red flags that call for imaging.", "No red flags are documented.",
                        null),
                criterion("objectiveFindings", "Are unequivocal objective findings documented (for the spine, "
                        + "neurologic deficits of a specific nerve)?", Need.REQUIRED,
                        "The examination shows unequivocal objective findings of a specific problem.",
                        "The examination does not show unequivocal objective findings of a specific problem.",
                        "Unequivocal objective examination findings are not documented in the records provided."),
                conservativeCare(""),
                criterion("surgeryConsidered", "Is surgery being considered, or would the result change "
                        + "management?", Need.REQUIRED,
                        "Surgery is being considered, and the result would change management.",
                        "Surgery is not being considered, and the result would not change management.",
                        "That surgery is being considered or that the result would change management"
                                + NOT_IN_RECORDS),
                criterion("repeatWithoutNewFindings", "Would this repeat earlier imaging without significant new "
                        + "findings?", Need.ADVERSE,
                        "This would repeat earlier imaging without significant new findings.", null, null)),
                RulesSupport.noLimit(), List.of());
    }

    private static Rules electrodiagnostic() {
        return new Rules(TreatmentCategory.ELECTRODIAGNOSTIC, ctx -> "The MTUS guidelines consider "
                + "electromyography an option to find clear evidence of radiculopathy after one month of "
                + "conservative therapy, but not necessary when radiculopathy is already clinically obvious. Nerve "
                + "conduction studies of the legs are not recommended.", List.of(), List.of(
                criterion("neuroFindings", "Are neurologic findings documented on examination (numbness, weakness, "
                        + "reflex changes)?", Need.REQUIRED, "The examination shows neurologic findings.",
                        "The examination does not show neurologic findings.",
                        "Neurologic findings on examination are not documented in the records provided."),
                conservativeCare(""),
                criterion("obviousRadiculopathy", "Is radiculopathy already clinically obvious?", Need.ADVERSE,
                        "Radiculopathy is already clinically obvious, so the test would not change the diagnosis.",
                        null, null),
                criterion("lowerExtremityNcs", "Are nerve conduction studies of the legs requested?", Need.ADVERSE,
                        "Nerve conduction studies of the legs are requested, which the guidelines do not recommend.",
                        null, null)),
                RulesSupport.noLimit(), List.of());
    }

    private static Rules injection() {
        return new Rules(TreatmentCategory.INJECTION, ctx -> EPIDURAL.test(ctx)
                ? "The MTUS Chronic Pain Medical Treatment Guidelines support epidural steroid injections when "
                        + "radiculopathy found on examination is confirmed by imaging or electrodiagnostic testing and "
                        + "has not responded to conservative treatment. A repeat injection needs continued objective "
                        + "pain and functional improvement, including at least 50% pain relief with less medication "
                        + "use for six to eight weeks."
                : "The MTUS guidelines support an injection when its indications are documented and conservative "
                        + "treatment has failed; a repeat injection needs documented lasting relief and functional "
                        + "improvement from the last one.",
                List.of(fact("injectionType", "What kind of injection is it (epidural, facet, trigger point, joint, "
                        + "PRP)?", TEXT, "", null)), List.of(
                criterion("radiculopathyCorroborated", "Is radiculopathy on examination confirmed by imaging or "
                        + "electrodiagnostic testing?", Need.REQUIRED,
                        "Radiculopathy on examination is confirmed by imaging or electrodiagnostic testing.",
                        "Radiculopathy on examination is not confirmed by imaging or electrodiagnostic testing.",
                        "Radiculopathy confirmed by imaging or electrodiagnostic testing" + NOT_IN_RECORDS, EPIDURAL),
                criterion("indication", "Are the guideline indications for this injection documented?",
                        Need.REQUIRED, "The guideline indications for this injection are documented.",
                        "The guideline indications for this injection are not met.",
                        "The guideline indications for this injection are not documented in the records provided.",
                        EPIDURAL.negate()),
                conservativeCare(""),
                criterion("repeat", "Is this a repeat injection?", Need.INFO, "This is a repeat injection.", null,
                        null),
                criterion("priorResponse", "Did the prior injection give at least 50% relief with less medication "
                        + "for six to eight weeks?", Need.REQUIRED,
                        "The prior injection gave at least 50% pain relief with less medication use for six to "
                                + "eight weeks.",
                        "The prior injection did not give at least 50% pain relief with less medication use for "
                                + "six to eight weeks.",
                        "The response to the prior injection" + NOT_IN_RECORDS,
                        ctx -> ctx.answers().is("repeat", Tri.YES))),
                RulesSupport.noLimit(), List.of());
    }

    private static Rules surgery() {
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
                conservativeCare(""),
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

    private static Rules equipment() {
        return new Rules(TreatmentCategory.TENS_DME, ctx -> STIMULATOR.test(ctx)
                ? "The MTUS Chronic Pain Medical Treatment Guidelines do not recommend TENS as a primary treatment, "
                        + "but a one-month home-based trial may be considered as a noninvasive conservative option if "
                        + "used as an adjunct to a program of evidence-based functional restoration."
                : "Under the MTUS and the guidelines it refers to, medical equipment is supported when it meets the "
                        + "guideline criteria for the device and serves a documented medical need.",
                List.of(fact("device", "Which device is requested?", TEXT, "", null)), List.of(
                criterion("trialDone", "Is a one-month home trial documented, with its effect on pain, function "
                        + "and medication use?", Need.REQUIRED,
                        "A one-month home trial is documented, with its effect on pain, function and medication use.",
                        "The one-month home trial did not improve pain, function or medication use.",
                        "A one-month home trial and its results" + NOT_IN_RECORDS, STIMULATOR),
                criterion("adjunct", "Is it used with a program of evidence-based functional restoration?",
                        Need.REQUIRED, "It is used with a program of functional restoration.",
                        "It is not used with a program of functional restoration.",
                        "A program of functional restoration that it would be used with" + NOT_IN_RECORDS, STIMULATOR),
                criterion("medicalNeed", "Do the records document the medical need the device meets, under the "
                        + "guideline criteria for it?", Need.REQUIRED,
                        "The records document the medical need this device meets.",
                        "The records do not show a medical need that this device meets.",
                        "A medical need that this device meets" + NOT_IN_RECORDS)),
                RulesSupport.noLimit(), List.of());
    }

    private static Rules other() {
        return new Rules(TreatmentCategory.OTHER, ctx -> "Under the MTUS, a treatment is medically necessary when "
                + "the criteria of the guideline that applies are met and the records document the findings those "
                + "criteria need.", List.of(), List.of(
                criterion("mtusAddresses", "Does the MTUS address this treatment?", Need.INFO, null,
                        "The MTUS does not address this treatment, so this review relies on the next source in the "
                                + "evidence hierarchy.", null),
                criterion("criteriaMet", "Are the criteria of the applicable guideline met?", Need.REQUIRED,
                        "The criteria of the guideline are met.", "The criteria of the guideline are not met.",
                        "That the criteria of the guideline are met" + NOT_IN_RECORDS),
                criterion("documented", "Do the records document the findings those criteria need?", Need.REQUIRED,
                        "The records document the findings these criteria need.",
                        "The records do not document the findings these criteria need.",
                        "The findings these criteria need are not documented in the records provided.")),
                RulesSupport.noLimit(), List.of());
    }
}
