package org.reviewdesk.ui.workspace;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextArea;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.reviewdesk.domain.CaseFile;
import org.reviewdesk.domain.RecordDocument;
import org.reviewdesk.service.CaseLibrary;
import org.reviewdesk.service.LetterService;
import org.reviewdesk.service.RecordService;
import org.reviewdesk.service.SearchService;
import org.reviewdesk.ui.record.RecordPane;
import org.reviewdesk.ui.Background;
import org.reviewdesk.ui.Dialogs;

/** The workspace of one case: the clinical record on the left, summary and items on the right. */
public final class WorkspacePane extends BorderPane {
    static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("MM/dd/yyyy");

    private final CaseLibrary cases;
    private final LetterService letters;
    private final RecordService records;
    private final SearchService search;
    private final String caseNumber;
    private RecordPane recordPane;
    private final java.util.concurrent.Callable<org.reviewdesk.guideline.GuidelineLibrary> guidelines;
    private String pendingSearch;
    private final Runnable onSaved;
    private final WorkspaceViewModel model = new WorkspaceViewModel();
    private final Label saveState = new Label();
    private LetterPreview preview;
    /** Every edit is saved within two seconds, without a Save button. */
    private final javafx.animation.PauseTransition autosave =
            new javafx.animation.PauseTransition(javafx.util.Duration.millis(1500));
    private volatile org.reviewdesk.domain.CaseStatus status;
    private VBox editorBox;
    private SplitPane split;

    public WorkspacePane(CaseLibrary cases, LetterService letters, RecordService records, SearchService search,
                         java.util.concurrent.Callable<org.reviewdesk.guideline.GuidelineLibrary> guidelines,
                         String caseNumber, Runnable onSaved) {
        this.guidelines = guidelines;
        this.cases = cases;
        this.letters = letters;
        this.records = records;
        this.search = search;
        this.caseNumber = caseNumber;
        this.onSaved = onSaved;
        setId("workspace");
        setCenter(new Label("Opening case " + caseNumber + "…"));
        Background.run(() -> {
            status = cases.status(caseNumber);
            return cases.get(caseNumber);
        }, this::show,
                t -> Dialogs.error(getScene() == null ? null : getScene().getWindow(), "The case could not be opened", t));
    }

    private void show(CaseFile c) {
        model.load(c);
        setTop(header(c));
        preview = new LetterPreview(letters, model::toCaseFile);
        recordPane = new RecordPane(records, search, caseNumber, excerptTarget());
        if (pendingSearch != null) {
            recordPane.search(pendingSearch);
        }
        split = new SplitPane(recordPane, editorSide(), preview);
        split.setDividerPositions(0.33, 0.70);
        setCenter(split);
        model.revision.addListener((o, a, b) -> {
            preview.requestRender();
            autosave.playFromStart();
        });
        autosave.setOnFinished(e -> save());
        preview.render();
        saveState.textProperty().bind(javafx.beans.binding.Bindings.when(model.dirty)
                .then("Unsaved changes").otherwise("All changes saved"));
    }

