package org.reviewdesk.ui.workspace;

import java.io.File;
import java.nio.file.Files;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.TextInputDialog;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.reviewdesk.service.LetterNotReadyException;
import org.reviewdesk.service.LetterService;
import org.reviewdesk.service.RecordService;
import org.reviewdesk.ui.Background;
import org.reviewdesk.ui.Dialogs;

/** Sign & Export: completeness check, signing identity, signature, file. */
final class LetterActions {
    /** What the case lacks, and whether a signing identity is there. */
    private record Readiness(List<String> missing, boolean hasIdentity, List<String> neverOpened,
                             List<org.reviewdesk.guideline.ConsistencyCheck> checks) {
    }

    private final LetterService letters;
    private final RecordService records;
    private final Window owner;

    LetterActions(LetterService letters, RecordService records, Window owner) {
        this.letters = letters;
        this.records = records;
        this.owner = owner;
    }

    static File chooseTarget(Window owner, String suggested) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export the determination letter");
        chooser.setInitialFileName(suggested);
        java.io.File home = new java.io.File(System.getProperty("user.home"));
        java.io.File documents = new java.io.File(home, "Documents");
        chooser.setInitialDirectory(documents.isDirectory() ? documents : home);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("PDF documents", "*.pdf"));
        return chooser.showSaveDialog(owner);
    }

    static void info(Window owner, String title, String text) {
        Alert a = new Alert(Alert.AlertType.INFORMATION, text, ButtonType.OK);
        a.initOwner(owner);
        a.setTitle(title);
        a.setHeaderText(title);
        a.getDialogPane().setId("infoDialog");
        a.showAndWait();
    }

    void signAndExport(String caseNumber, Consumer<Runnable> saveThen, Runnable afterSigning) {
        saveThen.accept(() -> Background.run(() -> {
            List<String> missing = letters.missing(caseNumber);
            return new Readiness(missing, missing.isEmpty() && letters.storedIdentity().isPresent(),
                    records.neverOpened(caseNumber), missing.isEmpty() ? letters.consistency(caseNumber, null)
                    : List.of());
        }, state -> {
            if (!state.missing().isEmpty()) {
                notReady(new LetterNotReadyException(state.missing()));
                return;
            }
            List<String> errors = state.checks().stream().filter(k -> k.severity()
                    == org.reviewdesk.guideline.ConsistencyCheck.Severity.ERROR).map(k -> k.message()).toList();
            if (!errors.isEmpty()) {
                notReady(new LetterNotReadyException(errors));
                return;
            }
            List<String> warnings = state.checks().stream().map(k -> k.message()).toList();
            if (!warnings.isEmpty() && !Dialogs.confirm(owner, "Consistency warnings",
                    "• " + String.join("\n• ", warnings) + "\n\nSign anyway?", "Sign anyway")) {
                return;
            }
            if (!state.neverOpened().isEmpty() && !Dialogs.confirm(owner, "Documents never opened",
                    "You have not opened these documents of the record:\n• " + String.join("\n• ",
                            state.neverOpened()) + "\n\nA rationale that says something is not documented "
                            + "must rest on the whole record. Sign anyway?", "Sign anyway")) {
                return;
            }
            if (!state.hasIdentity() && !offerIdentity()) {
                return;
            }
            File target = chooseTarget(owner, caseNumber + "-determination.pdf");
            if (target == null) {
                return;
            }
            Background.run(() -> {
                LetterService.SignedLetter s = letters.sign(caseNumber, null);
                org.reviewdesk.files.PrivateFiles.writeAtomically(target.toPath(), s.pdf());
                return s;
            }, s -> {
                afterSigning.run();
                info(owner, "Letter signed", "Signed by " + s.signer() + ", decision date " + s.decisionDate()
                        + ".\nWritten to " + target + "\nSHA-256 " + s.sha256()
                        + "\nThe signed letter is kept with the case.");
            }, t -> {
                if (t instanceof LetterNotReadyException n) {
                    notReady(n);
                } else {
                    Dialogs.error(owner, "The letter could not be signed", t);
                }
            });
        }, t -> Dialogs.error(owner, "The case could not be checked", t)));
    }

    void showNotReady(LetterNotReadyException n) {
        notReady(n);
    }

    private void notReady(LetterNotReadyException n) {
        Alert a = new Alert(Alert.AlertType.WARNING, "• " + String.join("\n• ", n.missing()), ButtonType.OK);
        a.initOwner(owner);
        a.setTitle("Not ready to sign");
        a.setHeaderText("The letter cannot be signed until these are done:");
        a.getDialogPane().setId("notReadyDialog");
        a.showAndWait();
    }

    /** No identity yet: offers to create a self-signed one now. True when one exists afterwards. */
    private boolean offerIdentity() {
        String name = "";
        try {
            name = letters.profile().signerName();
        } catch (Exception ignored) {
            // an unreadable profile only means no suggestion
        }
        TextInputDialog d = new TextInputDialog(name);
        d.initOwner(owner);
        d.setTitle("Signing identity");
        d.setHeaderText("You have no signing identity yet.\nCreate a self-signed one now? (Settings can import a "
                + "PKCS#12 certificate instead.)");
        d.setContentText("Name or reviewer ID shown in the signature:");
        Optional<String> chosen = d.showAndWait().map(String::strip).filter(s -> !s.isEmpty());
        if (chosen.isEmpty()) {
            return false;
        }
        try {
            letters.createIdentity(chosen.get());
            return true;
        } catch (Exception e) {
            Dialogs.error(owner, "The signing identity could not be created", e);
            return false;
        }
    }
}
