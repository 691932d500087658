package org.reviewdesk.ui.workspace;

import javafx.geometry.Insets;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.TextArea;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.VBox;
import org.reviewdesk.domain.Decision;

/** The editor of one disputed item: request, decision, the two guideline lines and the rationale. */
final class ItemEditor extends TitledPane {
    ItemEditor(int index, ItemViewModel item, String shortName, BuilderPane.Context context) {
        setId("item-" + index);
        textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> (index + 1) + ". "
                + shorten(item.request.get()) + decisionSuffix(item.decision.get()), item.request, item.decision));

        ComboBox<Decision> decision = new ComboBox<>();
        decision.setId("decision-" + index);
        decision.getItems().addAll(null, Decision.UPHELD, Decision.OVERTURNED);
        decision.valueProperty().bindBidirectional(item.decision);
        decision.setButtonCell(new DecisionCell());
        decision.setCellFactory(lv -> new DecisionCell());

        TextArea request = area("request-" + index, 2);
        request.textProperty().bindBidirectional(item.request);
        TextArea ca = area("caGuideline-" + index, 3);
        ca.textProperty().bindBidirectional(item.claimsAdministratorGuideline);
        TextArea reviewer = area("reviewerGuideline-" + index, 3);
        reviewer.textProperty().bindBidirectional(item.reviewerGuideline);
        TextArea rationale = area("rationale-" + index, 10);
        rationale.textProperty().bindBidirectional(item.rationale);

        VBox box = new VBox(6,
                label("Request"), request,
                label("Decision"), decision,
                label("Claims Administrator guideline"), ca,
                label(shortName + " guideline"), reviewer,
                label("Decision rationale"), rationale,
                new javafx.scene.control.Separator(),
                new BuilderPane(index, item, context),
                new org.reviewdesk.ui.precedent.SimilarDecisionsPane(index, item.request, item.category,
                        context::currentCase, (cited, line) -> {
                            item.citations.set(cited.isEmpty() ? null : cited);
                            item.reviewerGuideline.set(line == null ? "" : line);
                        }));
        box.setPadding(new Insets(8));
        setContent(box);
        setExpanded(true);
        setMinWidth(0);
        setMaxWidth(Double.MAX_VALUE);
    }

    private static String shorten(String s) {
        String t = s == null ? "" : s.strip();
        return t.length() > 90 ? t.substring(0, 87) + "…" : t;
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