    private Pane header(CaseFile c) {
        Label title = new Label("Case " + c.caseNumber());
        title.setId("caseTitle");
        title.getStyleClass().add("title-3");
        FlowPane facts = new FlowPane(18, 4);
        fact(facts, "Priority", c.effectivePriority().label());
        fact(facts, "Date of injury", c.dateOfInjury());
        fact(facts, "UR denial", c.urDenialDate());
        fact(facts, "Assigned", c.dateAssigned());
        fact(facts, "Application received", c.applicationReceived());
        fact(facts, "Due", c.effectiveDueDate().orElse(null));
        fact(facts, "Decision date", c.decisionDate());
        if (c.organization() != null && c.organization().name() != null) {
            fact(facts, "Organization", c.organization().name());
        }
        Button save = new Button("Save");
        save.setId("saveButton");
        save.getStyleClass().add("accent");
        save.disableProperty().bind(model.dirty.not());
        save.setOnAction(e -> save());
        saveState.setId("saveState");
        saveState.getStyleClass().add("text-muted");
        Button export = new Button("Export PDF…");
        export.setId("exportPdfButton");
        export.setOnAction(e -> exportPdf());
        Button sign = new Button("Sign & Export…");
        sign.setId("signButton");
        sign.setOnAction(e -> signAndExport());
        javafx.scene.control.ToggleButton showPreview = new javafx.scene.control.ToggleButton("Letter preview");
        showPreview.setId("previewToggle");
        showPreview.setSelected(true);
        showPreview.setOnAction(e -> togglePreview(showPreview.isSelected()));
        Pane spacer = new Pane();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Button finalizeButton = new Button("Finalize…");
        finalizeButton.setId("finalizeButton");
        finalizeButton.setOnAction(e -> finalizeCase());
        Button amend = new Button("Amend");
        amend.setId("amendButton");
        amend.setOnAction(e -> amend());
        Label locked = new Label("Finalized · read-only");
        locked.setId("lockedBadge");
        locked.getStyleClass().add("success");
        boolean isLocked = status != null && status.locked();
        HBox top = isLocked ? new HBox(12, title, locked, spacer, showPreview, export, amend)
                : new HBox(12, title, spacer, saveState, save, showPreview, export, sign, finalizeButton);
        Background.run(() -> letters.conflicts(c), conflicts -> {
            if (!conflicts.isEmpty()) {
                Label warn = new Label("⚠ Possible conflict of interest: " + String.join(" ", conflicts));
                warn.setId("conflictWarning");
                warn.getStyleClass().add("warning");
                warn.setWrapText(true);
                ((VBox) top.getParent()).getChildren().add(warn);
            }
        }, t -> { });
        top.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        VBox box = new VBox(6, top, facts);
        box.setPadding(new Insets(10, 14, 10, 14));
        box.setStyle("-fx-border-color: transparent transparent -color-border-default transparent;");
        return box;
    }

    private static void fact(FlowPane facts, String label, Object value) {
        if (value == null) {
            return;
        }
        String text = value instanceof LocalDate d ? DATE.format(d) : value.toString();
        Label l = new Label(label + ": " + text);
        l.getStyleClass().add("text-small");
        facts.getChildren().add(l);
    }

    private ScrollPane editorSide() {
        Label summaryLabel = new Label("Clinical case summary");
        summaryLabel.getStyleClass().add("title-4");
        TextArea summary = new TextArea();
        summary.setId("clinicalSummary");
        Button start = new Button("Start from the case");
        start.setId("startSummary");
        start.setTooltip(new javafx.scene.control.Tooltip("Fill the opening sentences from the case's dates and "
                + "items; excerpts from the record can follow"));
        start.visibleProperty().bind(summary.textProperty().isEmpty());
        start.managedProperty().bind(start.visibleProperty());
        start.setOnAction(e -> Background.run(() -> records.workerFacts(caseNumber), facts -> {
            summary.setText(SummaryStarter.start(model.toCaseFile(), facts));
            summary.requestFocus();
            summary.end();
        }, t -> summary.setText(SummaryStarter.start(model.toCaseFile(), null))));
        summary.setWrapText(true);
        summary.setPrefRowCount(12);
        summary.setPrefColumnCount(24);
        summary.setMinWidth(120);
        summary.textProperty().bindBidirectional(model.clinicalSummary);
        Label itemsLabel = new Label("Disputed items (" + model.items.size() + ")");
        itemsLabel.getStyleClass().add("title-4");
        VBox box = new VBox(10, summaryLabel, start, summary, itemsLabel);
        editorBox = box;
        for (int i = 0; i < model.items.size(); i++) {
            box.getChildren().add(new ItemEditor(i, model.items.get(i), organizationShortName(), builderContext()));
        }
        if (model.items.isEmpty()) {
            box.getChildren().add(new Label("This case has no disputed items."));
        }
        box.setPadding(new Insets(10, 14, 20, 10));
        ScrollPane scroll = new ScrollPane(box);
        scroll.setFitToWidth(true);
        scroll.setId("editorScroll");
        if (status != null && status.locked()) {
            for (javafx.scene.Node n : box.getChildren()) {
                n.setDisable(true);
            }
        }
        return scroll;
    }

