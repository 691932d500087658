package org.reviewdesk.guideline;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.reviewdesk.guideline.RulesSupport.Criterion;
import org.reviewdesk.guideline.RulesSupport.Fact;
import org.reviewdesk.guideline.RulesSupport.Need;
import org.reviewdesk.guideline.RulesSupport.Rules;

/**
 * A category's checklist as data, and its interpreter into the drafter's rules: the guideline statement,
 * fact questions with the sentence that states each answer, and criteria (required, sufficient, adverse
 * or information) with a sentence for yes, no and unknown; a criterion may apply only when the item's
 * name matches {@code when}.
 */
record DataChecklist(TreatmentCategory category, String guideline, List<Fact> facts, List<Criterion> criteria) {

    static DataChecklist read(JsonNode n, String at) throws GuidelineFormatException {
        Json.object(n, at, Set.of("category", "guideline", "facts", "criteria"));
        TreatmentCategory c = RulesData.category(n, at);
        String path = at + " (" + c.key() + ")";
        String guideline = Json.text(n, path, "guideline", true);
        List<Fact> facts = new ArrayList<>();
        Set<String> keys = new java.util.HashSet<>();
        JsonNode fl = n.has("facts") ? Json.array(n, path, "facts") : null;
        for (int i = 0; fl != null && i < fl.size(); i++) {
            String p = path + ".facts[" + i + "]";
            JsonNode f = fl.get(i);
            Json.object(f, p, Set.of("key", "text", "kind", "help", "sentence"));
            String key = key(f, p, keys);
            ChecklistQuestion.Kind kind = Json.enumValue(ChecklistQuestion.Kind.class, f, p, "kind", true);
            String sentence = Json.text(f, p, "sentence", false);
            if (sentence != null && !sentence.contains("%s")) {
                throw new GuidelineFormatException(p + ".sentence", "must contain %s where the answer goes");
            }
            facts.add(RulesSupport.fact(key, Json.text(f, p, "text", true), kind, Json.text(f, p, "help", false),
                    sentence));
        }
        List<Criterion> criteria = new ArrayList<>();
        JsonNode cl = Json.array(n, path, "criteria");
        for (int i = 0; i < cl.size(); i++) {
            String p = path + ".criteria[" + i + "]";
            JsonNode f = cl.get(i);
            Json.object(f, p, Set.of("key", "text", "need", "yes", "no", "unknown", "when"));
            String key = key(f, p, keys);
            Need need = Json.enumValue(Need.class, f, p, "need", true);
            String when = Json.text(f, p, "when", false);
            Predicate<RulesSupport.Context> applies = ctx -> true;
            if (when != null) {
                try {
                    Pattern.compile(when);
                } catch (PatternSyntaxException e) {
                    throw new GuidelineFormatException(p + ".when", "not a valid pattern: " + e.getDescription());
                }
                applies = ctx -> ctx.nameMatches(when);
            }
            criteria.add(RulesSupport.criterion(key, Json.text(f, p, "text", true), need, Json.text(f, p, "yes", false),
                    Json.text(f, p, "no", false), Json.text(f, p, "unknown", false), applies));
        }
        if (criteria.isEmpty()) {
            throw new GuidelineFormatException(path + ".criteria", "a checklist needs at least one criterion");
        }
        return new DataChecklist(c, guideline, facts, criteria);
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

    /** The drafter's rules for this checklist. */
    Rules rules() {
        return new Rules(category, ctx -> guideline, facts, criteria, RulesSupport.noLimit(), List.of());
    }
}
