package org.reviewdesk.ui.workspace;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.reviewdesk.domain.Citation;
import org.reviewdesk.guideline.CitationText;
import org.reviewdesk.guideline.GuidelineLibrary;
import org.reviewdesk.guideline.SearchHit;

/** A searchable picker of guideline library entries; the chosen ones become the item's citations. */
final class GuidelinePicker extends Dialog<List<Citation>> {
    private final GuidelineLibrary library;
    private final ObservableList<SearchHit> hits = FXCollections.observableArrayList();
    private final ObservableList<Citation> chosen = FXCollections.observableArrayList();
    private final Label preview = new Label();

    GuidelinePicker(Window owner, GuidelineLibrary library, List<Citation> current, String initialQuery) {
        this(owner, library, current, null, null, initialQuery, Map.of());
    }

    /**
     * Opens on the entries that govern an item: ranked by its request, treatment category and body part,
     * MTUS first ({@link org.reviewdesk.guideline.GuidelineRanker}); typed words re-rank in the item's
     * context. {@code boost} raises entries by id (empty for none).
     */
    GuidelinePicker(Window owner, GuidelineLibrary library, List<Citation> current, String request,
            String categoryKey, Map<String, Double> boost) {
        this(owner, library, current, request, categoryKey, "", boost);
    }

