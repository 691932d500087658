package org.reviewdesk.guideline;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.reviewdesk.domain.Decision;
import org.reviewdesk.domain.Item;
import org.reviewdesk.guideline.AnswersSupport.Tri;
import org.reviewdesk.guideline.RulesSupport.Context;
import org.reviewdesk.guideline.RulesSupport.Criterion;
import org.reviewdesk.guideline.RulesSupport.Fact;
import org.reviewdesk.guideline.RulesSupport.Limit;
import org.reviewdesk.guideline.RulesSupport.NumberRule;
import org.reviewdesk.guideline.RulesSupport.Rules;

/**
 * Drafts a rationale from checklist answers in the reviewers' four-part form: what the guideline
 * recommends, the facts of this case, what is and is not documented, and the conclusion.
 */
public final class RationaleDrafter {

    /** The advice letters add when an opioid denial is upheld (letter CM17-0017734 and others). */
    public static final String OPIOID_TAPER_ADVICE = "This decision addresses the medical necessity of opioids as "
            + "they have been prescribed to this patient. This medical necessity decision should not be interpreted "
            + "as a recommendation to stop long-term opioids abruptly and the patient is advised to speak with their "
            + "treating physician. The treating physician and the patient are advised to consult the MTUS Opioids "
            + "Treatment Guidelines (\"Tapering opioids\"), and if necessary, other relevant guidelines, regarding "
            + "the most appropriate method for weaning and terminating opioids for this patient.";

    private RationaleDrafter() {
    }

    /**
     * The name of the item the determination decides: the remaining IMR-eligible portion where
     * utilization review modified the request, otherwise the request itself.
     */
    public static String itemName(String request) {
        return ItemNameSupport.itemName(request);
    }

    /**
     * Drafts the rationale. The category is the item's, or suggested from the request; a non-blank
     * guideline summary (e.g. from the guideline library) replaces the built-in guideline statement.
     * The conclusion follows the item's decision when it has one, otherwise the suggested decision.
     */
    public static RationaleDraft draft(Item item, Map<String, Object> answers, String guidelineSummaryOrNull) {
        return draft(item, answers, guidelineSummaryOrNull, List.of(), CategorySuggester.ofItem(null, -1, item));
    }

    /**
     * Drafts the rationale of item {@code index} of a case, naming the patient's facts the reviewer has
     * established ({@link CaseFacts}): date of injury, diagnoses and the excerpts marked for the item.
     */
    public static RationaleDraft draft(org.reviewdesk.domain.CaseFile c, int index, Item item,
            Map<String, Object> answers, String guidelineSummaryOrNull) {
        return draft(item, answers, guidelineSummaryOrNull, CaseFacts.sentences(c, index),
                CategorySuggester.ofItem(c, index, item));
    }

    /** The draft; {@code category} is the item's, or suggested from its request (in its case when there is one). */
    private static RationaleDraft draft(Item item, Map<String, Object> answers, String guidelineSummaryOrNull,
            List<String> caseFacts, TreatmentCategory category) {
        String name = itemName(item.request());
        Rules rules = RulesSupport.forItem(category, name);
        Context ctx = new Context(name, new AnswersSupport(answers));
        Weighing w = new Weighing();

        List<String> sentences = new ArrayList<>();
        sentences.add(guidelineStatement(rules, ctx, guidelineSummaryOrNull));
        sentences.addAll(caseFacts);
        sentences.add("In this case, the request is for " + ItemNameSupport.inSentence(name) + ".");
        // the quantity's "This exceeds ..." speaks of the request: it follows the request's sentence (after the facts
        // it read "The records document no prior physical therapy visits. This exceeds the 10 visits ...")
        quantity(rules, ctx, name, sentences, w);
        facts(rules, ctx, sentences);
        numberRules(rules, ctx, sentences, w);
        findings(rules, ctx, sentences, w);
        criteria(rules, ctx, sentences, w);

        Suggestion suggestion = new Suggestion(w.against ? Suggestion.Kind.UPHELD
                : !w.open.isEmpty() && !w.sufficient ? Suggestion.Kind.CANNOT_SUGGEST : Suggestion.Kind.OVERTURNED,
                w.unmet, w.met, w.sufficient ? List.of() : w.open);
        Decision suggested = suggestion.decision();
        Decision concluded = item.decision() != null ? item.decision() : suggested;
        if (suggested != null && concluded != suggested) {
            w.reasons.add("The answers point to " + suggested.label() + " but the item is decided "
                    + concluded.label() + "; the conclusion follows the decision.");
        }
        if (concluded == null) {
            // Nothing to conclude yet: say what decides it instead of guessing a verdict.
            sentences.add("Whether the request for " + ItemNameSupport.inSentence(name) + " is medically necessary "
                    + "depends on what the records show about: " + String.join("; ", w.open.stream()
                    .map(RationaleDrafter::lowerFirst).toList()) + ".");
        } else {
            sentences.add("Therefore, the request for " + ItemNameSupport.inSentence(name) + " is "
                    + (concluded == Decision.UPHELD ? "not " : "") + "medically necessary.");
        }
        if (category == TreatmentCategory.OPIOID && concluded == Decision.UPHELD) {
            sentences.add(OPIOID_TAPER_ADVICE);
        }
        return new RationaleDraft(String.join(" ", sentences), suggested, w.reasons, suggestion);
    }

    /** What the answers add up to so far. */
    private static final class Weighing {
        final List<String> reasons = new ArrayList<>();
        final List<String> unmet = new ArrayList<>();
        final List<String> met = new ArrayList<>();
        final List<String> open = new ArrayList<>();
        boolean against;
        boolean sufficient;

