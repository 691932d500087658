package org.reviewdesk.ui.record;

import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;
import org.reviewdesk.domain.DocumentKind;
import org.reviewdesk.domain.RecordDocument;

/** Edits a record document's title, kind, date and author (suggested at import, often worth correcting). */
final class DocumentDetailsDialog extends Dialog<RecordDocument> {
    DocumentDetailsDialog(Window owner, RecordDocument d) {
        initOwner(owner);
        setTitle("Document details");
        setHeaderText(d.file());
        getDialogPane().setId("documentDetails");
        TextField title = new TextField(d.title());
        title.setId("docTitle");
        title.setPrefColumnCount(36);
        ComboBox<DocumentKind> kind = new ComboBox<>();
        kind.getItems().addAll(DocumentKind.values());
        kind.setValue(d.kind() == null ? DocumentKind.OTHER : d.kind());
        kind.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(DocumentKind k) {
                return k == null ? "" : k.label();
            }

            @Override
            public DocumentKind fromString(String s) {
                return null;
            }
        });
        DatePicker date = new DatePicker(d.date());
        date.setId("docDate");
        TextField author = new TextField(d.author());
        author.setId("docAuthor");
        GridPane g = new GridPane();
        g.getColumnConstraints().add(new javafx.scene.layout.ColumnConstraints(70));
        g.setHgap(8);
        g.setVgap(8);
        g.addRow(0, new Label("Title"), title);
        g.addRow(1, new Label("Kind"), kind);
        g.addRow(2, new Label("Date"), date);
        g.addRow(3, new Label("Author"), author);
        getDialogPane().setContent(g);
        getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        setResultConverter(b -> b == ButtonType.OK ? new RecordDocument(d.id(), blankToNull(title.getText()),
                kind.getValue(), date.getValue(), blankToNull(author.getText()), d.file(), d.sha256()) : null);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
