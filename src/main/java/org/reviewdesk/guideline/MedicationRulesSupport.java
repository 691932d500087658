package org.reviewdesk.guideline;

import static org.reviewdesk.guideline.ChecklistQuestion.Kind.NUMBER;
import static org.reviewdesk.guideline.ChecklistQuestion.Kind.TEXT;
import static org.reviewdesk.guideline.RulesSupport.criterion;
import static org.reviewdesk.guideline.RulesSupport.fact;

import java.util.List;
import org.reviewdesk.guideline.RulesSupport.NumberRule;
import org.reviewdesk.guideline.RulesSupport.Need;
import org.reviewdesk.guideline.RulesSupport.Rules;

/** Rules for medications: opioids, NSAIDs, muscle relaxants and topical analgesics. */
final class MedicationRulesSupport {

    private static final String NOT_IN_RECORDS = " is not documented in the records provided.";

    private MedicationRulesSupport() {
    }

    static Rules forCategory(TreatmentCategory c) {
        return switch (c) {
            case OPIOID -> opioid();
            case NSAID -> nsaid();
            case MUSCLE_RELAXANT -> muscleRelaxant();
            default -> topical();
        };
    }

    private static RulesSupport.Fact weeks() {
        return fact("durationWeeks", "For how many weeks has the medication been used?", NUMBER, "",
                "The records show use of this medication for %s weeks.");
    }

    private static Rules opioid() {
        return new Rules(TreatmentCategory.OPIOID, ctx -> "The MTUS Opioid Treatment Guidelines support continued "
                + "opioid treatment only when it brings clinically meaningful improvement in pain and function, "
                + "after first-line non-opioid treatment, with monitoring of pain, function, side effects and "
                + "aberrant behavior, urine drug testing at least twice a year and an opioid treatment agreement.",
                List.of(fact("phase", "Is the pain acute, subacute or chronic?", TEXT, "", "The pain is %s."),
                        fact("med", "What is the morphine equivalent dose (mg per day)?", NUMBER, "",
                                "The current dose is %s mg morphine equivalent per day.")), List.of(
                criterion("firstLineTried", "Have first-line non-opioid treatments been tried?", Need.REQUIRED,
                        "First-line non-opioid treatments have been tried.",
                        "First-line non-opioid treatments have not been tried.",
                        "A trial of first-line non-opioid treatments" + NOT_IN_RECORDS),
                criterion("painAndFunction", "Are pain and function assessed at each visit (the 4 A's: analgesia, "
                        + "activities of daily living, adverse effects, aberrant behavior)?", Need.REQUIRED,
                        "Pain and function are assessed at each visit.",
                        "Pain and function are not assessed at each visit.",
                        "An assessment of pain and function with and without the medication" + NOT_IN_RECORDS),
                criterion("functionalImprovement", "Is clinically meaningful improvement in pain and function "
                        + "documented (e.g. at least 30% pain relief, better daily activities or work)?",
                        Need.REQUIRED, "The records document clinically meaningful improvement in pain and function.",
                        "The records do not show clinically meaningful improvement in pain and function.",
                        "Clinically meaningful improvement in pain and function" + NOT_IN_RECORDS),
                criterion("drugScreens", "Are urine drug screens documented and consistent?", Need.REQUIRED,
                        "Urine drug screens are documented and consistent.",
                        "The urine drug screens are not consistent with the prescribed medication.",
                        "Urine drug screening" + NOT_IN_RECORDS),
                criterion("agreement", "Is a signed opioid treatment agreement (and a CURES check) documented?",
                        Need.REQUIRED, "A signed opioid treatment agreement is documented.",
                        "There is no signed opioid treatment agreement.",
                        "A signed opioid treatment agreement" + NOT_IN_RECORDS),
                criterion("aberrant", "Is aberrant drug-related behavior documented?", Need.ADVERSE,
                        "The records document aberrant drug-related behavior.", null, null)),
                RulesSupport.noLimit(), List.of());
    }

