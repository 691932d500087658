package org.reviewdesk.guideline;

import java.util.List;
import java.util.Optional;

/** The questions a reviewer weighs for one treatment category, in the order to ask them. */
public record Checklist(TreatmentCategory category, List<ChecklistQuestion> questions) {
    public Checklist {
        questions = List.copyOf(questions);
    }

    /** The question with this key, if the checklist has it. */
    public Optional<ChecklistQuestion> question(String key) {
        return questions.stream().filter(q -> q.key().equals(key)).findFirst();
    }
}
