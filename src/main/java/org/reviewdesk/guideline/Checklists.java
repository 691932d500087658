package org.reviewdesk.guideline;

import java.util.ArrayList;
import java.util.List;
import org.reviewdesk.guideline.RulesSupport.Criterion;
import org.reviewdesk.guideline.RulesSupport.Fact;
import org.reviewdesk.guideline.RulesSupport.Rules;

/** The checklist of each treatment category: facts first, then the criteria reviewers weigh. */
public final class Checklists {
    private Checklists() {
    }

    /** The checklist for this category; {@link TreatmentCategory#OTHER} gives the generic one. */
    public static Checklist forCategory(TreatmentCategory category) {
        return forItem(category, null);
    }

    /**
     * The checklist for an item of this category: the one for its kind (a hospital bed, a lidocaine patch,
     * a compounded cream, a knee MRI, PRP) when the request names one, otherwise the category's.
     */
    public static Checklist forItem(TreatmentCategory category, String request) {
        Rules rules = RulesSupport.forItem(category == null ? TreatmentCategory.OTHER : category,
                request == null ? null : ItemNameSupport.itemName(request));
        List<ChecklistQuestion> questions = new ArrayList<>();
        for (Fact f : rules.facts()) {
            questions.add(f.question());
        }
        for (Criterion c : rules.criteria()) {
            questions.add(c.question());
        }
        return new Checklist(rules.category(), questions, rules.entries());
    }
}
