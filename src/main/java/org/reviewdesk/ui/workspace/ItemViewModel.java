package org.reviewdesk.ui.workspace;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.reviewdesk.domain.Decision;
import org.reviewdesk.domain.Item;

/** One disputed item as the reviewer edits it. */
public final class ItemViewModel {
    private final Item base;
    final StringProperty request = new SimpleStringProperty();
    final ObjectProperty<Decision> decision = new SimpleObjectProperty<>();
    final StringProperty claimsAdministratorGuideline = new SimpleStringProperty();
    final StringProperty reviewerGuideline = new SimpleStringProperty();
    final StringProperty rationale = new SimpleStringProperty();
    final StringProperty category = new SimpleStringProperty();
    /** The open errors and warnings of the item's consistency checks (badges, the Sign button's count). */
    final javafx.beans.property.IntegerProperty errors = new javafx.beans.property.SimpleIntegerProperty();
    final javafx.beans.property.IntegerProperty warnings = new javafx.beans.property.SimpleIntegerProperty();
    final javafx.collections.ObservableMap<String, Object> answers = javafx.collections.FXCollections
            .observableMap(new java.util.LinkedHashMap<>());
    final javafx.beans.property.ObjectProperty<java.util.List<org.reviewdesk.domain.Citation>> citations =
            new SimpleObjectProperty<>();

    /**
     * How a change the program makes (a citation, an excerpt inserted) reaches the text: as an edit of the text
     * area where there is one, so that Ctrl+Z there takes it back (setting the text clears the area's undo).
     */
    private java.util.function.Consumer<String> guidelineWriter = reviewerGuideline::set;
    private java.util.function.Consumer<String> rationaleWriter = rationale::set;

    void writers(java.util.function.Consumer<String> guideline, java.util.function.Consumer<String> rationaleText) {
        this.guidelineWriter = guideline;
        this.rationaleWriter = rationaleText;
    }

    void writeReviewerGuideline(String text) {
        guidelineWriter.accept(text == null ? "" : text);
    }

    void writeRationale(String text) {
        rationaleWriter.accept(text == null ? "" : text);
    }

    ItemViewModel(Item base) {
        this.base = base;
        request.set(orEmpty(base.request()));
        decision.set(base.decision());
        claimsAdministratorGuideline.set(orEmpty(base.claimsAdministratorGuideline()));
        reviewerGuideline.set(orEmpty(base.reviewerGuideline()));
        rationale.set(orEmpty(base.rationale()));
        category.set(base.treatmentCategory());
        if (base.checklist() != null) {
            answers.putAll(base.checklist());
        }
        citations.set(base.citations());
    }

    /** The edited item; a field that was absent and is still empty stays absent. */
    Item toItem() {
        java.util.Map<String, Object> checklist = answers.isEmpty() && base.checklist() == null ? null
                : new java.util.LinkedHashMap<>(answers);
        return new Item(keep(base.request(), request.get()), category.get(), decision.get(),
                keep(base.claimsAdministratorGuideline(), claimsAdministratorGuideline.get()),
                keep(base.reviewerGuideline(), reviewerGuideline.get()), keep(base.rationale(), rationale.get()),
                citations.get(), checklist);
    }

    static String orEmpty(String s) {
        return s == null ? "" : s;
    }

    static String keep(String original, String edited) {
        return original == null && (edited == null || edited.isEmpty()) ? null : edited;
    }
}
