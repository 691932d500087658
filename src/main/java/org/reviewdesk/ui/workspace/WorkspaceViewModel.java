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
    /** The case's own credentials ("Texas, California"); empty means the profile's are printed. */
    final StringProperty licensure = new SimpleStringProperty("");
    final StringProperty specialties = new SimpleStringProperty("");
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
        licensure.set(c.reviewer() == null || c.reviewer().licensure() == null ? ""
                : String.join(", ", c.reviewer().licensure()));
        specialties.set(c.reviewer() == null || c.reviewer().specialties() == null ? ""
                : String.join(", ", c.reviewer().specialties()));
        clinicalSummary.addListener(this::changed);
        licensure.addListener(this::changed);
        specialties.addListener(this::changed);
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
        CaseFile c = original.withEdits(ItemViewModel.keep(original.clinicalSummary(), clinicalSummary.get()),
                items.stream().map(ItemViewModel::toItem).toList());
        List<String> lic = split(licensure.get());
        List<String> spec = split(specialties.get());
        org.reviewdesk.domain.Reviewer was = original.reviewer();
        boolean same = was == null ? lic.isEmpty() && spec.isEmpty()
                : lic.equals(was.licensure() == null ? List.of() : was.licensure())
                && spec.equals(was.specialties() == null ? List.of() : was.specialties());
        return same ? c : c.withReviewer(lic.isEmpty() && spec.isEmpty() ? null
                : new org.reviewdesk.domain.Reviewer(lic.isEmpty() ? null : lic, spec.isEmpty() ? null : spec));
    }

    static List<String> split(String s) {
        return s == null ? List.of() : java.util.Arrays.stream(s.split("[,;]")).map(String::strip)
                .filter(x -> !x.isEmpty()).toList();
    }

    /**
     * The record as stored now (documents and excerpts kept in this session): the draft cites them, not the record
     * as it was when the case opened. Not an edit: the dirty flag stays as it is.
     */
    void recordChanged(java.util.List<RecordDocument> docs, java.util.List<org.reviewdesk.domain.Evidence> excerpts) {
        if (original != null) {
            original = original.withRecord(docs.isEmpty() && original.documents() == null ? null : docs,
                    excerpts.isEmpty() && original.evidence() == null ? null : excerpts);
        }
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
