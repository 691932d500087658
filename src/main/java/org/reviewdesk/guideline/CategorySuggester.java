package org.reviewdesk.guideline;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import org.reviewdesk.domain.CaseFile;
import org.reviewdesk.domain.Item;

/** Suggests a treatment category from the request text by the category rules of {@code rules.json}. */
public final class CategorySuggester {

    private CategorySuggester() {
    }

    /** The suggested category; {@link TreatmentCategory#OTHER} when nothing points anywhere. */
    public static TreatmentCategory suggest(String request) {
        if (request == null || request.isBlank()) {
            return TreatmentCategory.OTHER;
        }
        return suggest(request, RulesData.active());
    }

    /**
     * The category by the data rules. The request is read first ({@link RequestReader}: the IMR-eligible
     * portion, abbreviations written out, long words misspelt by one letter read as the rules' word); brand
     * names are read as their ingredients ("Tabradol" as cyclobenzaprine); then the rules are tried in their
     * order, and the first that matches, finds its {@code requires} words if it has any, and is not vetoed by
     * its {@code unless} words wins.
     *
     * <p>Context words ("Associated surgical service:", "post-op") say where an item stands, not what it
     * is: the item is first judged without them, as what it is (a post-op cold therapy unit is equipment,
     * post-op Zofran an antiemetic); only when that finds nothing but surgery, or nothing, do they count.
     * When the portion finds no rule, the whole request is tried.
     */
    public static TreatmentCategory suggest(String request, RulesData rules) {
        if (request == null || request.isBlank()) {
            return TreatmentCategory.OTHER;
        }
        return suggestWithout(request, rules, Set.of());
    }

    /** The category by the rules, the categories in {@code without} left out; OTHER when none is left. */
    private static TreatmentCategory suggestWithout(String request, RulesData rules, Set<TreatmentCategory> without) {
        RequestReader reader = rules.reader();
        String read = reader.read(request);
        TreatmentCategory c = judged(read, rules, without);
        if (c == null && !read.equals(request.toLowerCase(Locale.ROOT))) {
            c = judged(whole(request, rules), rules, without);
        }
        return c == null ? TreatmentCategory.OTHER : c;
    }

    /** The whole request (not only its IMR-eligible portion) read: lower case, abbreviations, spelling. */
    private static String whole(String request, RulesData rules) {
        return rules.reader().spelled(rules.withAbbreviations(request.toLowerCase(Locale.ROOT)));
    }

    /**
     * The category of a request of a case, the case's other requests as context ({@link #suggest(String, List,
     * RulesData)}), by the active rules.
     */
    public static TreatmentCategory suggest(String request, List<String> otherRequestsOfTheCase) {
        if (request == null || request.isBlank()) {
            return TreatmentCategory.OTHER;
        }
        return suggest(request, otherRequestsOfTheCase, RulesData.active());
    }

    /**
     * The category of a request of a case, its other requests as context. Pre-operative testing and clearance
     * go with an operation: a request the rules alone put in {@link TreatmentCategory#PREOP} (a chest x-ray, "CBC,
     * CMP", an EKG) stays there when it says so itself (a word of {@code preoperativeWords}: pre-op,
     * preoperative, clearance, "associated surgical service:"; or an operation named after a word of
     * {@code preparationWords}: "prior to the L4-5 fusion", "for the knee arthroscopy"), or when another request
     * of the case is an operation (category surgery or surgical assistant by these rules) or says that it
     * prepares one. Otherwise the case has no operation, and the request is what it is: the category the other
     * rules give it (a chest x-ray is imaging, labs are other). With no other request (null or empty: the
     * context is unknown; a letter may dispute only the work-up of an operation certified before) the request
     * alone decides, as {@link #suggest(String, RulesData)}.
     */
    public static TreatmentCategory suggest(String request, List<String> otherRequestsOfTheCase, RulesData rules) {
        if (request == null || request.isBlank()) {
            return TreatmentCategory.OTHER;
        }
        List<String> others = otherRequestsOfTheCase == null ? List.of() : otherRequestsOfTheCase.stream()
                .filter(o -> o != null && !o.isBlank()).toList();
        return inCase(request, rules, others.isEmpty() ? null
                : () -> others.stream().anyMatch(o -> operationOrItsPreparation(o, rules)));
    }

