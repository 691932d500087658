package org.reviewdesk.ui;

import java.io.File;
import java.nio.file.Files;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.TextArea;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.reviewdesk.service.LetterService;

/** Verify a signed PDF: who signed, when, and whether the document is intact. */
final class VerifyAction {
    private VerifyAction() {
    }

    static void run(Window owner) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Verify a signed PDF");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("PDF documents", "*.pdf"));
        File f = chooser.showOpenDialog(owner);
        if (f == null) {
            return;
        }
        Background.run(() -> LetterService.verify(Files.readAllBytes(f.toPath())), report -> {
            boolean ok = report.allValid();
            Alert a = new Alert(ok ? Alert.AlertType.INFORMATION : Alert.AlertType.ERROR, null, ButtonType.OK);
            a.initOwner(owner);
            a.setTitle("Signature check");
            a.setHeaderText(ok ? "Every signature is valid and covers the whole document."
                    : report.signatures().isEmpty() ? "This PDF carries no signature."
                    : "A signature is NOT valid, or the document was changed after signing.");
            TextArea text = new TextArea(f.getName() + "\n\n" + report.toText());
            text.setEditable(false);
            text.setWrapText(true);
            text.setPrefRowCount(12);
            a.getDialogPane().setContent(text);
            a.showAndWait();
        }, t -> Dialogs.error(owner, "The PDF could not be checked", t));
    }
}
