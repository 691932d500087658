package org.reviewdesk.guideline;

import java.util.regex.Matcher;

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
        RequestReader reader = rules.reader();
        String read = reader.read(request);
        TreatmentCategory c = judged(read, rules);
        if (c == null && !read.equals(request.toLowerCase(java.util.Locale.ROOT))) {
            c = judged(reader.spelled(rules.withAbbreviations(request.toLowerCase(java.util.Locale.ROOT))), rules);
        }
        return c == null ? TreatmentCategory.OTHER : c;
    }

    /** The category of read text, without its context words first; null when no rule matches. */
    private static TreatmentCategory judged(String read, RulesData rules) {
        if (rules.contextWords() != null) {
            Matcher m = rules.contextWords().matcher(read);
            if (m.find()) {
                String bare = m.replaceAll(" ").strip();
                TreatmentCategory c = bare.isEmpty() ? null : byRules(bare, rules);
                if (c != null && c != TreatmentCategory.SURGERY) {
                    return c;
                }
            }
        }
        return byRules(read, rules);
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
        int purpose = start(rules.purposeWords(), lowerText);
        int sequence = start(rules.sequenceWords(), lowerText);
        int cut = Math.min(purpose, sequence);
        // "Office visit with x-rays", "Lumbar fusion with 3 day inpatient stay": what comes "with" the item is
        // not the item, when the head is a service, test, device or operation (a medicine's "with" joins ingredients).
        int with = start(rules.accompanimentWords(), lowerText);
        if (with > 0 && with < cut && with < lowerText.length()) {
            TreatmentCategory head = firstRule(lowerText.substring(0, with), rules);
            if (head != null && rules.accompanimentHeads().contains(head)) {
                return head;
            }
        }
        if (cut > 0 && cut < lowerText.length()) {
            TreatmentCategory head = firstRule(lowerText.substring(0, cut), rules);
            // A consultation "for" a treatment is read by the consultation's own rule; "after" is only time.
            boolean deferred = head != null && cut == purpose && rules.purposeHeadsDeferred().contains(head);
            if (head != null && !deferred) {
                return head;
            }
        }
        return firstRule(lowerText, rules);
    }

    private static int start(java.util.regex.Pattern words, String text) {
        if (words == null) {
            return Integer.MAX_VALUE;
        }
        Matcher m = words.matcher(text);
        return m.find() ? m.start() : Integer.MAX_VALUE;
    }

    /** The first rule that matches the text (brands read as their ingredients), or null. */
    private static TreatmentCategory firstRule(String lowerText, RulesData rules) {
        String text = rules.withIngredients(lowerText);
        for (RulesData.CategoryRule r : rules.categoryRules()) {
            if (r.matches(text)) {
                return r.category();
            }
        }
        return null;
    }
}