    /**
     * The category of item {@code index} of a case: the one chosen for it (its {@code treatmentCategory}), or
     * the suggestion with the case's other items as context (an item whose category was chosen counts as an
     * operation when it was chosen surgery, surgical assistant or pre-operative).
     */
    public static TreatmentCategory ofItem(CaseFile c, int index) {
        return ofItem(c, index, c.items().get(index));
    }

    /**
     * As {@link #ofItem(CaseFile, int)}, for {@code item} as it stands now (edited, perhaps not yet in {@code c});
     * the other items are those of {@code c}. With no case (null) or an index outside it, the item alone decides.
     */
    public static TreatmentCategory ofItem(CaseFile c, int index, Item item) {
        if (item.treatmentCategory() != null) {
            return TreatmentCategory.fromKey(item.treatmentCategory());
        }
        if (item.request() == null || item.request().isBlank()) {
            return TreatmentCategory.OTHER;
        }
        RulesData rules = RulesData.active();
        if (c == null || index < 0 || index >= c.items().size()) {
            return suggest(item.request(), rules);
        }
        boolean any = false;
        for (int i = 0; i < c.items().size(); i++) {
            Item o = c.items().get(i);
            any |= i != index && (o.treatmentCategory() != null || o.request() != null && !o.request().isBlank());
        }
        if (!any) {
            return suggest(item.request(), rules);
        }
        return inCase(item.request(), rules, () -> {
            for (int i = 0; i < c.items().size(); i++) {
                Item o = c.items().get(i);
                if (i == index) {
                    continue;
                }
                if (o.treatmentCategory() != null ? OPERATION_OR_PREPARATION.contains(
                        TreatmentCategory.fromKey(o.treatmentCategory()))
                        : o.request() != null && !o.request().isBlank() && operationOrItsPreparation(o.request(), rules)) {
                    return true;
                }
            }
            return false;
        });
    }

    /** The categories of an operation. */
    private static final Set<TreatmentCategory> OPERATION = EnumSet.of(TreatmentCategory.SURGERY,
            TreatmentCategory.SURGICAL_ASSISTANT);
    /** The categories a reviewer's choice makes an item an operation or the preparation of one. */
    private static final Set<TreatmentCategory> OPERATION_OR_PREPARATION = EnumSet.of(TreatmentCategory.SURGERY,
            TreatmentCategory.SURGICAL_ASSISTANT, TreatmentCategory.PREOP);

    /**
     * The request's category in its case; {@code caseHasOperation} null when the case is unknown (the request
     * alone decides), asked only for a pre-operative request that does not say it is one.
     */
    private static TreatmentCategory inCase(String request, RulesData rules,
            java.util.function.BooleanSupplier caseHasOperation) {
        TreatmentCategory alone = suggest(request, rules);
        if (alone != TreatmentCategory.PREOP || caseHasOperation == null || saysPreoperative(request, rules)
                || caseHasOperation.getAsBoolean()) {
            return alone;
        }
        return asItIs(request, rules);
    }

    /**
     * A test of the pre-operative work-up in a case with no operation, as what it is: the category the rules
     * other than pre-op give the words that name the test, before a purpose or sequence word ("chest x-ray for
     * a cough" is imaging, "CBC to monitor NSAID use" a lab test, not the NSAID); the whole request when the
     * test is named only after them; OTHER when no other rule knows the test (labs, EKG, urinalysis).
     */
    private static TreatmentCategory asItIs(String request, RulesData rules) {
        Set<TreatmentCategory> without = Set.of(TreatmentCategory.PREOP);
        RequestReader reader = rules.reader();
        for (String text : List.of(reader.read(request), whole(request, rules))) {
            int cut = Math.min(start(rules.purposeWords(), text), start(rules.sequenceWords(), text));
            String head = cut > 0 && cut < text.length() ? text.substring(0, cut) : text;
            if (firstRule(head, rules, Set.of()) == TreatmentCategory.PREOP) {
                TreatmentCategory c = judged(head.strip(), rules, without);
                return c == null ? TreatmentCategory.OTHER : c;
            }
        }
        return suggestWithout(request, rules, without);
    }

    /** Whether another request of the case is an operation, or says that it prepares one. */
    private static boolean operationOrItsPreparation(String request, RulesData rules) {
        return OPERATION.contains(suggest(request, rules)) || saysPreoperative(request, rules);
    }

