package org.reviewdesk.ui.workspace;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import javafx.animation.PauseTransition;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.reviewdesk.domain.CaseFile;
import org.reviewdesk.domain.Decision;
import org.reviewdesk.domain.Item;
import org.reviewdesk.guideline.CategorySuggester;
import org.reviewdesk.guideline.Checklist;
import org.reviewdesk.guideline.ChecklistQuestion;
import org.reviewdesk.guideline.Checklists;
import org.reviewdesk.guideline.ConsistencyCheck;
import org.reviewdesk.guideline.ConsistencyChecker;
import org.reviewdesk.guideline.RationaleDraft;
import org.reviewdesk.guideline.RationaleDrafter;
import org.reviewdesk.guideline.RunawayPatternException;
import org.reviewdesk.guideline.Suggestion;
import org.reviewdesk.guideline.TreatmentCategory;
import org.reviewdesk.ui.Background;
import org.reviewdesk.ui.Dialogs;

/**
 * The guided rationale builder of one item: its treatment category, the checklist the reviewer
 * answers, a draft in the reviewers' four-part form, guideline citations, and live consistency checks.
 */
final class BuilderPane extends VBox {
    /** What the builder needs from the workspace. */
    interface Context {
        CaseFile currentCase();

        List<String> findInRecord(String phrase);

        void citeGuideline(ItemViewModel item);

        /** Whether a finding quotes a record page (it then links to that page). */
        default boolean quotesRecord(String findingMessage) {
            return false;
        }

        /** Shows the page the finding quotes in the record beside the builder, the phrase marked. */
        default void showInRecord(String findingMessage) {
        }

        /** The case's undo for choices (decision, category, answers); null where there is none. */
        default ChoiceHistory choices() {
            return null;
        }
    }

    private final int index;
    private final ItemViewModel item;
    private final Context context;
    private final ComboBox<TreatmentCategory> category = new ComboBox<>();
    private final GridPane questions = new GridPane();
    private final Label suggestion = new Label();
    private final VBox suggestionList = new VBox(2);
    private Button useSuggestionButton;
    private final VBox checks = new VBox(4);
    private final PauseTransition recheck = new PauseTransition(Duration.millis(500));
    private Decision suggested;
    private int checkRuns;
    /** Puts a draft into the rationale; the item's editor makes it an edit of its text area that Ctrl+Z undoes. */
    private java.util.function.Consumer<String> rationaleWriter;

