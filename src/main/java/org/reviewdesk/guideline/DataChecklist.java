package org.reviewdesk.guideline;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.PatternSyntaxException;
import org.reviewdesk.guideline.AnswersSupport.Tri;
import org.reviewdesk.guideline.RulesSupport.Criterion;
import org.reviewdesk.guideline.RulesSupport.Fact;
import org.reviewdesk.guideline.RulesSupport.Finding;
import org.reviewdesk.guideline.RulesSupport.Need;
import org.reviewdesk.guideline.RulesSupport.Rules;

/**
 * A category's checklist as data, and its interpreter into the drafter's rules: the guideline statement,
 * the guideline entries that govern it, fact questions with the sentence that states each answer, and
 * criteria (required, sufficient, adverse or information) with a sentence for yes, no and unknown. A
 * criterion may apply only when the item's name matches {@code when} or when another question
 * ({@code ifYes}) is answered yes.
 *
 * <p>A checklist with a {@code kind} is for one kind of item within its category (a hospital bed, a
 * lidocaine patch, a lumbar MRI): it is chosen when the item's name, with brand names read as their
 * ingredients, matches its {@code when}, or ({@code whenCompounded}) when the name names two or more
 * topical ingredients or any ingredient that is not recommended. With {@code anyCategory} it is chosen
 * whatever category the item was given (treatments only the ODG addresses, such as PRP). With
 * {@code judgeIngredients} each not-recommended ingredient the name shows weighs against the item.
 */
