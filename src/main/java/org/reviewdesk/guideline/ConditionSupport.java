package org.reviewdesk.guideline;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.PatternSyntaxException;
import org.reviewdesk.guideline.AnswersSupport.Tri;
import org.reviewdesk.guideline.RulesSupport.Context;

/**
 * A checklist's named conditions, read from data. One of:
 * <ul>
 * <li>{@code {"answer": K, "startsWith": S, "otherwise": R}}: the answer to K, when given, decides (it starts
 * with S, case ignored); otherwise the item's name decides (it matches R);</li>
 * <li>{@code {"answer": K, "is": A}} or {@code {"answer": K, "isNot": A}}: the answer to K is (is not) A, one of
 * yes, no, unknown, not applicable, unanswered;</li>
 * <li>{@code {"answer": K, "matches": R}}: the answer's text matches R (case ignored);</li>
 * <li>{@code {"answer": K, "given": true}}: K has an answer;</li>
 * <li>{@code {"name": R}}: the item's name matches R;</li>
 * <li>{@code {"allOf": [C, ...]}} or {@code {"anyOf": [C, ...]}}: conditions named before this one.</li>
 * </ul>
 */
final class ConditionSupport {
    private ConditionSupport() {
    }

    static Predicate<Context> read(JsonNode n, String file, String p, Map<String, Predicate<Context>> earlier)
            throws GuidelineFormatException {
        Json.object(n, p, Set.of("answer", "startsWith", "otherwise", "is", "isNot", "matches", "given", "name",
                "allOf", "anyOf"));
        if (n.has("allOf") || n.has("anyOf")) {
            boolean all = n.has("allOf");
            List<Predicate<Context>> parts = new ArrayList<>();
            for (String name : Json.strings(n, p, all ? "allOf" : "anyOf", true)) {
                Predicate<Context> c = earlier.get(name);
                if (c == null) {
                    throw new GuidelineFormatException(p + (all ? ".allOf" : ".anyOf"), "no condition \"" + name
                            + "\" before this one");
                }
                parts.add(c);
            }
            return all ? ctx -> parts.stream().allMatch(c -> c.test(ctx))
                    : ctx -> parts.stream().anyMatch(c -> c.test(ctx));
        }
        RulePattern name = pattern(n, file, p, "name");
        String answer = Json.text(n, p, "answer", false);
        if (answer == null) {
            if (name == null) {
                throw new GuidelineFormatException(p, "a condition needs \"answer\", \"name\", \"allOf\" or \"anyOf\"");
            }
            return ctx -> ctx.nameMatches(name);
        }
        if (n.has("startsWith")) {
            String start = Json.text(n, p, "startsWith", true).toLowerCase(Locale.ROOT);
            RulePattern otherwise = pattern(n, file, p, "otherwise");
            return ctx -> {
                String a = ctx.answers().text(answer);
                if (a != null) {
                    return a.toLowerCase(Locale.ROOT).startsWith(start);
                }
                return otherwise != null && ctx.nameMatches(otherwise);
            };
        }
        if (n.has("is") || n.has("isNot")) {
            boolean is = n.has("is");
            String word = Json.text(n, p, is ? "is" : "isNot", true);
            Tri t;
            try {
                t = Tri.valueOf(word.trim().toUpperCase(Locale.ROOT).replace(' ', '_'));
            } catch (IllegalArgumentException e) {
                throw new GuidelineFormatException(p + (is ? ".is" : ".isNot"), "expected yes, no, unknown, "
                        + "not applicable or unanswered, got \"" + word + "\"");
            }
            return is ? ctx -> ctx.answers().tri(answer) == t : ctx -> ctx.answers().tri(answer) != t;
        }
        if (n.has("matches")) {
            RulePattern m = pattern(n, file, p, "matches");
            return ctx -> {
                String a = ctx.answers().text(answer);
                return a != null && m.find(a.toLowerCase(Locale.ROOT));
            };
        }
        if (n.has("given")) {
            return ctx -> ctx.answers().text(answer) != null;
        }
        throw new GuidelineFormatException(p, "a condition on an answer needs \"startsWith\", \"is\", \"isNot\", "
                + "\"matches\" or \"given\"");
    }

    private static RulePattern pattern(JsonNode n, String file, String p, String field)
            throws GuidelineFormatException {
        String regex = Json.text(n, p, field, false);
        if (regex == null) {
            return null;
        }
        try {
            return RulePattern.compile(regex, file + ": " + p + "." + field);
        } catch (PatternSyntaxException e) {
            throw new GuidelineFormatException(p + "." + field, "not a valid pattern: " + e.getDescription());
        }
    }
}
