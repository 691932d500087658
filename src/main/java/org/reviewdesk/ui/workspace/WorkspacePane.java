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
    private final java.util.List<ItemEditor> itemEditors = new java.util.ArrayList<>();
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
    private ScrollPane editorScroll;
    private final ChoiceHistory choices = new ChoiceHistory();
    private SplitPane split;
    private double splitPosition = -1;
    private final javafx.scene.control.TabPane rightTabs = new javafx.scene.control.TabPane();
    private final javafx.scene.control.Tab editTab = new javafx.scene.control.Tab("Summary and items");
    private final javafx.scene.control.Tab previewTab = new javafx.scene.control.Tab("Letter preview");
    private javafx.stage.Stage previewWindow;
    private Button signButton;
    private FlowPane facts;
    private Runnable shown;
    private final javafx.beans.property.BooleanProperty readOnly = new javafx.beans.property.SimpleBooleanProperty();
    private org.reviewdesk.service.ReviewerProfile profile;

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
        readOnly.set(locked());
        model.load(c);
        setTop(header(c));
        preview = new LetterPreview(letters, model::toCaseFile);
        recordPane = new RecordPane(records, search, caseNumber, excerptTarget());
        recordPane.setReadOnly(locked());
        if (pendingSearch != null) {
            recordPane.search(pendingSearch);
        }
        editTab.setContent(editorSide());
        editTab.setClosable(false);
        editTab.setId("itemsTab");
        previewTab.setContent(preview);
        previewTab.setClosable(false);
        previewTab.setId("previewTab");
        rightTabs.getTabs().setAll(editTab, previewTab);
        rightTabs.setId("rightTabs");
        rightTabs.setMinWidth(380);
        previewTab.selectedProperty().addListener((o, a, b) -> {
            if (b) {
                preview.render();
            }
        });
        // the record is the larger side: the page image is what a reviewer reads all day
        split = new SplitPane(recordPane, rightTabs);
        split.setId("workspaceSplit");
        if (splitPosition < 0) {
            // wide screens give the page more; a 1280 px window keeps the builder usable
            double width = getScene() == null ? 1600 : getScene().getWidth();
            splitPosition = width >= 1700 ? 0.70 : width >= 1500 ? 0.65 : 0.62;
        }
        split.setDividerPositions(splitPosition);
        SplitPane.setResizableWithParent(rightTabs, false);
        setCenter(split);
        model.revision.addListener((o, a, b) -> {
            if (previewTab.isSelected() || previewWindow != null) {
                preview.requestRender();
            }
            autosave.playFromStart();
        });
        autosave.setOnFinished(e -> save());
        preview.render();
        saveState.textProperty().bind(javafx.beans.binding.Bindings.when(model.dirty)
                .then("Unsaved changes").otherwise("All changes saved"));
        // reading starts in the record: its document list takes the focus (the case list that had it is hidden,
        // and the focus had fallen to the status bar), unless the reviewer is already in this case, or another tab
        // is shown
        javafx.scene.Node owner = getScene() == null ? null : getScene().getFocusOwner();
        boolean inHere = false;
        for (javafx.scene.Node n = owner; n != null; n = n.getParent()) {
            inHere |= n == this;
        }
        if (isVisible() && !inHere) {
            recordPane.focusList();
        }
        if (shown != null) {
            shown.run();
        }
    }

    /** True while the case is finalized (or later): menus follow it. */
    public javafx.beans.property.ReadOnlyBooleanProperty readOnlyProperty() {
        return readOnly;
    }

    /** The case number of this workspace. */
    public String caseNumber() {
        return caseNumber;
    }

    /** The whole store is on read-only media: every case opens read-only, whatever its status. */
    public void storeReadOnly(boolean readOnlyStore) {
        this.storeReadOnly = readOnlyStore;
    }

    private boolean storeReadOnly;

    private boolean locked() {
        return storeReadOnly || status != null && status.locked();
    }

    /** Where the record/builder divider sits (0..1). */
    public double splitPosition() {
        return split == null ? Math.max(0, splitPosition) : split.getDividerPositions()[0];
    }

    /** Sets the record/builder divider (a restored window). */
    public void setSplitPosition(double p) {
        splitPosition = Math.max(0.2, Math.min(0.85, p));
        if (split != null) {
            split.setDividerPositions(splitPosition);
        }
    }

    /** Runs {@code r} once the case is shown (or now, if it is). */
    public void whenShown(Runnable r) {
        if (split != null) {
            r.run();
        } else {
            shown = r;
        }
    }

    /** The letter preview in its own window (a second monitor); closing it puts it back in its tab. */
    public void popOutPreview() {
        if (preview == null) {
            return;
        }
        if (previewWindow != null) {
            previewWindow.toFront();
            return;
        }
        javafx.stage.Stage stage = new javafx.stage.Stage();
        stage.initOwner(getScene().getWindow());
        stage.setTitle("Letter preview — case " + caseNumber);
        previewTab.setContent(new Label("The letter preview is in its own window."));
        javafx.scene.Scene scene = new javafx.scene.Scene(new BorderPane(preview));
        scene.getStylesheets().setAll(getScene().getStylesheets());
        stage.setScene(scene);
        org.reviewdesk.ui.WindowPlaces.place(stage, "previewWindow", 700, 900);
        stage.setOnHidden(e -> {
            org.reviewdesk.ui.WindowPlaces.remember(stage, "previewWindow");
            ((BorderPane) scene.getRoot()).setCenter(null);
            previewTab.setContent(preview);
            previewWindow = null;
        });
        previewWindow = stage;
        stage.show();
        preview.render();
    }

    /** Closes the windows this case opened (record viewer, letter preview). */
    public void closeWindows() {
        if (previewWindow != null) {
            previewWindow.close();
        }
        if (recordPane != null) {
            recordPane.closeViewerWindow();
        }
    }

    private Pane header(CaseFile c) {
        Label title = new Label("Case " + c.caseNumber());
        title.setId("caseTitle");
        title.getStyleClass().add("title-3");
        title.setMinWidth(Label.USE_PREF_SIZE);
        facts = new FlowPane(18, 4);
        facts.setId("caseFacts");
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
        save.setGraphic(org.reviewdesk.ui.Icons.icon("mdi2c-content-save-outline"));
        save.setTooltip(new javafx.scene.control.Tooltip("Save now (Ctrl+S); edits are also saved as you type"));
        save.getStyleClass().add("accent");
        save.disableProperty().bind(model.dirty.not());
        save.setOnAction(e -> save());
        saveState.setId("saveState");
        saveState.getStyleClass().add("text-muted");
        saveState.setMinWidth(Label.USE_PREF_SIZE);
        Button export = new Button("Export PDF…");
        export.setId("exportPdfButton");
        export.setGraphic(org.reviewdesk.ui.Icons.icon("mdi2f-file-pdf-box"));
        export.setTooltip(new javafx.scene.control.Tooltip("Export the unsigned letter as a draft (Ctrl+E)"));
        export.setOnAction(e -> exportPdf());
        signButton = new Button("Sign & Export…");
        signButton.setId("signButton");
        signButton.setGraphic(org.reviewdesk.ui.Icons.icon("mdi2f-file-sign"));
        signButton.setOnAction(e -> signAndExport());
        updateSignCount();
        Button popPreview = org.reviewdesk.ui.Icons.button("mdi2o-open-in-new",
                "Letter preview in its own window (for a second monitor)");
        popPreview.setId("previewWindowButton");
        popPreview.setOnAction(e -> popOutPreview());
        Pane spacer = new Pane();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Button finalizeButton = new Button("Finalize…");
        finalizeButton.setId("finalizeButton");
        finalizeButton.setGraphic(org.reviewdesk.ui.Icons.icon("mdi2l-lock-check-outline"));
        finalizeButton.setTooltip(new javafx.scene.control.Tooltip("Sign (or keep the signed letter) and lock the "
                + "case read-only"));
        finalizeButton.setOnAction(e -> finalizeCase());
        Button saveSigned = new Button("Save signed letter…");
        saveSigned.setId("saveSignedButton");
        saveSigned.setGraphic(org.reviewdesk.ui.Icons.icon("mdi2f-file-sign"));
        saveSigned.setTooltip(new javafx.scene.control.Tooltip("A copy of the signed letter this case keeps, to send "
                + "or file"));
        saveSigned.getStyleClass().add("accent");
        saveSigned.setOnAction(e -> saveSignedLetter());
        Button amend = new Button("Amend");
        amend.setId("amendButton");
        amend.setGraphic(org.reviewdesk.ui.Icons.icon("mdi2p-pencil-outline"));
        amend.setTooltip(new javafx.scene.control.Tooltip("Open an editable amendment; the signed original is kept"));
        amend.setOnAction(e -> amend());
        Label locked = new Label((storeReadOnly && (status == null || !status.locked()) ? "Store on read-only media"
                : status == null ? "Finalized" : status.label()) + " · read-only");
        locked.setId("lockedBadge");
        locked.setGraphic(org.reviewdesk.ui.Icons.icon("mdi2l-lock-outline"));
        locked.getStyleClass().add("success");
        locked.setMinWidth(Label.USE_PREF_SIZE);
        for (Button b : java.util.List.of(save, export, signButton, finalizeButton, amend, saveSigned)) {
            b.setMinWidth(Button.USE_PREF_SIZE);
        }
        // the actions wrap onto a second row in a narrow window (at 1024 px Finalize lay outside it)
        FlowPane actions = new FlowPane(10, 6);
        actions.setId("caseActions");
        actions.setAlignment(javafx.geometry.Pos.CENTER_RIGHT);
        actions.setPrefWrapLength(4000);
        actions.setMinWidth(200);
        if (locked() && !storeReadOnly) {
            // the signed letter is the one to send: the unsigned export says what it is
            export.setText("Unsigned draft…");
        }
        actions.getChildren().addAll(storeReadOnly ? java.util.List.of(export, popPreview)
                : locked() ? java.util.List.of(saveSigned, export, popPreview, amend)
                : java.util.List.of(saveState, save, export, popPreview, signButton, finalizeButton));
        HBox.setHgrow(actions, Priority.SOMETIMES);
        HBox top = storeReadOnly || locked() ? new HBox(10, title, locked, spacer, actions)
                : new HBox(10, title, spacer, actions);
        if (!locked()) {
            // a letter signed before, lasting (a notification said so for four seconds): Finalize keeps it when the
            // case has not changed since
            Label signed = new Label();
            signed.setId("signedBadge");
            signed.getStyleClass().add("success");
            signed.setMinWidth(Label.USE_PREF_SIZE);
            signed.setVisible(false);
            signed.setManaged(false);
            actions.getChildren().add(Math.max(0, actions.getChildren().indexOf(signButton)), signed);
            Background.run(() -> letters.signedStamp(c.caseNumber()), at -> at.ifPresent(t -> {
                signed.setText("✓ Signed " + LetterActions.when(t.at()));
                signed.setTooltip(new javafx.scene.control.Tooltip("A signed letter was made then. Finalize keeps "
                        + "it when the case has not changed since, and signs again when it has."));
                signed.setVisible(true);
                signed.setManaged(true);
            }), t -> { });
        }
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
        VBox box = new VBox(4, top);
        box.setPadding(new Insets(6, 12, 6, 12));
        box.setStyle("-fx-border-color: transparent transparent -color-border-default transparent;");
        return box;
    }

    /** The Sign button counts the open errors and warnings of the checks. */
    private void updateSignCount() {
        if (signButton == null) {
            return;
        }
        int errors = 0;
        // the signing dialog's warning about the letter's credentials counts here too (it said "Warnings (1)"
        // behind a button that showed none)
        int warnings = credentialsDifference() == null ? 0 : 1;
        for (ItemViewModel i : model.items) {
            errors += i.errors.get();
            warnings += i.warnings.get();
        }
        signButton.setText(errors + warnings == 0 ? "Sign & Export…" : "Sign & Export (" + (errors > 0
                ? errors + (errors == 1 ? " error" : " errors") : warnings + (warnings == 1 ? " warning"
                : " warnings")) + ")…");
        signButton.setTooltip(new javafx.scene.control.Tooltip("Sign the letter and save it as a PDF (Ctrl+Shift+S)"
                + (errors > 0 ? ": errors block signing until fixed" : warnings > 0
                ? ": each warning needs a tick in the signing dialog" : "")));
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
            summary.replaceText(0, summary.getLength(), SummaryStarter.start(model.toCaseFile(), facts));
            summary.requestFocus();
            summary.end();
        }, t -> summary.replaceText(0, summary.getLength(), SummaryStarter.start(model.toCaseFile(), null))));
        summaryArea = summary;
        summary.setWrapText(true);
        summary.setPrefRowCount(12);
        summary.setPrefColumnCount(24);
        summary.setMinWidth(120);
        summary.textProperty().bindBidirectional(model.clinicalSummary);
        SpellingMenu.install(summary);
        Label itemsLabel = new Label("Disputed items (" + model.items.size() + ")");
        itemsLabel.getStyleClass().add("title-4");
        VBox box = new VBox(10, facts, credentials(), summaryLabel, start, summary, itemsLabel);
        editorBox = box;
        itemEditors.clear();
        choices.clear();
        for (int i = 0; i < model.items.size(); i++) {
            ItemEditor editor = new ItemEditor(i, model.items.get(i), organizationShortName(), builderContext());
            itemEditors.add(editor);
            box.getChildren().add(editor);
            model.items.get(i).errors.addListener((o, a, b) -> updateSignCount());
            model.items.get(i).warnings.addListener((o, a, b) -> updateSignCount());
        }
        if (model.items.isEmpty()) {
            box.getChildren().add(new Label("This case has no disputed items."));
        }
        box.setPadding(new Insets(10, 14, 20, 10));
        ScrollPane scroll = new ScrollPane(box);
        scroll.setFitToWidth(true);
        scroll.setId("editorScroll");
        editorScroll = scroll;
        if (locked()) {
            // read-only in normal contrast: everything can be read, opened and copied, nothing changed
            start.visibleProperty().unbind();
            start.setVisible(false);
            ReadOnly.apply(box);
        }
        return scroll;
    }

    /**
     * The credentials the letter prints: the profile's unless the case carries its own; a difference
     * from the profile is shown, and both fields can be edited here (empty means the profile's).
     */
    private Pane credentials() {
        Label heading = new Label("Credentials on the letter");
        heading.getStyleClass().add("text-bold");
        javafx.scene.control.TextField lic = new javafx.scene.control.TextField();
        lic.setId("caseLicensure");
        lic.textProperty().bindBidirectional(model.licensure);
        javafx.scene.control.TextField spec = new javafx.scene.control.TextField();
        spec.setId("caseSpecialties");
        spec.textProperty().bindBidirectional(model.specialties);
        Label source = new Label();
        source.setId("credentialsSource");
        source.setWrapText(true);
        source.getStyleClass().add("text-muted");
        Button useProfile = new Button("Use my profile's");
        useProfile.setId("useProfileCredentials");
        useProfile.setMinWidth(Button.USE_PREF_SIZE);
        useProfile.setOnAction(e -> {
            // as edits of the fields: Ctrl+Z in a field brings the case's own credentials back
            lic.replaceText(0, lic.getLength(), "");
            spec.replaceText(0, spec.getLength(), "");
        });
        javafx.scene.layout.GridPane grid = new javafx.scene.layout.GridPane();
        grid.setHgap(8);
        grid.setVgap(4);
        Label l1 = new Label("Licensure");
        Label l2 = new Label("Specialties");
        l1.setMinWidth(Label.USE_PREF_SIZE);
        l2.setMinWidth(Label.USE_PREF_SIZE);
        grid.addRow(0, l1, lic);
        grid.addRow(1, l2, spec);
        javafx.scene.layout.ColumnConstraints grow = new javafx.scene.layout.ColumnConstraints();
        grow.setHgrow(Priority.ALWAYS);
        grid.getColumnConstraints().addAll(new javafx.scene.layout.ColumnConstraints(), grow);
        VBox box = new VBox(4, heading, source, grid, useProfile);
        box.setId("credentialsBox");
        Runnable update = () -> {
            if (profile == null) {
                return;
            }
            lic.setPromptText(profile.licensure().isEmpty() ? "none in your profile (Settings)"
                    : String.join(", ", profile.licensure()) + " (from your profile)");
            spec.setPromptText(profile.specialties().isEmpty() ? "none in your profile (Settings)"
                    : String.join(", ", profile.specialties()) + " (from your profile)");
            var caseLic = WorkspaceViewModel.split(model.licensure.get());
            var caseSpec = WorkspaceViewModel.split(model.specialties.get());
            boolean own = !caseLic.isEmpty() || !caseSpec.isEmpty();
            useProfile.setVisible(own);
            useProfile.setManaged(own);
            source.getStyleClass().removeAll("warning", "text-muted");
            String note = credentialsNote(profile.licensure(), profile.specialties(), caseLic, caseSpec);
            source.setText(note);
            source.getStyleClass().add(note.startsWith("⚠") ? "warning" : "text-muted");
            updateSignCount();
        };
        model.licensure.addListener(o -> update.run());
        model.specialties.addListener(o -> update.run());
        Background.run(letters::profile, p -> {
            profile = p;
            update.run();
        }, t -> source.setText("Your profile could not be read: " + Dialogs.reasonForLabel(t)));
        return box;
    }

    /**
     * What the credentials line above the fields says: where the letter's credentials come from, a warning (starting
     * with ⚠) when the case's differ from the profile or when there are none at all (it said "From your profile:  / ."
     * in a store whose profile was never filled in).
     */
    static String credentialsNote(java.util.List<String> profileLic, java.util.List<String> profileSpec,
                                  java.util.List<String> caseLic, java.util.List<String> caseSpec) {
        boolean own = !caseLic.isEmpty() || !caseSpec.isEmpty();
        boolean differs = (!caseLic.isEmpty() && !caseLic.equals(profileLic))
                || (!caseSpec.isEmpty() && !caseSpec.equals(profileSpec));
        boolean emptyProfile = profileLic.isEmpty() && profileSpec.isEmpty();
        String mine = (profileLic.isEmpty() ? "no licensure" : String.join(", ", profileLic)) + " / "
                + (profileSpec.isEmpty() ? "no specialty" : String.join(", ", profileSpec));
        if (differs) {
            return emptyProfile ? "⚠ The case carries its own credentials; your profile has none (Settings). The "
                    + "letter prints the case's."
                    : "⚠ The case carries its own credentials, different from your profile (" + mine + "). The letter "
                    + "prints the case's.";
        }
        if (own) {
            return "The case's own credentials (the same as your profile's).";
        }
        if (emptyProfile) {
            return "⚠ No credentials yet: the letter needs your licensure and specialties. Type them here for this "
                    + "case, or once for every case in Settings (Ctrl+,).";
        }
        return "From your profile: " + mine + ".";
    }

    /** The difference between the case's credentials and the profile, for the signing dialog; null when none. */
    String credentialsDifference() {
        if (profile == null) {
            return null;
        }
        var caseLic = WorkspaceViewModel.split(model.licensure.get());
        var caseSpec = WorkspaceViewModel.split(model.specialties.get());
        boolean differs = (!caseLic.isEmpty() && !caseLic.equals(profile.licensure()))
                || (!caseSpec.isEmpty() && !caseSpec.equals(profile.specialties()));
        if (!differs) {
            return null;
        }
        String theirs = "The letter prints the case's credentials (" + String.join(", ", caseLic) + " / "
                + String.join(", ", caseSpec) + ")";
        return profile.licensure().isEmpty() && profile.specialties().isEmpty()
                ? theirs + "; your profile has none (Settings)."
                : theirs + ", not your profile's (" + String.join(", ", profile.licensure()) + " / "
                + String.join(", ", profile.specialties()) + ").";
    }

    private String organizationShortName() {
        CaseFile c = model.original();
        return c.organization() != null && c.organization().shortName() != null ? c.organization().shortName()
                : "Reviewer";
    }

    /** Exports the unsigned letter as it stands (a draft). */
    public void exportPdf() {
        java.io.File f = LetterActions.chooseTarget(getScene().getWindow(), caseNumber + "-draft.pdf");
        if (f == null) {
            return;
        }
        CaseFile current = model.toCaseFile();
        Background.run(() -> {
            letters.requireOutsideDataFolder(f.toPath());
            org.reviewdesk.files.PrivateFiles.writeAtomically(f.toPath(), letters.preview(current).pdf());
            return f;
        }, done -> org.reviewdesk.ui.Toasts.show(getScene().getWindow(), "The unsigned letter was exported to "
                + done + "."),
                t -> Dialogs.error(getScene().getWindow(), "The letter could not be exported", t));
    }

    /** The case's status changed outside the workspace (delivered, archived): the header says the new one. */
    public void statusChanged() {
        Background.run(() -> {
            status = cases.status(caseNumber);
            return cases.get(caseNumber);
        }, c -> setTop(header(c)), t -> { });
    }

    /** A copy of the case's signed letter (a finalized case keeps it) where the reviewer chooses. */
    public void saveSignedLetter() {
        java.io.File f = LetterActions.chooseTarget(getScene().getWindow(), caseNumber + "-determination.pdf");
        if (f == null) {
            return;
        }
        Background.run(() -> {
            letters.requireOutsideDataFolder(f.toPath());
            byte[] pdf = letters.signedLetter(caseNumber).orElseThrow(() -> new IllegalStateException(
                    "Case " + caseNumber + " has no signed letter yet: sign it first (Sign & Export)."));
            org.reviewdesk.files.PrivateFiles.writeAtomically(f.toPath(), pdf);
            return f;
        }, done -> org.reviewdesk.ui.Toasts.show(getScene().getWindow(), "The signed letter was saved to " + done
                + "."), t -> Dialogs.error(getScene().getWindow(), "The signed letter could not be saved", t));
    }

    /** Saves, shows every check in one dialog, signs the letter once and exports it. */
    public void signAndExport() {
        if (locked()) {
            return;
        }
        new LetterActions(letters, records, getScene().getWindow()).signAndExport(caseNumber, this::saveThen,
                this::credentialsDifference, () -> {
                    onSaved.run();
                    Background.run(() -> cases.get(caseNumber), c -> {
                        setTop(header(c));
                        model.saved(c);
                        preview.render();
                    }, t -> Dialogs.error(getScene().getWindow(), "The case could not be read again", t));
                });
    }

    /** Finalize: the same checks, the signed letter kept when it still matches, then the case is locked. */
    public void finalizeCase() {
        if (locked()) {
            return;
        }
        new LetterActions(letters, records, getScene().getWindow()).finalizeCase(caseNumber, this::saveThen,
                this::credentialsDifference, s -> {
                    status = org.reviewdesk.domain.CaseStatus.FINALIZED;
                    readOnly.set(true);
                    onSaved.run();
                    recordPane.setReadOnly(true);
                    Background.run(() -> cases.get(caseNumber), c -> {
                        model.saved(c);
                        setTop(header(c));
                        editTab.setContent(editorSide());
                        // the divider stays where the reviewer had it
                        split.setDividerPositions(splitPosition());
                        preview.render();
                    }, t -> { });
                }, busy -> {
                    // the editor greyed out while the case is locked (a busy cursor on it)
                    javafx.scene.Node editor = editTab.getContent();
                    if (editor != null) {
                        editor.setDisable(busy);
                        editor.setCursor(busy ? javafx.scene.Cursor.WAIT : null);
                    }
                });
    }

    private void amend() {
        Background.run(() -> cases.amend(caseNumber), number -> {
            onSaved.run();
            org.reviewdesk.ui.Toasts.show(getScene().getWindow(), "Amendment " + number + " opened in the case "
                    + "list: a new, editable version of " + caseNumber + ". The signed original is kept unchanged.");
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
            org.reviewdesk.ui.Toasts.status("Case " + caseNumber + " saved at "
                    + java.time.LocalTime.now().withNano(0) + ".");
            next.run();
        }, t -> Dialogs.error(getScene().getWindow(), "The case could not be saved", t));
    }

    /** A record page a consistency check quoted: the search that found it, its document and page. */
    private record QuotedPage(String query, String documentId, int page) {
    }

    /** The record lines the consistency checks quoted ("title, page N: snippet") and where they are. */
    private final java.util.Map<String, QuotedPage> quotedPages = new java.util.HashMap<>();

    private QuotedPage quoted(String findingMessage) {
        synchronized (quotedPages) {
            // the finding quotes the line's start (title, page and the snippet's first words)
            return quotedPages.entrySet().stream()
                    .filter(e -> findingMessage.contains(e.getKey().substring(0, Math.min(e.getKey().length(),
                            e.getKey().indexOf(": ") + 30))))
                    .map(java.util.Map.Entry::getValue).findFirst().orElse(null);
        }
    }

    private BuilderPane.Context builderContext() {
        return new BuilderPane.Context() {
            @Override
            public ChoiceHistory choices() {
                return choices;
            }

            @Override
            public CaseFile currentCase() {
                return model.toCaseFile();
            }

            @Override
            public java.util.List<String> findInRecord(String phrase) {
                try {
                    String query = "\"" + phrase.replace("\"", "") + "\"";
                    java.util.List<String> found = new java.util.ArrayList<>();
                    for (SearchService.SearchHit h : search.search(query, caseNumber, 20)) {
                        if (found.size() < 5 && !SearchService.negated(h.snippet(), h.snippetMarks())) {
                            String line = h.documentTitle() + ", page " + h.page() + ": " + h.snippet();
                            found.add(line);
                            synchronized (quotedPages) {
                                quotedPages.put(line, new QuotedPage(query, h.documentId(), h.page()));
                            }
                        }
                    }
                    return found;
                } catch (Exception e) {
                    return java.util.List.of();
                }
            }

            @Override
            public boolean quotesRecord(String findingMessage) {
                return quoted(findingMessage) != null;
            }

            @Override
            public void showInRecord(String findingMessage) {
                QuotedPage q = quoted(findingMessage);
                if (q != null && recordPane != null) {
                    recordPane.search(q.query(), q.documentId(), q.page());
                }
            }

            @Override
            public void citeGuideline(ItemViewModel item) {
                String request = item.request.get();
                String summary = model.clinicalSummary.get();
                String category = item.category.get();
                // the picker ranks what similar past decisions cited higher (issue 15)
                Background.run(() -> java.util.Map.entry(guidelines.call(),
                        org.reviewdesk.ui.precedent.Precedents.citationBoost(request, summary, category, caseNumber)),
                        lb -> picker(lb.getKey(), item, lb.getValue()).showAndWait().ifPresent(c -> {
                            org.reviewdesk.guideline.GuidelineLibrary lib = lb.getKey();
                            java.util.List<org.reviewdesk.domain.Citation> before = item.citations.get() == null
                                    ? java.util.List.of() : item.citations.get();
                            if (c.equals(before)) {
                                // nothing chosen or changed: the guideline line stays as the reviewer wrote it
                                return;
                            }
                            item.citations.set(c.isEmpty() ? null : c);
                            item.writeReviewerGuideline(org.reviewdesk.guideline.CitationText.reviewer(c, lib));
                        }), t -> Dialogs.error(getScene().getWindow(), "The guideline library could not be read", t));
            }
        };
    }

    private GuidelinePicker picker(org.reviewdesk.guideline.GuidelineLibrary lib, ItemViewModel item,
                                   java.util.Map<String, Double> boost) {
        GuidelinePicker p = new GuidelinePicker(getScene().getWindow(), lib, item.citations.get(),
                item.request.get(), item.category.get(), boost);
        org.reviewdesk.ui.NoTruncation.apply(p);
        return p;
    }

    private RecordPane.ExcerptTarget excerptTarget() {
        return new RecordPane.ExcerptTarget() {
            @Override
            public java.util.List<String> itemNames() {
                return model.items.stream().map(i -> i.request.get()).toList();
            }

            @Override
            public void insertIntoSummary(String sentence) {
                writeSummary(join(model.clinicalSummary.get(), sentence));
            }

            @Override
            public void insertIntoRationale(int item, String sentence) {
                ItemViewModel it = model.items.get(item);
                it.writeRationale(join(it.rationale.get(), sentence));
            }

            @Override
            public void recordChanged(java.util.List<org.reviewdesk.domain.RecordDocument> documents,
                                      java.util.List<org.reviewdesk.domain.Evidence> excerpts) {
                model.recordChanged(documents, excerpts);
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

    private TextArea summaryArea;

    /** The summary changed by the program, as an edit of its text area: Ctrl+Z there takes it back. */
    private void writeSummary(String text) {
        if (summaryArea != null) {
            summaryArea.replaceText(0, summaryArea.getLength(), text);
        } else {
            model.clinicalSummary.set(text);
        }
    }

    private static String join(String text, String sentence) {
        String t = text == null ? "" : text.stripTrailing();
        return t.isEmpty() ? sentence : t + " " + sentence;
    }

    /** Takes back the reviewer's last choice (decision, category, answer); what it was, or null when none is left. */
    public String undoChoice() {
        return choices.undo();
    }

    /** Makes the last choice taken back again; what it was, or null. */
    public String redoChoice() {
        return choices.redo();
    }

    /** The item holding the focus, or -1. */
    private int focusedItem() {
        javafx.scene.Node n = getScene() == null ? null : getScene().getFocusOwner();
        for (; n != null; n = n.getParent()) {
            if (n instanceof ItemEditor e) {
                return itemEditors.indexOf(e);
            }
        }
        return -1;
    }

    /**
     * The item a key of the Item menu acts on: the one holding the focus, else the first undecided one, else the
     * first; -1 when the case has none.
     */
    private int currentItem() {
        int focused = focusedItem();
        if (focused >= 0) {
            return focused;
        }
        for (int i = 0; i < Math.min(itemEditors.size(), model.items.size()); i++) {
            if (model.items.get(i).decision.get() == null) {
                return i;
            }
        }
        return itemEditors.isEmpty() ? -1 : 0;
    }

    /**
     * Presses a builder button of the current item ({@code "draft-"}, {@code "cite-"}, {@code "useSuggestion-"}), as
     * a click would: shown first, and nothing when the button is off (a finalized case) or not offered.
     */
    public void itemAction(String buttonId) {
        int i = currentItem();
        if (i < 0) {
            return;
        }
        showItem(i, false);
        if (itemEditors.get(i).lookup("#" + buttonId + i) instanceof Button b && b.isVisible() && !b.isDisabled()) {
            b.fire();
        }
    }

    /** The next ({@code +1}) or previous ({@code -1}) item: shown and its rationale focused. */
    public void goToItem(int step) {
        int n = itemEditors.size();
        if (n == 0) {
            return;
        }
        int at = focusedItem();
        int next = at < 0 ? (step > 0 ? 0 : n - 1) : Math.max(0, Math.min(n - 1, at + step));
        showItem(next, true);
    }

    /** The items tab selected, the item opened and scrolled to its top, its rationale given the focus if asked. */
    private void showItem(int i, boolean focusRationale) {
        rightTabs.getSelectionModel().select(editTab);
        ItemEditor e = itemEditors.get(i);
        e.setExpanded(true);
        if (editorScroll != null && editorBox != null) {
            editorBox.applyCss();
            editorBox.layout();
            double content = editorBox.getBoundsInLocal().getHeight();
            double viewport = editorScroll.getViewportBounds().getHeight();
            if (content > viewport) {
                editorScroll.setVvalue(Math.min(1, e.getBoundsInParent().getMinY() / (content - viewport)));
            }
        }
        if (focusRationale && e.lookup("#rationale-" + i) instanceof javafx.scene.control.TextArea rationale) {
            rationale.requestFocus();
        }
    }

    /** Runs a record search in this case as soon as the case is shown. */
    public void search(String query) {
        if (recordPane != null) {
            recordPane.search(query);
        } else {
            pendingSearch = query;
        }
    }

    /** The record's page viewer in its own window. */
    public void popOutRecord() {
        if (recordPane != null) {
            recordPane.popOut();
        }
    }

    /** The record full screen. */
    public void fullScreenRecord() {
        if (recordPane != null) {
            recordPane.fullScreen();
        }
    }

    /** F3 in the record. */
    public void nextHit() {
        if (recordPane != null) {
            recordPane.nextHit();
        }
    }

    /** Shift+F3 in the record. */
    public void previousHit() {
        if (recordPane != null) {
            recordPane.previousHit();
        }
    }

    /** Focuses the record search field. */
    public void focusSearch() {
        if (recordPane != null) {
            recordPane.focusSearch();
        }
    }

    /** Records may have been added to this case from outside the window: its document list is read again. */
    public void recordsChangedOutside() {
        if (recordPane != null) {
            recordPane.refresh(null);
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

    /**
     * The window closes without asking (the application is stopped) and its store with it: the pending autosave runs
     * now, on this thread, and no timer is left to run after the store has closed. A failure is logged (without the
     * case's text) and loses only what it could not save.
     */
    public void saveBeforeTheStoreCloses() {
        autosave.stop();
        closeWindows();
        if (!model.dirty.get() || locked()) {
            return;
        }
        try {
            CaseFile edited = model.toCaseFile();
            cases.save(edited);
            model.saved(edited);
        } catch (Exception e) {
            java.util.logging.Logger.getLogger(WorkspacePane.class.getName()).warning("case " + caseNumber
                    + " could not be saved as the window closed: " + e.getClass().getSimpleName());
        }
    }

    /**
     * The case is being replaced by an import the reviewer confirmed: what is on screen is dropped, with no autosave
     * after it (it would write the old case over the imported one).
     */
    public void discard() {
        autosave.stop();
        model.saved(model.toCaseFile());
        closeWindows();
    }

    /** Asks about unsaved changes; false when the reviewer cancels. */
    public boolean confirmClose() {
        if (!model.dirty.get()) {
            return true;
        }
        // the pending autosave waits for the answer: it ran while the question was shown (and after the tab had
        // closed), so "Discard changes" kept them
        autosave.stop();
        var answer = Dialogs.saveChanges(getScene().getWindow(), "case " + caseNumber);
        if (answer.isEmpty()) {
            autosave.playFromStart();
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
