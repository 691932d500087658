package org.reviewdesk.ui.workspace;

import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.TextArea;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.reviewdesk.domain.Decision;

/**
 * The editor of one disputed item, in working order: the request, the builder (category,
 * checklist, Draft, Cite), then the decision, the two guideline lines and the rationale, and the
 * checks of what was written. The header carries the item's check badges. Other panels (such as
 * similar decisions) mount under it with {@link #addSection}.
 */
final class ItemEditor extends TitledPane {
    private final VBox box;
    private final Label badge = new Label();

    ItemEditor(int index, ItemViewModel item, String shortName, BuilderPane.Context context) {
        setId("item-" + index);
        Label title = new Label();
        title.setId("itemTitle-" + index);
        title.setWrapText(true);
        title.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> (index + 1) + ". "
                + strip(item.request.get()) + decisionSuffix(item.decision.get()), item.request, item.decision));
        title.maxWidthProperty().bind(widthProperty().subtract(110));
        badge.setId("itemBadge-" + index);
        badge.setMinWidth(Label.USE_PREF_SIZE);
        javafx.beans.InvalidationListener counts = o -> showBadge(item);
        item.errors.addListener(counts);
        item.warnings.addListener(counts);
        showBadge(item);
        HBox header = new HBox(8, title, badge);
        header.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        setGraphic(header);
        setText(null);

        ComboBox<Decision> decision = new ComboBox<>();
        decision.setId("decision-" + index);
        decision.getItems().addAll(null, Decision.UPHELD, Decision.OVERTURNED);
        decision.valueProperty().bindBidirectional(item.decision);
        decision.setButtonCell(new DecisionCell());
        decision.setCellFactory(lv -> new DecisionCell());
        if (context.choices() != null) {
            context.choices().watch(decision, "Decision of item " + (index + 1));
        }

        TextArea request = area("request-" + index, 2);
        request.textProperty().bindBidirectional(item.request);
        TextArea ca = area("caGuideline-" + index, 3);
        ca.textProperty().bindBidirectional(item.claimsAdministratorGuideline);
        TextArea reviewer = area("reviewerGuideline-" + index, 3);
        reviewer.textProperty().bindBidirectional(item.reviewerGuideline);
        TextArea rationale = area("rationale-" + index, 10);
        rationale.textProperty().bindBidirectional(item.rationale);
        SpellingMenu.install(rationale);

        BuilderPane builder = new BuilderPane(index, item, context);
        // a draft replaces the rationale as an edit of the text area: Ctrl+Z there brings the reviewer's text back,
        // as the replace question promises (setting the text cleared the undo history)
        builder.rationaleWriter(text -> rationale.replaceText(0, rationale.getLength(), text));
        item.writers(text -> reviewer.replaceText(0, reviewer.getLength(), text),
                text -> rationale.replaceText(0, rationale.getLength(), text));
        // the checks judge what is written: they follow the rationale, not precede it
        Node checks = builder.lookup("#checks-" + index);
        Node checksTitle = null;
        int at = builder.getChildren().indexOf(checks);
        if (at > 0) {
            checksTitle = builder.getChildren().get(at - 1);
            builder.getChildren().removeAll(checksTitle, checks);
        }
        box = new VBox(6,
                label("Request"), request,
                builder,
                new javafx.scene.control.Separator(),
                label("Decision"), decision,
                label("Claims Administrator guideline"), ca,
                label(shortName + " guideline"), reviewer,
                label("Decision rationale"), rationale);
        if (checksTitle != null) {
            box.getChildren().addAll(checksTitle, checks);
        }
        box.getChildren().add(new org.reviewdesk.ui.precedent.SimilarDecisionsPane(index, item.request, item.category,
                context::currentCase, (cited, line) -> {
                    item.citations.set(cited.isEmpty() ? null : cited);
                    item.writeReviewerGuideline(line);
                }));
        box.setPadding(new Insets(8));
        for (Node n : box.getChildren()) {
            NoScrollTrap.install(n);
        }
        setContent(box);
        setExpanded(true);
        setMinWidth(0);
        setMaxWidth(Double.MAX_VALUE);
    }

    /** Adds a section under the item (after its checks), e.g. a panel of similar decisions. */
    void addSection(Node section) {
        box.getChildren().add(section);
    }

    private void showBadge(ItemViewModel item) {
        int e = item.errors.get();
        int w = item.warnings.get();
        badge.getStyleClass().removeAll("danger", "warning", "success");
        if (e > 0) {
            badge.setText("✖ " + e + (w > 0 ? "  ⚠ " + w : ""));
            badge.getStyleClass().add("danger");
        } else if (w > 0) {
            badge.setText("⚠ " + w);
            badge.getStyleClass().add("warning");
        } else {
            badge.setText("✓");
            badge.getStyleClass().add("success");
        }
        badge.setTooltip(new javafx.scene.control.Tooltip(e + (e == 1 ? " error, " : " errors, ") + w
                + (w == 1 ? " warning" : " warnings") + " in this item's checks"));
    }

    private static String strip(String s) {
        return s == null ? "" : s.strip();
    }

    private static String decisionSuffix(Decision d) {
        return d == null ? " — undecided" : " — " + d.label();
    }

    private static Label label(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("text-bold");
        return l;
    }

    private static TextArea area(String id, int rows) {
        TextArea a = new TextArea();
        a.setId(id);
        a.setWrapText(true);
        a.setPrefRowCount(rows);
        a.setPrefColumnCount(24);
        a.setMinWidth(120);
        return a;
    }

    /** Shows "Undecided" for the empty choice. */
    private static final class DecisionCell extends ListCell<Decision> {
        @Override
        protected void updateItem(Decision d, boolean empty) {
            super.updateItem(d, empty);
            setText(empty ? null : d == null ? "Undecided" : d.label());
        }
    }
}