    private static Rules nsaid() {
        return new Rules(TreatmentCategory.NSAID, ctx -> "The MTUS Chronic Pain Medical Treatment Guidelines "
                + "recommend NSAIDs at the lowest dose for the shortest period, after weighing gastrointestinal, "
                + "cardiovascular and kidney risks.", List.of(weeks()), List.of(
                criterion("functionalBenefit", "Is pain relief or functional benefit from the NSAID documented?",
                        Need.REQUIRED, "The records document pain relief or functional benefit from this medication.",
                        "The records do not show pain relief or functional benefit from this medication.",
                        "Pain relief or functional benefit from this medication" + NOT_IN_RECORDS),
                criterion("lowestDose", "Is it prescribed at the lowest effective dose for the shortest period?",
                        Need.REQUIRED, "It is prescribed at the lowest effective dose for the shortest period.",
                        "It is not prescribed at the lowest effective dose for the shortest period.",
                        "Use at the lowest effective dose for the shortest period" + NOT_IN_RECORDS),
                criterion("riskAssessed", "Are gastrointestinal, cardiovascular and kidney risks assessed?",
                        Need.REQUIRED, "Gastrointestinal, cardiovascular and kidney risks have been assessed.",
                        "Gastrointestinal, cardiovascular and kidney risks have not been assessed.",
                        "An assessment of gastrointestinal, cardiovascular and kidney risks" + NOT_IN_RECORDS)),
                RulesSupport.noLimit(), List.of());
    }

    private static Rules muscleRelaxant() {
        return new Rules(TreatmentCategory.MUSCLE_RELAXANT, ctx -> "The MTUS Chronic Pain Medical Treatment "
                + "Guidelines recommend non-sedating muscle relaxants with caution as a second-line option for "
                + "short-term treatment of acute flare-ups of chronic low back pain, only for a couple of weeks.",
                List.of(weeks()), List.of(
                criterion("acuteExacerbation", "Is an acute flare-up (exacerbation) documented?", Need.REQUIRED,
                        "The records document an acute flare-up.",
                        "The records do not show an acute flare-up.",
                        "An acute flare-up" + NOT_IN_RECORDS),
                criterion("secondLine", "Is it used second-line, after first-line treatment such as NSAIDs?",
                        Need.REQUIRED, "It is used after first-line treatment.",
                        "It is not used after first-line treatment.",
                        "A trial of first-line treatment before this medication" + NOT_IN_RECORDS),
                criterion("shortTerm", "Is the request for short-term use (about two weeks)?", Need.REQUIRED,
                        "The request is for short-term use.",
                        "The request is for longer than short-term use.",
                        "The planned length of use" + NOT_IN_RECORDS)),
                RulesSupport.noLimit(), List.of(new NumberRule("durationWeeks", 2,
                        "Use for %s weeks is longer than the couple of weeks the guidelines support.")));
    }

    private static Rules topical() {
        return new Rules(TreatmentCategory.TOPICAL, ctx -> "The MTUS Chronic Pain Medical Treatment Guidelines "
                + "consider topical analgesics largely experimental, used mainly for neuropathic pain after trials "
                + "of antidepressants and anticonvulsants have failed. Any compounded product that contains at "
                + "least one drug (or drug class) that is not recommended is not recommended.", List.of(), List.of(
                criterion("failedFirstLine", "Have trials of antidepressants and anticonvulsants failed?",
                        Need.REQUIRED, "Trials of antidepressants and anticonvulsants have failed.",
                        "Antidepressants and anticonvulsants have not been tried.",
                        "Failed trials of antidepressants and anticonvulsants" + NOT_IN_RECORDS),
                criterion("unrecommendedIngredient", "Does the product contain a drug or drug class that is not "
                        + "recommended?", Need.ADVERSE,
                        "The product contains at least one drug or drug class that is not recommended.",
                        "Each ingredient of the product is recommended.", null),
                criterion("approvedUse", "Is it used for an indication the guideline supports (e.g. Voltaren gel "
                        + "for arthritis of a joint amenable to topical treatment)?", Need.REQUIRED,
                        "It is used for an indication the guidelines support.",
                        "It is not used for an indication the guidelines support.",
                        "An indication the guidelines support" + NOT_IN_RECORDS)),
                RulesSupport.noLimit(), List.of());
    }
}
