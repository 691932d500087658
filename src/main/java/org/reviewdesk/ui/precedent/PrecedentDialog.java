package org.reviewdesk.ui.precedent;

import javafx.geometry.Insets;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.reviewdesk.precedent.Precedent;
import org.reviewdesk.precedent.PrecedentItem;

/** A precedent read whole: header dates, the clinical case summary, and every item with its rationale. */
final class PrecedentDialog {
    private PrecedentDialog() {
    }

    static void show(Window owner, Precedent p, int focusItem) {
        Dialog<Void> d = new Dialog<>();
        d.initOwner(owner);
        d.setResizable(true);
        d.setTitle(p.caseNumber() + " (" + p.source().label() + ")");
        d.setHeaderText(p.caseNumber() + (p.decisionDate() == null ? "" : ", decided " + p.decisionDate())
                + (p.specialty() == null ? "" : ", reviewer specialty: " + p.specialty()));
        d.getDialogPane().setId("precedentDialog");
        VBox box = new VBox(8);
        box.setPadding(new Insets(8));
        box.getChildren().add(meta("Date assigned: " + orDash(p.dateAssigned()) + "    Date of injury: "
                + orDash(p.dateOfInjury()) + "    UR denial date: " + orDash(p.urDenialDate())));
        box.getChildren().add(heading("Clinical case summary"));
        box.getChildren().add(text(p.clinicalSummary(), "precedentSummary"));
        for (PrecedentItem i : p.items()) {
            Label h = heading(i.position() + ". " + i.request() + ": " + i.decision().label());
            h.setId("precedentItem-" + i.position());
            if (i.position() == focusItem) {
                h.setStyle("-fx-font-weight: bold; -fx-underline: true;");
            }
            box.getChildren().add(h);
            if (i.claimsAdministratorGuideline() != null) {
                box.getChildren().add(meta("Claims Administrator guideline: " + i.claimsAdministratorGuideline()));
            }
            if (i.reviewerGuideline() != null) {
                box.getChildren().add(meta("Reviewer's guideline: " + i.reviewerGuideline()));
            }
            box.getChildren().add(text(i.rationale(), "precedentRationale-" + i.position()));
        }
        ScrollPane scroll = new ScrollPane(box);
        scroll.setFitToWidth(true);
        scroll.setPrefSize(820, 620);
        scroll.setMinWidth(560);
        d.getDialogPane().setContent(scroll);
        d.getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
        d.show();
    }

    private static String orDash(Object o) {
        return o == null ? "–" : o.toString();
    }

    private static Label heading(String s) {
        Label l = new Label(s);
        l.setWrapText(true);
        l.getStyleClass().add("text-bold");
        return l;
    }

    private static Label meta(String s) {
        Label l = new Label(s);
        l.setWrapText(true);
        l.getStyleClass().add("text-muted");
        return l;
    }

    private static TextArea text(String s, String id) {
        TextArea a = new TextArea(s == null ? "" : s);
        a.setId(id);
        a.setEditable(false);
        a.setWrapText(true);
        int lines = s == null ? 1 : Math.max(2, Math.min(30, s.length() / 75 + 2));
        a.setPrefRowCount(lines);
        return a;
    }
}
