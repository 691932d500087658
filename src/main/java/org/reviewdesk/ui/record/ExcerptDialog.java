package org.reviewdesk.ui.record;

import java.util.List;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;

/** Asks for an excerpt's optional note and the disputed item it supports. */
final class ExcerptDialog extends Dialog<ExcerptDialog.Result> {
    /** The note (or null) and the item index (or null). */
    record Result(String note, Integer item) {
    }

    private static Label label(String text) {
        Label l = new Label(text);
        l.setMinWidth(Label.USE_PREF_SIZE);
        return l;
    }

    ExcerptDialog(Window owner, String document, int page, String quote, List<String> items) {
        initOwner(owner);
        setTitle("Add excerpt");
        setHeaderText(document + ", page " + page);
        getDialogPane().setId("excerptDialog");
        TextArea q = new TextArea(quote);
        q.setEditable(false);
        q.setWrapText(true);
        q.setPrefRowCount(4);
        TextField note = new TextField();
        note.setId("excerptNote");
        note.setPromptText("optional note");
        ComboBox<String> item = new ComboBox<>();
        item.setId("excerptItem");
        item.getItems().add("(no item)");
        for (int i = 0; i < items.size(); i++) {
            item.getItems().add((i + 1) + ". " + items.get(i));
        }
        item.getSelectionModel().select(items.size() == 1 ? 1 : 0);
        GridPane g = new GridPane();
        g.setHgap(8);
        g.setVgap(8);
        g.addRow(0, label("Quote"), q);
        g.addRow(1, label("Note"), note);
        g.addRow(2, label("Supports"), item);
        getDialogPane().setContent(g);
        org.reviewdesk.ui.Dialogs.focusOnShown(this, note);
        getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        setResultConverter(b -> b == ButtonType.OK
                ? new Result(note.getText().isBlank() ? null : note.getText().strip(),
                item.getSelectionModel().getSelectedIndex() <= 0 ? null : item.getSelectionModel().getSelectedIndex() - 1)
                : null);
    }
}