    private String organizationShortName() {
        CaseFile c = model.original();
        return c.organization() != null && c.organization().shortName() != null ? c.organization().shortName()
                : "Reviewer";
    }

    private void togglePreview(boolean show) {
        if (show && !split.getItems().contains(preview)) {
            split.getItems().add(preview);
            split.setDividerPositions(0.33, 0.70);
            preview.render();
        } else if (!show) {
            split.getItems().remove(preview);
        }
    }

    /** Exports the unsigned letter as it stands (a draft). */
    public void exportPdf() {
        java.io.File f = LetterActions.chooseTarget(getScene().getWindow(), caseNumber + "-draft.pdf");
        if (f == null) {
            return;
        }
        CaseFile current = model.toCaseFile();
        Background.run(() -> {
            org.reviewdesk.files.PrivateFiles.writeAtomically(f.toPath(), letters.preview(current).pdf());
            return f;
        }, done -> LetterActions.info(getScene().getWindow(), "Letter exported",
                "The unsigned letter was written to " + done + "."),
                t -> Dialogs.error(getScene().getWindow(), "The letter could not be exported", t));
    }

    /** Saves, checks the case is complete, signs the letter with the reviewer's identity and exports it. */
    public void signAndExport() {
        new LetterActions(letters, records, getScene().getWindow()).signAndExport(caseNumber, this::saveThen, () -> {
            onSaved.run();
            Background.run(() -> cases.get(caseNumber), c -> {
                setTop(header(c));
                model.saved(c);
                preview.render();
            }, t -> Dialogs.error(getScene().getWindow(), "The case could not be read again", t));
        });
    }

    /** Finalize: the checks, the signature, then the case is locked. */
    public void finalizeCase() {
        if (!Dialogs.confirm(getScene().getWindow(), "Finalize case " + caseNumber,
                "Finalizing signs the letter with your identity and locks the case (read-only). Later changes "
                        + "go into an amendment; the signed original is kept.", "Finalize")) {
            return;
        }
        saveThen(() -> Background.run(() -> letters.finalizeCase(caseNumber, null), s -> {
            status = org.reviewdesk.domain.CaseStatus.FINALIZED;
            onSaved.run();
            Background.run(() -> cases.get(caseNumber), c -> {
                model.saved(c);
                setTop(header(c));
                split.getItems().set(1, editorSide());
                preview.render();
            }, t -> { });
            LetterActions.info(getScene().getWindow(), "Case finalized", "Signed by " + s.signer()
                    + ", decision date " + s.decisionDate() + ". The case is now read-only.");
        }, t -> {
            if (t instanceof org.reviewdesk.service.LetterNotReadyException n) {
                new LetterActions(letters, records, getScene().getWindow()).showNotReady(n);
            } else {
                Dialogs.error(getScene().getWindow(), "The case could not be finalized", t);
            }
        }));
    }

    private void amend() {
        Background.run(() -> cases.amend(caseNumber), number -> {
            onSaved.run();
            LetterActions.info(getScene().getWindow(), "Amendment opened", "Case " + number + " is a new, "
                    + "editable version of " + caseNumber + ". The signed original is kept unchanged.");
        }, t -> Dialogs.error(getScene().getWindow(), "The amendment could not be opened", t));
    }

