package org.reviewdesk.ui.workspace;

import java.util.List;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.reviewdesk.domain.CaseFile;
import org.reviewdesk.domain.RecordDocument;

/** The open case as the workspace edits it: summary and items, with a dirty flag. No controls here. */
public final class WorkspaceViewModel {
    private CaseFile original;
    final StringProperty clinicalSummary = new SimpleStringProperty("");
    final ObservableList<ItemViewModel> items = FXCollections.observableArrayList();
    final ObservableList<RecordDocument> documents = FXCollections.observableArrayList();
    final BooleanProperty dirty = new SimpleBooleanProperty(false);
    /** Counts every edit, so that the letter preview can follow the typing. */
    final javafx.beans.property.LongProperty revision = new javafx.beans.property.SimpleLongProperty();

    void load(CaseFile c) {
        original = c;
        clinicalSummary.set(ItemViewModel.orEmpty(c.clinicalSummary()));
        items.setAll(c.items().stream().map(ItemViewModel::new).toList());
        documents.setAll(c.documentList().stream()
                .sorted(java.util.Comparator.comparing(RecordDocument::date,
                        java.util.Comparator.nullsLast(java.util.Comparator.naturalOrder())))
                .toList());
        clinicalSummary.addListener(this::changed);
        for (ItemViewModel i : items) {
            for (Observable o : List.of(i.request, i.decision, i.claimsAdministratorGuideline, i.reviewerGuideline,
                    i.rationale, i.category, i.answers, i.citations)) {
                o.addListener(this::changed);
            }
        }
        dirty.set(false);
    }

    private void changed(Observable o) {
        dirty.set(true);
        revision.set(revision.get() + 1);
    }

    CaseFile original() {
        return original;
    }

    /** The case with the reviewer's edits. */
    CaseFile toCaseFile() {
        return original.withEdits(ItemViewModel.keep(original.clinicalSummary(), clinicalSummary.get()),
                items.stream().map(ItemViewModel::toItem).toList());
    }

    void saved(CaseFile c) {
        saved(c, revision.get());
    }

    /** Marks a save done; edits made while it ran (a later revision) stay unsaved, for the next save. */
    void saved(CaseFile c, long revisionSaved) {
        original = c;
        dirty.set(revision.get() != revisionSaved);
    }
}