record DataChecklist(TreatmentCategory category, String kind, RulePattern when, boolean whenCompounded,
                     boolean anyCategory, boolean judgeIngredients, List<String> entries, String guideline,
                     List<Alternative> guidelines, List<Fact> facts, List<Criterion> criteria,
                     List<RulesSupport.NumberRule> numberRules, List<LimitRule> limits, List<Conflict> conflicts) {

    /**
     * Answers that cannot both be true (no prior therapy, yet prior visits counted): the checker warns with
     * {@code text} while {@code applies}.
     */
    record Conflict(Predicate<RulesSupport.Context> applies, String text) {
    }

    /**
     * A guideline statement for the items that meet {@code applies} (an epidural, a TENS unit); with
     * {@code fill}, the number answered to that question goes in place of %s (no number: not this one).
     */
    record Alternative(Predicate<RulesSupport.Context> applies, String text, String fill) {
    }

    /** A visit limit that applies when {@code applies}: a number, or the number a question's answer gives. */
    record LimitRule(Predicate<RulesSupport.Context> applies, Integer visits, String visitsFrom, String description,
                     boolean cap) {
        RulesSupport.Limit limit(RulesSupport.Context ctx) {
            Integer n = visitsFrom == null ? visits : ctx.answers().number(visitsFrom);
            return n == null ? null : new RulesSupport.Limit(n, String.format(description, n), cap);
        }
    }

    static DataChecklist read(JsonNode n, String file, String at) throws GuidelineFormatException {
        Json.object(n, at, Set.of("category", "kind", "when", "whenCompounded", "anyCategory", "judgeIngredients",
                "entries", "guideline", "guidelines", "conditions", "facts", "criteria", "numberRules", "limits",
                "conflicts"));
        TreatmentCategory c = RulesData.category(n, at);
        String kind = Json.text(n, at, "kind", false);
        String path = at + " (" + c.key() + (kind == null ? "" : "/" + kind) + ")";
        if (kind != null && !kind.matches("[a-z][a-z0-9-]*")) {
            throw new GuidelineFormatException(path + ".kind", "a kind is lower-case words joined by -, got \""
                    + kind + "\"");
        }
        RulePattern when = pattern(n, file, path, "when");
        boolean compounded = flag(n, path, "whenCompounded");
        if (kind == null && (when != null || compounded)) {
            throw new GuidelineFormatException(path + ".kind", "a checklist chosen by \"when\" needs a kind");
        }
        if (kind != null && when == null && !compounded) {
            throw new GuidelineFormatException(path + ".when", "a checklist for one kind of item needs \"when\" "
                    + "(the words of its name) or \"whenCompounded\"");
        }
        String guideline = Json.text(n, path, "guideline", true);
        java.util.Map<String, Predicate<RulesSupport.Context>> conditions = new java.util.LinkedHashMap<>();
        if (n.has("conditions")) {
            JsonNode cn = n.get("conditions");
            Json.map(cn, path + ".conditions");
            for (java.util.Iterator<java.util.Map.Entry<String, JsonNode>> it = cn.fields(); it.hasNext();) {
                java.util.Map.Entry<String, JsonNode> e = it.next();
                conditions.put(e.getKey(), ConditionSupport.read(e.getValue(), file,
                        path + ".conditions." + e.getKey(), conditions));
            }
        }
        List<Alternative> alternatives = new ArrayList<>();
        JsonNode gl = n.has("guidelines") ? Json.array(n, path, "guidelines") : null;
        for (int i = 0; gl != null && i < gl.size(); i++) {
            String p = path + ".guidelines[" + i + "]";
            Json.object(gl.get(i), p, Set.of("when", "if", "text", "fill"));
            RulePattern w = pattern(gl.get(i), file, p, "when");
            Predicate<RulesSupport.Context> cond = condition(gl.get(i), p, "if", conditions, false);
            if (w == null && cond == null) {
                throw new GuidelineFormatException(p + ".when", "required (or \"if\" with a condition)");
            }
            Predicate<RulesSupport.Context> applies = w == null ? cond : ctx -> ctx.nameMatches(w);
            String text = Json.text(gl.get(i), p, "text", true);
            String fill = Json.text(gl.get(i), p, "fill", false);
            if (fill != null && !text.contains("%s")) {
                throw new GuidelineFormatException(p + ".text", "must contain %s where the answer to \"" + fill
                        + "\" goes");
            }
            alternatives.add(new Alternative(applies, text, fill));
        }
        List<String> entries = n.has("entries") ? Json.strings(n, path, "entries", false) : List.of();
        for (int i = 0; i < entries.size(); i++) {
            if (!entries.get(i).matches("[a-z0-9][a-z0-9-]*(#.+)?")) {
                throw new GuidelineFormatException(path + ".entries[" + i + "]", "expected a library id, "
                        + "optionally with #Section, got \"" + entries.get(i) + "\"");
            }
        }
        List<Fact> facts = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        JsonNode fl = n.has("facts") ? Json.array(n, path, "facts") : null;
        for (int i = 0; fl != null && i < fl.size(); i++) {
            String p = path + ".facts[" + i + "]";
            JsonNode f = fl.get(i);
            Json.object(f, p, Set.of("key", "text", "kind", "help", "sentence", "none", "one"));
            String key = key(f, p, keys);
            ChecklistQuestion.Kind qkind = Json.enumValue(ChecklistQuestion.Kind.class, f, p, "kind", true);
            String sentence = Json.text(f, p, "sentence", false);
            if (sentence != null && !sentence.contains("%s")) {
                throw new GuidelineFormatException(p + ".sentence", "must contain %s where the answer goes");
            }
            // the sentence for a count of 0, which "%s" would state as "0 prior visits"
            String none = Json.text(f, p, "none", false);
            if (none != null && (qkind != ChecklistQuestion.Kind.NUMBER || sentence == null || none.contains("%"))) {
                throw new GuidelineFormatException(p + ".none",
                        "is the whole sentence for a count of 0: only beside a sentence, for a NUMBER, without %s");
            }
            // and the one for a count of 1, which "%s" would state as "1 prior visits"
            String one = Json.text(f, p, "one", false);
            if (one != null && (qkind != ChecklistQuestion.Kind.NUMBER || sentence == null || one.contains("%"))) {
                throw new GuidelineFormatException(p + ".one",
                        "is the whole sentence for a count of 1: only beside a sentence, for a NUMBER, without %s");
            }
            facts.add(RulesSupport.fact(key, Json.text(f, p, "text", true), qkind, Json.text(f, p, "help", false),
                    sentence, none, one));
        }
        List<Criterion> criteria = new ArrayList<>();
        List<String[]> ifYes = new ArrayList<>();
        JsonNode cl = Json.array(n, path, "criteria");
        for (int i = 0; i < cl.size(); i++) {
            String p = path + ".criteria[" + i + "]";
            JsonNode f = cl.get(i);
            Json.object(f, p, Set.of("key", "text", "need", "yes", "no", "unknown", "when", "unless", "ifYes", "help",
                    "kind", "if", "ifNot"));
            String key = key(f, p, keys);
            Need need = Json.enumValue(Need.class, f, p, "need", true);
            RulePattern cwhen = pattern(f, file, p, "when");
            RulePattern unless = pattern(f, file, p, "unless");
            String ifKey = Json.text(f, p, "ifYes", false);
            if (ifKey != null) {
                ifYes.add(new String[] {p + ".ifYes", ifKey});
            }
            Predicate<RulesSupport.Context> applies = applies(cwhen, ifKey);
            if (unless != null) {
                applies = applies.and(ctx -> !ctx.nameMatches(unless));
            }
            Predicate<RulesSupport.Context> cif = condition(f, p, "if", conditions, false);
            if (cif != null) {
                applies = applies.and(cif);
            }
            Predicate<RulesSupport.Context> cnot = condition(f, p, "ifNot", conditions, true);
            if (cnot != null) {
                applies = applies.and(cnot);
            }
            ChecklistQuestion.Kind qkind = f.has("kind")
                    ? Json.enumValue(ChecklistQuestion.Kind.class, f, p, "kind", true)
                    : ChecklistQuestion.Kind.YES_NO_UNKNOWN;
            if (qkind != ChecklistQuestion.Kind.YES_NO && qkind != ChecklistQuestion.Kind.YES_NO_UNKNOWN) {
                throw new GuidelineFormatException(p + ".kind", "a criterion is a YES_NO or YES_NO_UNKNOWN question");
            }
            ChecklistQuestion q = new ChecklistQuestion(key, Json.text(f, p, "text", true), qkind,
                    Json.text(f, p, "help", false));
            criteria.add(new Criterion(q, need, Json.text(f, p, "yes", false), Json.text(f, p, "no", false),
                    Json.text(f, p, "unknown", false), applies));
        }
        if (criteria.isEmpty()) {
            throw new GuidelineFormatException(path + ".criteria", "a checklist needs at least one criterion");
        }
        for (String[] ref : ifYes) {
            if (!keys.contains(ref[1])) {
                throw new GuidelineFormatException(ref[0], "no question \"" + ref[1] + "\" in this checklist");
            }
        }
        List<RulesSupport.NumberRule> numberRules = new ArrayList<>();
        JsonNode nl = n.has("numberRules") ? Json.array(n, path, "numberRules") : null;
        for (int i = 0; nl != null && i < nl.size(); i++) {
            String p = path + ".numberRules[" + i + "]";
            JsonNode r = nl.get(i);
            Json.object(r, p, Set.of("key", "max", "over"));
            String key = Json.text(r, p, "key", true);
            if (!keys.contains(key)) {
                throw new GuidelineFormatException(p + ".key", "no question \"" + key + "\" in this checklist");
            }
            if (!r.has("max") || !r.get("max").canConvertToInt()) {
                throw new GuidelineFormatException(p + ".max", "expected a whole number");
            }
            String over = Json.text(r, p, "over", true);
            if (!over.contains("%s")) {
                throw new GuidelineFormatException(p + ".over", "must contain %s where the answer goes");
            }
            numberRules.add(new RulesSupport.NumberRule(key, r.get("max").intValue(), over));
        }
        List<LimitRule> limits = new ArrayList<>();
        JsonNode ll = n.has("limits") ? Json.array(n, path, "limits") : null;
        for (int i = 0; ll != null && i < ll.size(); i++) {
            String p = path + ".limits[" + i + "]";
            JsonNode r = ll.get(i);
            Json.object(r, p, Set.of("if", "visits", "visitsFrom", "description", "cap"));
            Predicate<RulesSupport.Context> cond = condition(r, p, "if", conditions, false);
            String from = Json.text(r, p, "visitsFrom", false);
            if (from != null && !keys.contains(from)) {
                throw new GuidelineFormatException(p + ".visitsFrom", "no question \"" + from + "\" in this checklist");
            }
            Integer visits = r.has("visits") && r.get("visits").canConvertToInt() ? r.get("visits").intValue() : null;
            if ((visits == null) == (from == null)) {
                throw new GuidelineFormatException(p + ".visits", "expected a whole number of visits or \"visitsFrom\"");
            }
            String description = Json.text(r, p, "description", true);
            if (!description.contains("%s")) {
                throw new GuidelineFormatException(p + ".description", "must contain %s where the visits go");
            }
            limits.add(new LimitRule(cond == null ? ctx -> true : cond, visits, from, description,
                    flag(r, p, "cap")));
        }
        List<Conflict> conflicts = new ArrayList<>();
        JsonNode conflictList = n.has("conflicts") ? Json.array(n, path, "conflicts") : null;
        for (int i = 0; conflictList != null && i < conflictList.size(); i++) {
            String p = path + ".conflicts[" + i + "]";
            JsonNode r = conflictList.get(i);
            Json.object(r, p, Set.of("if", "text"));
            Predicate<RulesSupport.Context> cond = condition(r, p, "if", conditions, false);
            if (cond == null) {
                throw new GuidelineFormatException(p + ".if", "a conflict needs \"if\": the condition that makes it");
            }
            conflicts.add(new Conflict(cond, Json.text(r, p, "text", true)));
        }
        return new DataChecklist(c, kind, when, compounded, flag(n, path, "anyCategory"),
                flag(n, path, "judgeIngredients"), List.copyOf(entries), guideline, List.copyOf(alternatives),
                facts, criteria, List.copyOf(numberRules), List.copyOf(limits), List.copyOf(conflicts));
    }

    private static Predicate<RulesSupport.Context> condition(JsonNode f, String p, String field,
            java.util.Map<String, Predicate<RulesSupport.Context>> conditions, boolean negate)
            throws GuidelineFormatException {
        String name = Json.text(f, p, field, false);
        if (name == null) {
            return null;
        }
        Predicate<RulesSupport.Context> c = conditions.get(name);
        if (c == null) {
            throw new GuidelineFormatException(p + "." + field, "no condition \"" + name + "\" in this checklist");
        }
        return negate ? c.negate() : c;
    }

    private static Predicate<RulesSupport.Context> applies(RulePattern when, String ifYes) {
        if (when == null && ifYes == null) {
            return ctx -> true;
        }
        return ctx -> (when != null && ctx.nameMatches(when))
                || (ifYes != null && ctx.answers().tri(ifYes) == Tri.YES);
    }

    private static RulePattern pattern(JsonNode n, String file, String path, String field)
            throws GuidelineFormatException {
        String regex = Json.text(n, path, field, false);
        if (regex == null) {
            return null;
        }
        try {
            return RulePattern.compile(regex, file + ": " + path + "." + field);
        } catch (PatternSyntaxException e) {
            throw new GuidelineFormatException(path + "." + field, "not a valid pattern: " + e.getDescription());
        }
    }

    private static boolean flag(JsonNode n, String path, String field) throws GuidelineFormatException {
        if (!n.has(field)) {
            return false;
        }
        if (!n.get(field).isBoolean()) {
            throw new GuidelineFormatException(path + "." + field, "expected true or false");
        }
        return n.get(field).booleanValue();
    }

    private static String key(JsonNode f, String p, Set<String> keys) throws GuidelineFormatException {
        String key = Json.text(f, p, "key", true);
        if (!key.matches("[a-z][A-Za-z0-9]*")) {
            throw new GuidelineFormatException(p + ".key", "a key is one camelCase word, got \"" + key + "\"");
        }
        if (!keys.add(key)) {
            throw new GuidelineFormatException(p + ".key", "duplicate question \"" + key + "\"");
        }
        return key;
    }

    /** The key that identifies this checklist in a rules file: the category, and the kind if any. */
    String id() {
        return kind == null ? category.key() : category.key() + "/" + kind;
    }

    /** Whether this is the category's own checklist rather than one for a kind of item. */
    boolean isDefault() {
        return kind == null;
    }

    /** Whether this kind's checklist is for the item with this name (lower case, brands read as ingredients). */
    boolean selects(String expandedName, RulesData data) {
        if (kind == null || expandedName == null) {
            return false;
        }
        return (when != null && when.find(expandedName))
                || (whenCompounded && data.compounded(expandedName));
    }

    /** The drafter's rules for this checklist; ingredients are judged with {@code data}'s table. */
    Rules rules(RulesData data) {
        java.util.function.Function<RulesSupport.Context, List<Finding>> findings = judgeIngredients
                ? ctx -> data.ingredientFindings(ctx.itemName()) : ctx -> List.of();
        return new Rules(category, this::guideline, facts, criteria, this::limit, numberRules, findings, entries,
                ctx -> conflicts.stream().filter(k -> k.applies().test(ctx)).map(Conflict::text).toList());
    }

    /** The visit limit for the item: the first limit rule that applies decides; null when none does. */
    RulesSupport.Limit limit(RulesSupport.Context ctx) {
        for (LimitRule r : limits) {
            if (r.applies().test(ctx)) {
                return r.limit(ctx);
            }
        }
        return null;
    }

    /** The guideline statement for the item: the first alternative its name matches, else the checklist's. */
    String guideline(RulesSupport.Context ctx) {
        if (ctx != null) {
            for (Alternative a : guidelines) {
                if (a.applies().test(ctx)) {
                    if (a.fill() == null) {
                        return a.text();
                    }
                    Integer n = ctx.answers().number(a.fill());
                    if (n != null) {
                        return String.format(a.text(), n);
                    }
                }
            }
        }
        return guideline;
    }
}