    /** Saves pending edits, then runs {@code next} on the FX thread. */
    private void saveThen(Runnable next) {
        if (!model.dirty.get()) {
            next.run();
            return;
        }
        CaseFile edited = model.toCaseFile();
        long revision = model.revision.get();
        Background.run(() -> {
            cases.save(edited);
            return edited;
        }, saved -> {
            model.saved(saved, revision);
            onSaved.run();
            next.run();
        }, t -> Dialogs.error(getScene().getWindow(), "The case could not be saved", t));
    }

    private BuilderPane.Context builderContext() {
        return new BuilderPane.Context() {
            @Override
            public CaseFile currentCase() {
                return model.toCaseFile();
            }

            @Override
            public java.util.List<String> findInRecord(String phrase) {
                try {
                    return search.search("\"" + phrase.replace("\"", "") + "\"", caseNumber, 20).stream()
                            .filter(h -> !SearchService.negated(h.snippet(), h.snippetMarks()))
                            .limit(5)
                            .map(h -> h.documentTitle() + ", page " + h.page() + ": " + h.snippet()).toList();
                } catch (Exception e) {
                    return java.util.List.of();
                }
            }

            @Override
            public void citeGuideline(ItemViewModel item) {
                Background.run(guidelines, lib -> new GuidelinePicker(getScene().getWindow(), lib,
                        item.citations.get(), firstWord(item.category.get())).showAndWait().ifPresent(c -> {
                            item.citations.set(c.isEmpty() ? null : c);
                            item.reviewerGuideline.set(org.reviewdesk.guideline.CitationText.reviewer(c, lib));
                        }), t -> Dialogs.error(getScene().getWindow(), "The guideline library could not be read", t));
            }
        };
    }

    private RecordPane.ExcerptTarget excerptTarget() {
        return new RecordPane.ExcerptTarget() {
            @Override
            public java.util.List<String> itemNames() {
                return model.items.stream().map(i -> i.request.get()).toList();
            }

            @Override
            public void insertIntoSummary(String sentence) {
                model.clinicalSummary.set(join(model.clinicalSummary.get(), sentence));
            }

            @Override
            public void insertIntoRationale(int item, String sentence) {
                var r = model.items.get(item).rationale;
                r.set(join(r.get(), sentence));
            }
        };
    }

    /** A first search for the picker: the category's first word ("physical", "opioid", ...). */
    private static String firstWord(String categoryKey) {
        if (categoryKey == null) {
            return "";
        }
        String label = org.reviewdesk.guideline.TreatmentCategory.fromKey(categoryKey).label();
        return label.split("[ /]")[0].toLowerCase(java.util.Locale.ROOT);
    }

    private static String join(String text, String sentence) {
        String t = text == null ? "" : text.stripTrailing();
        return t.isEmpty() ? sentence : t + " " + sentence;
    }

    /** Runs a record search in this case as soon as the case is shown. */
    public void search(String query) {
        if (recordPane != null) {
            recordPane.search(query);
        } else {
            pendingSearch = query;
        }
    }

    /** Focuses the record search field. */
    public void focusSearch() {
        if (recordPane != null) {
            recordPane.focusSearch();
        }
    }

    /** Asks for record files to add to this case. */
    public void addRecordFiles() {
        if (recordPane != null) {
            recordPane.chooseFiles();
        }
    }

    /** Saves in the background; the case list is refreshed afterwards. */
    public void save() {
        saveThen(() -> { });
    }

    /** Asks about unsaved changes; false when the reviewer cancels. */
    public boolean confirmClose() {
        if (!model.dirty.get()) {
            return true;
        }
        var answer = Dialogs.saveChanges(getScene().getWindow(), "case " + caseNumber);
        if (answer.isEmpty()) {
            return false;
        }
        if (answer.get()) {
            try {
                CaseFile edited = model.toCaseFile();
                cases.save(edited);
                model.saved(edited);
                onSaved.run();
            } catch (Exception e) {
                Dialogs.error(getScene().getWindow(), "The case could not be saved", e);
                return false;
            }
        }
        return true;
    }
}
