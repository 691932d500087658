package org.reviewdesk.guideline;


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
     * The category by the data rules: brand names are read as their ingredients ("Tabradol" as
     * cyclobenzaprine), then the rules are tried in their order; the first that matches and is not vetoed
     * by its {@code unless} words wins.
     */
    public static TreatmentCategory suggest(String request, RulesData rules) {
        if (request == null || request.isBlank()) {
            return TreatmentCategory.OTHER;
        }
        String text = rules.withIngredients(request);
        for (RulesData.CategoryRule r : rules.categoryRules()) {
            if (r.match().matcher(text).find() && (r.unless() == null || !r.unless().matcher(text).find())) {
                return r.category();
            }
        }
        return TreatmentCategory.OTHER;
    }
}