    BuilderPane(int index, ItemViewModel item, Context context) {
        this.index = index;
        this.item = item;
        this.context = context;
        this.rationaleWriter = item.rationale::set;
        setSpacing(8);
        setId("builder-" + index);

        category.setId("category-" + index);
        category.getItems().addAll(TreatmentCategory.values());
        category.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(TreatmentCategory c) {
                return c == null ? "" : c.label();
            }

            @Override
            public TreatmentCategory fromString(String s) {
                return null;
            }
        });
        // suggested in its case: a work-up test goes with an operation only where the case has one; none when a
        // pattern of the reviewer's rules.json runs away (reported, the builder opens all the same)
        TreatmentCategory initial = item.category.get() == null
                ? RunawayRules.orElse(this, "The category of item " + (index + 1) + " could not be suggested",
                        "Until then, choose the category yourself.",
                        () -> CategorySuggester.ofItem(context.currentCase(), index, item.toItem()), () -> null)
                : TreatmentCategory.fromKey(item.category.get());
        category.setValue(initial);
        if (context.choices() != null) {
            context.choices().watch(category, "Category of item " + (index + 1));
        }
        // the label above the field, as "Request" is: beside it, a long category squeezed the label to "..."
        // in a 1280 px window
        Label categoryLabel = new Label("Category");
        categoryLabel.getStyleClass().add("text-bold");
        categoryLabel.setMinWidth(Label.USE_PREF_SIZE);
        HBox heading = new HBox(8, categoryLabel);
        if (item.category.get() == null) {
            Label hint = new Label(initial == null ? "not suggested: choose one" : "suggested from the request");
            hint.getStyleClass().add("text-muted");
            hint.setMinWidth(Label.USE_PREF_SIZE);
            category.valueProperty().addListener((o, a, b) -> hint.setText(""));
            heading.getChildren().add(hint);
        }
        heading.setAlignment(Pos.BASELINE_LEFT);
        category.setMaxWidth(Double.MAX_VALUE);
        category.setMinWidth(120);
        getChildren().add(new VBox(4, heading, category));
        category.valueProperty().addListener((o, a, b) -> {
            item.category.set(b == null ? null : b.key());
            buildQuestions();
        });

        questions.setHgap(10);
        questions.setVgap(6);
        questions.setPadding(new Insets(6));
        questions.setId("checklist-" + index);
        // the answers get 40 % of the row, all as wide: a typed answer ("cervical spine") was cut to "cervical spir"
        // in a field squeezed to 110 px at 1280x800, and the yes/no boxes had three widths
        javafx.scene.layout.ColumnConstraints questionColumn = new javafx.scene.layout.ColumnConstraints();
        questionColumn.setPercentWidth(60);
        javafx.scene.layout.ColumnConstraints answerColumn = new javafx.scene.layout.ColumnConstraints();
        answerColumn.setPercentWidth(40);
        answerColumn.setFillWidth(true);
        questions.getColumnConstraints().setAll(questionColumn, answerColumn);
        buildQuestions();
        TitledPane checklist = new TitledPane("Checklist", questions);
        checklist.setExpanded(item.rationale.get() == null || item.rationale.get().isBlank());
        checklist.setId("checklistPane-" + index);

        Button draft = new Button("Draft rationale");
        draft.setId("draft-" + index);
        draft.setOnAction(e -> draft());
        Button cite = new Button("Cite guideline…");
        cite.setId("cite-" + index);
        cite.setOnAction(e -> context.citeGuideline(item));
        Button useSuggestion = new Button("Use suggested decision");
        useSuggestionButton = useSuggestion;
        useSuggestion.setId("useSuggestion-" + index);
        useSuggestion.setOnAction(e -> {
            if (suggested != null) {
                item.decision.set(suggested);
            }
        });
        useSuggestion.setVisible(false);
        suggestion.setId("suggestion-" + index);
        suggestion.setWrapText(true);
        for (Button b : List.of(draft, cite, useSuggestion)) {
            b.setMinWidth(Button.USE_PREF_SIZE);
        }
        javafx.scene.layout.FlowPane actions = new javafx.scene.layout.FlowPane(8, 6, draft, cite, useSuggestion);
        actions.setAlignment(Pos.CENTER_LEFT);

        checks.setId("checks-" + index);
        Label checksTitle = new Label("Consistency checks");
        checksTitle.getStyleClass().add("text-bold");
        suggestionList.setId("suggestionList-" + index);
        suggestionList.setPadding(new Insets(0, 0, 0, 12));
        getChildren().addAll(checklist, actions, suggestion, suggestionList, checksTitle, checks);

        recheck.setOnFinished(e -> runChecks());
        // the checklist's answers and the category count too (answers that contradict each other, a count over the
        // limit): they were not listened to, so their findings waited for the next edit of the text
        for (javafx.beans.Observable o : List.of(item.rationale, item.decision, item.reviewerGuideline,
                item.request, item.citations, item.answers, item.category)) {
            o.addListener(x -> recheck.playFromStart());
        }
        // a word added to the reviewer's dictionary: its spelling finding goes (weakly held: the dictionary outlives
        // the case's tab)
        SpellingMenu.wordsAdded().addListener(new javafx.beans.WeakInvalidationListener(dictionaryListener));
        runChecks();
    }

    private void buildQuestions() {
        questions.getChildren().clear();
        TreatmentCategory c = category.getValue() == null ? TreatmentCategory.OTHER : category.getValue();
        String request = item.request.get();
        Checklist list = RunawayRules.orElse(this, "The checklist of item " + (index + 1) + " could not be chosen",
                "Until then, the builder shows the general checklist.", () -> Checklists.forItem(c, request),
                () -> Checklists.forItem(TreatmentCategory.OTHER, null));
        int row = 0;
        for (ChecklistQuestion q : list.questions()) {
            Label text = new Label(q.text());
            text.setWrapText(true);
            text.setMaxWidth(330);
            if (!q.help().isEmpty()) {
                text.setTooltip(new javafx.scene.control.Tooltip(q.help()));
            }
            Control input = input(q);
            input.setId("q-" + index + "-" + q.key());
            input.setMaxWidth(Double.MAX_VALUE);
            questions.addRow(row++, text, input);
        }
    }

    private Control input(ChecklistQuestion q) {
        Object current = item.answers.get(q.key());
        switch (q.kind()) {
            case YES_NO, YES_NO_UNKNOWN -> {
                ComboBox<String> box = new ComboBox<>();
                box.getItems().addAll(q.kind() == ChecklistQuestion.Kind.YES_NO ? List.of("yes", "no")
                        : List.of("yes", "no", "unknown", "not applicable"));
                if (current != null) {
                    box.setValue(current instanceof Boolean b ? (b ? "yes" : "no") : current.toString());
                }
                box.valueProperty().addListener((o, a, b) -> put(q.key(), b));
                if (context.choices() != null) {
                    context.choices().watch(box, "Checklist answer of item " + (index + 1));
                }
                return box;
            }
            case NUMBER -> {
                TextField f = new TextField(current == null ? "" : current.toString());
                f.setPrefColumnCount(5);
                f.textProperty().addListener((o, a, b) -> {
                    try {
                        put(q.key(), b.isBlank() ? null : Integer.valueOf(b.strip()));
                    } catch (NumberFormatException e) {
                        // not a number yet: keep the previous answer until it is
                    }
                });
                return f;
            }
            default -> {
                TextField f = new TextField(current == null ? "" : current.toString());
                f.setPrefColumnCount(14);
                f.textProperty().addListener((o, a, b) -> put(q.key(), b.isBlank() ? null : b));
                return f;
            }
        }
    }

    private void put(String key, Object value) {
        if (value == null) {
            item.answers.remove(key);
        } else {
            item.answers.put(key, value);
        }
    }

    /** Drafts the rationale from the answers; an edited rationale is replaced only when the reviewer says so. */
    private void draft() {
        Item current = item.toItem();
        Map<String, Object> answers = new LinkedHashMap<>(item.answers);
        RationaleDraft d;
        try {
            d = RationaleDrafter.draft(context.currentCase(), index, current, answers, null);
        } catch (RunawayPatternException e) {
            RunawayRules.report(this, "The rationale could not be drafted", "Your rationale is unchanged.", e);
            return;
        }
        showSuggestion(d.suggestion());
        String existing = item.rationale.get();
        if (existing != null && !existing.isBlank() && !existing.equals(d.text())) {
            Alert a = new Alert(Alert.AlertType.CONFIRMATION, "The rationale already has text. Replace it with the "
                    + "draft? (Ctrl+Z in the rationale brings your text back.)", ButtonType.YES, ButtonType.NO);
            a.initOwner(getScene().getWindow());
            a.setHeaderText("Replace the rationale?");
            a.getDialogPane().setId("replaceRationale");
            if (a.showAndWait().filter(ButtonType.YES::equals).isEmpty()) {
                return;
            }
        }
        rationaleWriter.accept(d.text());
    }

    /** How a draft is written into the rationale (its text area's undoable replace; by default the text is set). */
    void rationaleWriter(java.util.function.Consumer<String> writer) {
        this.rationaleWriter = writer;
    }

    /** The suggestion as one readable sentence and a short list (unmet, met, or the open questions). */
    private void showSuggestion(Suggestion s) {
        suggested = s.decision();
        suggestion.setText(s.sentence());
        suggestion.getStyleClass().removeAll("warning", "text-bold");
        suggestion.getStyleClass().add(s.kind() == Suggestion.Kind.CANNOT_SUGGEST ? "warning" : "text-bold");
        List<Label> rows = new ArrayList<>();
        for (String line : s.list().subList(0, Math.min(6, s.list().size()))) {
            // a statement reads alone ("Requested 12 visits exceed ..."); a question keeps what its answer counted
            // as ("Not met: Are remaining objective functional deficits documented?"), else it read as a reason
            Label l = new Label("• " + (line.endsWith("?") ? line
                    : line.replaceFirst("^(Not met|Against|Met|Sufficient on its own): ", "")));
            l.setWrapText(true);
            rows.add(l);
        }
        if (s.list().size() > 6) {
            rows.add(new Label("and " + (s.list().size() - 6) + " more"));
        }
        suggestionList.getChildren().setAll(rows);
        useSuggestionButton.setVisible(suggested != null);
    }

    private final javafx.beans.InvalidationListener dictionaryListener = x -> recheck.playFromStart();

    private void runChecks() {
        CaseFile c = context.currentCase();
        Item current = item.toItem();
        int run = ++checkRuns;
        Background.run(() -> ConsistencyChecker.check(c, current, index, context::findInRecord), found -> {
            if (run != checkRuns) {
                // A later edit started a newer check: this result is stale (it may finish last on a busy machine).
                return;
            }
            List<javafx.scene.control.Labeled> labels = new ArrayList<>();
            for (ConsistencyCheck k : found) {
                Label l = new Label(symbol(k) + " " + k.message());
                l.setWrapText(true);
                l.getStyleClass().add(k.severity() == ConsistencyCheck.Severity.ERROR ? "danger"
                        : k.severity() == ConsistencyCheck.Severity.WARNING ? "warning" : "text-muted");
                l.setUserData(k.key());
                labels.add(l);
                if (context.quotesRecord(k.message())) {
                    // the page the finding quotes, one click away (the record search marks the phrase on it)
                    javafx.scene.control.Hyperlink show = new javafx.scene.control.Hyperlink("Show the page in "
                            + "the record");
                    show.setId("showInRecord-" + index);
                    show.setMinWidth(javafx.scene.control.Hyperlink.USE_PREF_SIZE);
                    show.setOnAction(e -> context.showInRecord(k.message()));
                    labels.add(show);
                }
            }
            if (labels.isEmpty()) {
                Label ok = new Label("✓ No problems found.");
                ok.getStyleClass().add("success");
                labels.add(ok);
            }
            checks.getChildren().setAll(labels);
            item.errors.set((int) found.stream().filter(k -> k.severity() == ConsistencyCheck.Severity.ERROR).count());
            item.warnings.set((int) found.stream().filter(k -> k.severity() == ConsistencyCheck.Severity.WARNING)
                    .count());
        }, t -> {
            if (run != checkRuns) {
                return;
            }
            // a pattern of rules.json that runs away says so here at every edit, never in a dialog
            Label failed = new Label("The checks could not run: " + (t instanceof RunawayPatternException r
                    ? RunawayRules.message(r, "") : Dialogs.reasonForLabel(t)));
            failed.setWrapText(true);
            failed.getStyleClass().add("warning");
            checks.getChildren().setAll(failed);
        });
    }

    private static String symbol(ConsistencyCheck k) {
        return switch (k.severity()) {
            case ERROR -> "✖";
            case WARNING -> "⚠";
            default -> "ℹ";
        };
    }
}
