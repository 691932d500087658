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

    ItemViewModel(Item base) {
        this.base = base;
        request.set(orEmpty(base.request()));
        decision.set(base.decision());
        claimsAdministratorGuideline.set(orEmpty(base.claimsAdministratorGuideline()));
        reviewerGuideline.set(orEmpty(base.reviewerGuideline()));
        rationale.set(orEmpty(base.rationale()));
    }

    /** The edited item; a field that was absent and is still empty stays absent. */
    Item toItem() {
        return base.withDecision(decision.get()).withTexts(keep(base.request(), request.get()),
                keep(base.claimsAdministratorGuideline(), claimsAdministratorGuideline.get()),
                keep(base.reviewerGuideline(), reviewerGuideline.get()), keep(base.rationale(), rationale.get()));
    }

    static String orEmpty(String s) {
        return s == null ? "" : s;
    }

    static String keep(String original, String edited) {
        return original == null && (edited == null || edited.isEmpty()) ? null : edited;
    }
}