    private GuidelinePicker(Window owner, GuidelineLibrary library, List<Citation> current, String request,
            String categoryKey, String initialQuery, Map<String, Double> boost) {
        this.library = library;
        initOwner(owner);
        setTitle("Cite guidelines");
        setHeaderText("The entries that govern this item come first (MTUS before other sources). Type to "
                + "search the library; double-click or press Enter to cite.");
        getDialogPane().setId("guidelinePicker");
        if (current != null) {
            chosen.addAll(current);
        }
        TextField query = new TextField(initialQuery);
        query.setId("guidelineQuery");
        query.setPromptText("e.g. physical medicine, opioids, ODG low back");
        ListView<SearchHit> list = new ListView<>(hits);
        list.setId("guidelineHits");
        list.setPrefSize(640, 230);
        list.setCellFactory(lv -> new ListCell<>() {
            // long visit limits wrap within the list's width instead of running off its right edge
            private final Label text = new Label();

            {
                text.setWrapText(true);
                text.prefWidthProperty().bind(lv.widthProperty().subtract(36));
                text.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
                setPrefWidth(0);
            }

            @Override
            protected void updateItem(SearchHit h, boolean empty) {
                super.updateItem(h, empty);
                if (empty || h == null) {
                    setText(null);
                    setGraphic(null);
                    return;
                }
                String limits = h.section() != null && h.section().limits() != null ? h.section().limits()
                        : h.entry().limits();
                String kind = h.entry().kind() == org.reviewdesk.guideline.GuidelineKind.MTUS ? "MTUS " : "";
                int aliases = library.ranker().aliasesOf(h).size();
                text.setText(kind + h.entry().name() + (h.section() == null ? "" : ", " + h.section().name())
                        + (limits == null ? "" : "\n  " + limits)
                        + (aliases == 0 ? "" : "\n  also cited under " + aliases + " other spelling"
                        + (aliases == 1 ? "" : "s") + " in past letters"));
                setText(null);
                setGraphic(text);
            }
        });
        list.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2 && list.getSelectionModel().getSelectedItem() != null) {
                add(list.getSelectionModel().getSelectedItem());
            }
        });
        ListView<Citation> cited = new ListView<>(chosen);
        cited.setId("chosenCitations");
        cited.setPrefHeight(80);
        cited.setCellFactory(lv -> new ListCell<>() {
            @Override
            protected void updateItem(Citation c, boolean empty) {
                super.updateItem(c, empty);
                setText(empty || c == null ? null : CitationText.sentence(c, library));
            }
        });
        Button remove = new Button("Remove");
        remove.setOnAction(e -> chosen.remove(cited.getSelectionModel().getSelectedItem()));
        preview.setWrapText(true);
        preview.setMaxWidth(640);
        javafx.scene.layout.HBox.setHgrow(cited, javafx.scene.layout.Priority.ALWAYS);
        cited.setPrefWidth(540);
        preview.setId("citationPreview");
        // a pattern of the reviewer's rules.json that runs away: reported once, then the library's plain search
        boolean[] plain = {request == null && categoryKey == null};
        java.util.function.Function<String, List<SearchHit>> rank = q -> {
            if (!plain[0]) {
                try {
                    return library.ranker().rank(q, request, categoryKey, boost);
                } catch (org.reviewdesk.guideline.RunawayPatternException e) {
                    plain[0] = true;
                    javafx.application.Platform.runLater(() -> RunawayRules.report(getDialogPane(),
                            "The guidelines could not be ranked for this item", "Until then, this dialog lists "
                                    + "what the words you type find, without the item's ranking.", e));
                }
            }
            return library.search(q);
        };
        query.textProperty().addListener((o, a, b) -> {
            hits.setAll(rank.apply(b));
            list.getSelectionModel().selectFirst();
        });
        hits.setAll(rank.apply(initialQuery == null ? "" : initialQuery));
        list.getSelectionModel().selectFirst();
        list.setOnKeyPressed(e -> {
            if (e.getCode() == javafx.scene.input.KeyCode.ENTER && list.getSelectionModel().getSelectedItem() != null) {
                add(list.getSelectionModel().getSelectedItem());
            }
        });
        chosen.addListener((javafx.collections.ListChangeListener<Citation>) c -> updatePreview());
        updatePreview();
        // A topic the library lacks: cited as free text under its ODG chapter (reads back as written).
        javafx.scene.control.ComboBox<org.reviewdesk.guideline.GuidelineEntry> chapter =
                new javafx.scene.control.ComboBox<>(FXCollections.observableArrayList(library.chapters()));
        chapter.setId("freeTextChapter");
        chapter.setPromptText("chapter");
        chapter.setMaxWidth(Double.MAX_VALUE);
        chapter.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(org.reviewdesk.guideline.GuidelineEntry e) {
                return e == null ? "" : e.name().replaceFirst("^Official Disability Guidelines(?: \\(ODG\\))?,? ", "ODG ");
            }

            @Override
            public org.reviewdesk.guideline.GuidelineEntry fromString(String s) {
                return null;
            }
        });
        hits.stream().map(SearchHit::entry).filter(GuidelineLibrary::isChapter).findFirst()
                .ifPresent(chapter::setValue);
        TextField topic = new TextField();
        topic.setId("freeTextTopic");
        topic.setPromptText("topic, as the guideline names it");
        HBox.setHgrow(topic, javafx.scene.layout.Priority.ALWAYS);
        Button freeText = new Button("Cite");
        freeText.setId("citeFreeText");
        freeText.disableProperty().bind(chapter.valueProperty().isNull().or(topic.textProperty().isEmpty()));
        freeText.setOnAction(e -> {
            Citation c = new Citation(chapter.getValue().id(), List.of(topic.getText().strip()), null);
            if (!topic.getText().isBlank() && !chosen.contains(c)) {
                chosen.add(c);
            }
        });
        // Enter after typing a topic cites it (it closed the dialog without it)
        topic.setOnAction(e -> {
            if (!freeText.isDisabled()) {
                freeText.fire();
            }
        });
        VBox box = new VBox(8, query, list, new Label("Not in the library: cite a topic of a chapter as free text"),
                chapter, new HBox(8, topic, freeText), new Label("Cited"), new HBox(8, cited, remove),
                new Label("Text"), preview);
        getDialogPane().setContent(box);
        // "Type to search the library": the search field has the focus
        org.reviewdesk.ui.Dialogs.focusOnShown(this, query);
        // Without this a dialog on Linux can open shorter than its content and cut off OK/Cancel.
        getDialogPane().setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        setResultConverter(b -> b == ButtonType.OK ? new ArrayList<>(chosen) : null);
        // "press Enter to cite": Enter in the search field cites the highlighted entry and closes the dialog (it
        // closed it without citing); Enter in the list cites and stays, for another
        query.setOnAction(e -> {
            SearchHit h = list.getSelectionModel().getSelectedItem();
            if (h != null) {
                add(h);
            }
            ((javafx.scene.control.Button) getDialogPane().lookupButton(ButtonType.OK)).fire();
        });
    }

    private void add(SearchHit h) {
        Citation c = new Citation(h.entry().id(), h.section() == null ? null : List.of(h.section().name()), null);
        if (!chosen.contains(c)) {
            chosen.add(c);
        }
    }

    private void updatePreview() {
        preview.setText(CitationText.reviewer(new ArrayList<>(chosen), library));
    }
}
