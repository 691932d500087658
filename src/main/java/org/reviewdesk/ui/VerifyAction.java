package org.reviewdesk.ui;

import java.io.File;
import java.nio.file.Files;
import java.util.List;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.TextArea;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.reviewdesk.letter.sign.SignatureCheck;
import org.reviewdesk.service.LetterService;
import org.reviewdesk.service.Workbench;

/**
 * Verify a signed PDF: whether it is intact (unchanged since signing, nothing added) and whether its
 * signer is trusted (the store's trust list), shown as VALID, INTACT, SIGNER NOT TRUSTED or INVALID.
 */
final class VerifyAction {
    private VerifyAction() {
    }

    static void run(Window owner) {
        run(owner, null);
    }

    /** With an unlocked store, its trust list decides who is trusted; without one nobody is. */
    static void run(Window owner, Workbench workbench) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Verify a signed PDF");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("PDF documents", "*.pdf"));
        File f = org.reviewdesk.ui.FilePicks.open(chooser, owner);
        if (f == null) {
            return;
        }
        Background.run(() -> {
            byte[] pdf = org.reviewdesk.files.SmallFiles.read(f.toPath(), "a signed letter",
                    org.reviewdesk.files.SmallFiles.MAX_VERIFIED_PDF_BYTES);
            return workbench == null ? LetterService.verify(pdf) : workbench.letters().verifyTrusted(pdf, List.of());
        }, report -> result(owner, f.getName(), report).showAndWait(),
                t -> Dialogs.error(owner, "The PDF could not be checked", t));
    }

    /** The verdict and the report of {@code fileName}, as shown after the check. */
    static Alert result(Window owner, String fileName, org.reviewdesk.letter.sign.VerificationReport report) {
        SignatureCheck.Verdict verdict = report.verdict();
        Alert a = new Alert(verdict == SignatureCheck.Verdict.VALID ? Alert.AlertType.INFORMATION
                : verdict == SignatureCheck.Verdict.INTACT_UNTRUSTED ? Alert.AlertType.WARNING
                : Alert.AlertType.ERROR, null, ButtonType.OK);
        a.initOwner(owner);
        a.setTitle("Signature check");
        a.setHeaderText(report.signatures().isEmpty() ? "INVALID: this PDF carries no signature."
                : switch (verdict) {
                    case VALID -> "VALID: intact, covers the whole document, and the signer is trusted.";
                    case INTACT_UNTRUSTED -> "INTACT, SIGNER NOT TRUSTED: unchanged since signing, but the "
                            + "certificate is not in your trust list. Compare its SHA-256 fingerprint with "
                            + "the signer's before relying on the name.";
                    default -> "INVALID: a signature is not valid, or the document was changed after signing.";
                });
        TextArea text = new TextArea(fileName + "\n\n" + report.toText());
        text.setId("verifyReport");
        text.setEditable(false);
        text.setWrapText(true);
        text.setPrefRowCount(14);
        a.getDialogPane().setContent(text);
        a.getDialogPane().setPrefWidth(640);
        return a;
    }
}
