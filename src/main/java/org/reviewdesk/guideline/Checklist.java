package org.reviewdesk.guideline;

import java.util.List;
import java.util.Optional;

/**
 * The questions a reviewer weighs for one treatment category (or one kind of item in it), in the order to
 * ask them, and the guideline entries that govern it ("library-id" or "library-id#Section").
 */
public record Checklist(TreatmentCategory category, List<ChecklistQuestion> questions, List<String> entries) {
    public Checklist {
        questions = List.copyOf(questions);
        entries = entries == null ? List.of() : List.copyOf(entries);
    }

    public Checklist(TreatmentCategory category, List<ChecklistQuestion> questions) {
        this(category, questions, List.of());
    }

    /** The question with this key, if the checklist has it. */
    public Optional<ChecklistQuestion> question(String key) {
        return questions.stream().filter(q -> q.key().equals(key)).findFirst();
    }
}