    /**
     * Whether the request itself says it prepares an operation: a word of {@code preoperativeWords}, or an
     * operation named after a word of {@code preparationWords} (context words such as "post-op" set aside), in
     * its IMR-eligible portion or in the whole request.
     */
    static boolean saysPreoperative(String request, RulesData rules) {
        for (String text : List.of(rules.reader().read(request), whole(request, rules))) {
            if (rules.preoperativeWords() != null && rules.preoperativeWords().find(text)) {
                return true;
            }
            if (rules.preparationWords() == null) {
                continue;
            }
            Matcher m = rules.preparationWords().matcher(text);
            while (m.find()) {
                String after = text.substring(m.end());
                if (rules.contextWords() != null) {
                    after = rules.contextWords().matcher(after).replaceAll(" ");
                }
                if (namesOperation(rules.withIngredients(after), rules)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Whether a rule of an operation's category matches the text (its required words found, not vetoed). */
    private static boolean namesOperation(String text, RulesData rules) {
        for (RulesData.CategoryRule r : rules.categoryRules()) {
            if (OPERATION.contains(r.category()) && r.matches(text)) {
                return true;
            }
        }
        return false;
    }

    /** The category of read text, without its context words first; null when no rule matches. */
    private static TreatmentCategory judged(String read, RulesData rules, Set<TreatmentCategory> without) {
        if (rules.contextWords() != null) {
            Matcher m = rules.contextWords().matcher(read);
            if (m.find()) {
                String bare = m.replaceAll(" ").strip();
                TreatmentCategory c = bare.isEmpty() ? null : byRules(bare, rules, without);
                if (c != null && c != TreatmentCategory.SURGERY) {
                    return c;
                }
            }
        }
        return byRules(read, rules, without);
    }

    /**
     * The category of the text by the rules, the item's head first: in "inpatient stay x1 day for the
     * arthroplasty" or "ice machine following shoulder surgery" the words before the first purpose word
     * ({@code purposeWords}: for, due to) or sequence word ({@code sequenceWords}: after, following) name
     * what is asked for, the words after it what it is for or when. When the head finds nothing, or, before
     * a purpose word, finds a category whose own rules read the purpose ({@code purposeHeadsDeferred}: a
     * consultation "for" a treatment), the whole text decides. Before that, the words before an
     * accompaniment word ({@code accompanimentWords}: with) decide when they name a category of
     * {@code accompanimentHeads} (a service, test, device or operation, not a medicine).
     */
    static TreatmentCategory byRules(String lowerText, RulesData rules) {
        return byRules(lowerText, rules, Set.of());
    }

    private static TreatmentCategory byRules(String lowerText, RulesData rules, Set<TreatmentCategory> without) {
        int purpose = start(rules.purposeWords(), lowerText);
        int sequence = start(rules.sequenceWords(), lowerText);
        int cut = Math.min(purpose, sequence);
        // "Office visit with x-rays", "Lumbar fusion with 3 day inpatient stay": what comes "with" the item is
        // not the item, when the head is a service, test, device or operation (a medicine's "with" joins ingredients).
        int with = start(rules.accompanimentWords(), lowerText);
        if (with > 0 && with < cut && with < lowerText.length()) {
            TreatmentCategory head = firstRule(lowerText.substring(0, with), rules, without);
            if (head != null && rules.accompanimentHeads().contains(head)) {
                return head;
            }
        }
        if (cut > 0 && cut < lowerText.length()) {
            TreatmentCategory head = firstRule(lowerText.substring(0, cut), rules, without);
            // A consultation "for" a treatment is read by the consultation's own rule; "after" is only time.
            boolean deferred = head != null && cut == purpose && rules.purposeHeadsDeferred().contains(head);
            if (head != null && !deferred) {
                return head;
            }
        }
        return firstRule(lowerText, rules, without);
    }

    private static int start(RulePattern words, String text) {
        if (words == null) {
            return Integer.MAX_VALUE;
        }
        Matcher m = words.matcher(text);
        return m.find() ? m.start() : Integer.MAX_VALUE;
    }

    /** The first rule that matches the text (brands read as their ingredients), or null. */
    private static TreatmentCategory firstRule(String lowerText, RulesData rules, Set<TreatmentCategory> without) {
        String text = rules.withIngredients(lowerText);
        for (RulesData.CategoryRule r : rules.categoryRules()) {
            if (!without.contains(r.category()) && r.matches(text)) {
                return r.category();
            }
        }
        return null;
    }
}
