package org.reviewdesk.guideline;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.Predicate;

/** The shapes of a category's rules (facts, criteria, limits) and the lookup by category. */
final class RulesSupport {

    /** How a yes/no criterion bears on medical necessity. */
    enum Need {
        /** Must be answered yes for the treatment to be medically necessary. */
        REQUIRED,
        /** A yes makes the treatment medically necessary on its own (e.g. red flags for imaging). */
        SUFFICIENT,
        /** A yes argues against medical necessity (e.g. a compound with a non-recommended drug). */
        ADVERSE,
        /** Stated in the rationale, weighs nothing by itself. */
        INFO
    }

    /** What the drafter knows about the item while applying rules. */
    record Context(String itemName, AnswersSupport answers) {
        boolean nameMatches(RulePattern p) {
            return p.find(itemName.toLowerCase(Locale.ROOT));
        }
    }

    /**
     * A fact question and the sentence that states its answer ({@code %s}); null template: not stated.
     * {@code none}, when set, is the sentence for a count of 0 ("The records document no prior ... visits"), and
     * {@code one} the sentence for a count of 1 ("... 1 prior physical therapy visit.").
     */
    record Fact(ChecklistQuestion question, String template, String none, String one) {
    }

    /** A yes/no criterion and the sentence for each answer; a null sentence states nothing. */
    record Criterion(ChecklistQuestion question, Need need, String whenYes, String whenNo, String whenUnknown,
                     Predicate<Context> applies) {
    }

    /** What the item's own name shows: a sentence for the draft; {@code against} weighs against the item. */
    record Finding(String sentence, boolean against) {
    }

    /** A visit limit; {@code capApplies}: the 24-visit per-injury cap of Labor Code 4604.5 applies too. */
    record Limit(int visits, String description, boolean capApplies) {
    }

    /** A number answer that must not exceed {@code max}; the sentence takes the answer as {@code %s}. */
    record NumberRule(String key, int max, String overTemplate) {
    }

    /**
     * Everything the builder knows about one category (or one kind of item within it): {@code findings}
     * states what the item's own name already shows against it (e.g. a compound's not-recommended
     * ingredient), {@code entries} the guideline entries that govern it ("id" or "id#Section"), {@code conflicts}
     * what the answers given say that cannot all be true.
     */
    record Rules(TreatmentCategory category, Function<Context, String> guideline, List<Fact> facts,
                 List<Criterion> criteria, Function<Context, Limit> limit, List<NumberRule> numberRules,
                 Function<Context, List<Finding>> findings, List<String> entries,
                 Function<Context, List<String>> conflicts) {
        Rules(TreatmentCategory category, Function<Context, String> guideline, List<Fact> facts,
              List<Criterion> criteria, Function<Context, Limit> limit, List<NumberRule> numberRules) {
            this(category, guideline, facts, criteria, limit, numberRules, ctx -> List.of(), List.of(),
                    ctx -> List.of());
        }
    }

    static final int VISIT_CAP = 24;

    private RulesSupport() {
    }

    static Rules forCategory(TreatmentCategory c) {
        return forItem(c, null);
    }

    /**
     * The rules for an item of this category: the data checklist for its kind when the item's name (with
     * brand names read as their ingredients) selects one, else the category's data checklist, else the
     * category's rules in Java.
     */
    static Rules forItem(TreatmentCategory c, String itemName) {
        RulesData active = RulesData.active();
        DataChecklist data = active.checklist(c, itemName);
        if (data != null) {
            return data.rules(active);
        }
        // Every category is a data checklist; rules without one for the category fall back to "other".
        DataChecklist other = active.checklist(TreatmentCategory.OTHER);
        if (other == null) {
            throw new IllegalStateException("the rules have no checklist for " + c.key() + " nor for other");
        }
        return other.rules(active);
    }

    static ChecklistQuestion question(String key, String text, ChecklistQuestion.Kind kind, String help) {
        return new ChecklistQuestion(key, text, kind, help);
    }

    static Fact fact(String key, String text, ChecklistQuestion.Kind kind, String help, String template) {
        return fact(key, text, kind, help, template, null, null);
    }

    static Fact fact(String key, String text, ChecklistQuestion.Kind kind, String help, String template,
            String none, String one) {
        return new Fact(question(key, text, kind, help), template, none, one);
    }

    static Criterion criterion(String key, String text, Need need, String whenYes, String whenNo, String whenUnknown) {
        return criterion(key, text, need, whenYes, whenNo, whenUnknown, ctx -> true);
    }

    static Criterion criterion(String key, String text, Need need, String whenYes, String whenNo, String whenUnknown,
                               Predicate<Context> applies) {
        return new Criterion(question(key, text, ChecklistQuestion.Kind.YES_NO_UNKNOWN, ""), need, whenYes, whenNo,
                whenUnknown, applies);
    }

    /** The same criterion asked as a plain yes/no question. */
    static Criterion yesNo(Criterion c) {
        ChecklistQuestion q = c.question();
        return new Criterion(question(q.key(), q.text(), ChecklistQuestion.Kind.YES_NO, q.help()), c.need(),
                c.whenYes(), c.whenNo(), c.whenUnknown(), c.applies());
    }

    static Function<Context, Limit> noLimit() {
        return ctx -> null;
    }
}