        void against(String reason) {
            against = true;
            reasons.add(reason);
            unmet.add(reason);
        }

        void met(String criterion, String reason) {
            met.add(criterion);
            reasons.add(reason);
        }
    }

    private static String lowerFirst(String question) {
        String q = question.endsWith("?") ? question.substring(0, question.length() - 1) : question;
        return q.isEmpty() ? q : Character.toLowerCase(q.charAt(0)) + q.substring(1);
    }

    private static String guidelineStatement(Rules rules, Context ctx, String summary) {
        if (summary == null || summary.isBlank()) {
            return rules.guideline().apply(ctx);
        }
        String s = summary.strip();
        return s.endsWith(".") ? s : s + ".";
    }

    private static void facts(Rules rules, Context ctx, List<String> sentences) {
        for (Fact f : rules.facts()) {
            String key = f.question().key();
            Object value = ctx.answers().number(key) != null ? ctx.answers().number(key) : ctx.answers().text(key);
            if (f.template() == null || value == null) {
                continue;
            }
            // The request's own count is already in the "In this case" sentence.
            if (key.equals("requested") && value.equals(QuantitySupport.sessions(ctx.itemName()))) {
                continue;
            }
            sentences.add(f.none() != null && value.equals(0) ? f.none()
                    : f.one() != null && value.equals(1) ? f.one() : String.format(f.template(), value));
        }
    }

    private static void quantity(Rules rules, Context ctx, String name, List<String> sentences, Weighing w) {
        Limit limit = rules.limit().apply(ctx);
        Integer requested = requested(ctx.answers(), name);
        if (limit == null || requested == null) {
            return;
        }
        Integer prior = ctx.answers().number("priorVisits");
        if (requested > limit.visits()) {
            sentences.add("This exceeds the " + limit.description() + " the guidelines recommend.");
            w.against("Requested " + requested + " visits exceed the guideline's " + limit.visits() + ".");
        } else if (prior != null && prior + requested > limit.visits()) {
            sentences.add("Together with the " + prior + " visits already completed, this exceeds the "
                    + limit.description() + " the guidelines recommend.");
            w.against("Prior " + prior + " plus requested " + requested + " visits exceed the guideline's "
                    + limit.visits() + ".");
        } else {
            sentences.add("This is within the " + limit.description() + " the guidelines recommend.");
            w.met("Requested visits are within the guideline's " + limit.visits() + ".",
                    "Requested visits are within the guideline's " + limit.visits() + ".");
        }
        if (limit.capApplies() && prior != null && prior + requested > RulesSupport.VISIT_CAP) {
            sentences.add("With the visits already completed, this also exceeds the limit of 24 visits per injury "
                    + "in Labor Code section 4604.5.");
            w.against("Prior plus requested visits exceed the 24-visit cap of Labor Code 4604.5.");
        }
    }

    /** The checklist's count, else the count the request text states. */
    static Integer requested(AnswersSupport answers, String name) {
        Integer n = answers.number("requested");
        return n != null ? n : QuantitySupport.sessions(name);
    }

    private static void numberRules(Rules rules, Context ctx, List<String> sentences, Weighing w) {
        for (NumberRule r : rules.numberRules()) {
            Integer n = ctx.answers().number(r.key());
            if (n != null && n > r.max()) {
                String s = String.format(r.overTemplate(), n);
                sentences.add(s);
                w.against(s);
            }
        }
    }

    /** What the item's own name shows (a compound's ingredients): stated, and weighed when against. */
    private static void findings(Rules rules, Context ctx, List<String> sentences, Weighing w) {
        for (RulesSupport.Finding f : rules.findings().apply(ctx)) {
            sentences.add(f.sentence());
            if (f.against()) {
                w.against(f.sentence());
            }
        }
    }

    private static void criteria(Rules rules, Context ctx, List<String> sentences, Weighing w) {
        for (Criterion c : rules.criteria()) {
            if (c.need() == RulesSupport.Need.SUFFICIENT && ctx.answers().is(c.question().key(), Tri.YES)) {
                w.sufficient = true;
            }
        }
        for (Criterion c : rules.criteria()) {
            if (c.applies().test(ctx)) {
                weigh(c, ctx.answers().tri(c.question().key()), sentences, w);
            }
        }
    }

    private static void weigh(Criterion c, Tri answer, List<String> sentences, Weighing w) {
        if (answer == Tri.NOT_APPLICABLE) {
            // Not applicable removes the criterion: no sentence, no weight.
            return;
        }
        String sentence = switch (answer) {
            case YES -> c.whenYes();
            case NO -> c.whenNo();
            case UNKNOWN -> c.whenUnknown();
            default -> null;
        };
        if (sentence != null) {
            sentences.add(sentence);
        }
        String q = c.question().text();
        switch (c.need()) {
            case REQUIRED -> {
                if (answer == Tri.YES || w.sufficient) {
                    w.met(q, "Met: " + q);
                } else if (answer == Tri.NO) {
                    w.against("Not met: " + q);
                } else {
                    // Unknown or unanswered: an open question; the suggestion waits for it rather than guess.
                    w.open.add(q);
                    w.reasons.add((answer == Tri.UNKNOWN ? "Unknown: " : "Not answered: ") + q);
                }
            }
            case ADVERSE -> {
                if (answer == Tri.YES) {
                    w.against("Against: " + q);
                }
            }
            case SUFFICIENT -> {
                if (answer == Tri.YES) {
                    w.met(q, "Sufficient on its own: " + q);
                }
            }
            case INFO -> {
                // Stated in the text only.
            }
        }
    }
}
