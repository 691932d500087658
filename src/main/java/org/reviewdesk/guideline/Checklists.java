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
        Rules rules = RulesSupport.forCategory(category == null ? TreatmentCategory.OTHER : category);
        List<ChecklistQuestion> questions = new ArrayList<>();
        for (Fact f : rules.facts()) {
            questions.add(f.question());
        }
        for (Criterion c : rules.criteria()) {
            questions.add(c.question());
        }
        return new Checklist(rules.category(), questions);
    }
}
