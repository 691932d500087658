package org.reviewdesk.ui;

import java.io.File;
import java.nio.file.Path;
import java.util.Optional;
import javafx.application.HostServices;
import javafx.geometry.Insets;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.reviewdesk.service.Workbench;

/** E-mail and archive actions of the window, on the case shown. */
final class DeliveryActions {
    private final Workbench workbench;
    private final Window owner;
    private final HostServices host;

    DeliveryActions(Workbench workbench, Window owner, HostServices host) {
        this.workbench = workbench;
        this.owner = owner;
        this.host = host;
    }

    /** Asks for the recipient, writes the draft and opens it in the mail client, or sends it. */
    void email(String caseNumber) {
        Background.run(() -> new Object[] {workbench.delivery().defaultRecipient(),
                workbench.letters().signedStamp(caseNumber).map(org.reviewdesk.service.LetterService.SignedStamp::sha256)
                        .orElse(null)}, v -> {
            String recipient = (String) v[0];
            String sha = (String) v[1];
            Dialog<ButtonType> d = new Dialog<>();
            d.initOwner(owner);
            d.setTitle("E-mail the signed letter");
            d.setHeaderText("Case " + caseNumber + ": the signed letter as an attachment");
            d.getDialogPane().setId("emailDialog");
            TextField to = new TextField(recipient);
            to.setId("emailTo");
            to.setPromptText("recipient@example.org");
            to.setPrefColumnCount(30);
            GridPane g = new GridPane();
            g.setHgap(8);
            g.setPadding(new Insets(8));
            g.setVgap(8);
            g.addRow(0, new Label("To"), to);
            // what goes out, so the reviewer can compare it with the letter they signed
            Label subject = new Label("IMR determination " + caseNumber);
            subject.setId("emailSubject");
            Label attached = new Label(sha == null ? "No signed letter yet: sign the letter first (Sign & Export)."
                    : caseNumber + "-determination.pdf (the signed letter, SHA-256 " + sha.substring(0, 12) + "…)");
            attached.setId("emailAttachment");
            attached.setWrapText(true);
            if (sha == null) {
                attached.getStyleClass().add("warning");
            }
            g.addRow(1, new Label("Subject"), subject);
            g.addRow(2, new Label("Attached"), attached);
            d.getDialogPane().setContent(g);
            Dialogs.focusOnShown(d, to);
            ButtonType draft = new ButtonType("Save draft and open it", ButtonBar.ButtonData.OK_DONE);
            ButtonType send = new ButtonType("Send now", ButtonBar.ButtonData.OTHER);
            d.getDialogPane().getButtonTypes().addAll(draft, send, ButtonType.CANCEL);
            // no recipient, nothing to do: the buttons wait for one (they closed the dialog and did nothing)
            for (ButtonType b : java.util.List.of(draft, send)) {
                d.getDialogPane().lookupButton(b).disableProperty().bind(javafx.beans.binding.Bindings
                        .createBooleanBinding(() -> to.getText() == null || to.getText().isBlank(), to.textProperty()));
            }
            NoTruncation.apply(d);
            Optional<ButtonType> r = d.showAndWait();
            if (r.isEmpty() || r.get() == ButtonType.CANCEL || to.getText().isBlank()) {
                return;
            }
            FileChooser chooser = new FileChooser();
            chooser.setTitle("Save the e-mail draft");
            chooser.setInitialFileName(caseNumber + ".eml");
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("E-mail", "*.eml"));
            File f = org.reviewdesk.ui.FilePicks.save(chooser, owner);
            if (f == null) {
                return;
            }
            boolean now = r.get() == send;
            String address = to.getText().strip();
            Jobs.start((now ? "Sending the letter of " : "Writing the e-mail draft of ") + caseNumber, false,
                    progress -> {
                        progress.update(now ? "to " + address : "Writing", 0, 0);
                        return workbench.delivery().deliver(caseNumber, address, f.toPath(), now);
                    },
                    result -> {
                        if (now && result.sent()) {
                            info("Letter sent", "Sent to " + to.getText().strip() + ". The draft is also in " + f + ".");
                        } else if (now) {
                            Dialogs.error(owner, "The letter was not sent", new Exception(result.problem()));
                        } else {
                            // the mail program may not be registered: say where the draft is either way
                            try {
                                host.showDocument(f.toURI().toString());
                            } catch (RuntimeException e) {
                                // reported below
                            }
                            info("E-mail draft saved", "The draft with the signed letter attached is in " + f
                                    + ".\nIt is being opened in your mail program; if none opens, open that "
                                    + "file with your mail program, or use Send now (Settings: SMTP server).\n"
                                    + "The draft is not encrypted (it holds the letter as sent): delete it once the "
                                    + "e-mail has gone.");
                        }
                    }, t -> Dialogs.error(owner, "The e-mail could not be prepared", t), () -> { });
        }, t -> Dialogs.error(owner, "The settings could not be read", t));
    }

    /** Asks for a bundle password (or a plain bundle) and a file, archives, and offers to remove the records. */
    void archive(String caseNumber, Runnable after) {
        Dialog<ButtonType> d = new Dialog<>();
        d.initOwner(owner);
        d.setTitle("Archive case " + caseNumber);
        d.setHeaderText("An archive bundle: the case file, its records, the signed letter and a manifest of "
                + "SHA-256 hashes.");
        PasswordField pw = new PasswordField();
        pw.setId("bundlePassword");
        PasswordField again = new PasswordField();
        CheckBox plain = new CheckBox("Plain bundle, not encrypted (it holds patient data in the clear)");
        pw.disableProperty().bind(plain.selectedProperty());
        again.disableProperty().bind(plain.selectedProperty());
        CheckBox remove = new CheckBox("After the verified archive, remove the case's record files from the store");
        GridPane g = new GridPane();
        g.setHgap(8);
        g.setVgap(8);
        g.addRow(0, new Label("Bundle password"), pw);
        g.addRow(1, new Label("Repeat"), again);
        g.add(plain, 1, 2);
        g.add(remove, 1, 3);
        d.getDialogPane().setContent(g);
        d.getDialogPane().setId("archiveDialog");
        Dialogs.focusOnShown(d, pw);
        d.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        plain.setWrapText(true);
        remove.setWrapText(true);
        plain.setMaxWidth(440);
        remove.setMaxWidth(440);
        Label header = new Label(d.getHeaderText());
        header.setWrapText(true);
        header.setMaxWidth(560);
        header.setMinHeight(Label.USE_PREF_SIZE);
        header.getStyleClass().add("text-bold");
        d.getDialogPane().setHeader(new javafx.scene.layout.StackPane(header));
        ((javafx.scene.layout.StackPane) d.getDialogPane().getHeader()).setPadding(new Insets(12));
        NoTruncation.apply(d);
        // the two passwords are compared as they are typed: a mismatch was said after the dialog had closed, and
        // the reviewer started over
        again.setId("bundlePasswordAgain");
        Label mismatch = new Label("Enter the same bundle password twice.");
        mismatch.setId("bundlePasswordMismatch");
        mismatch.getStyleClass().add("text-muted");
        g.add(mismatch, 1, 4);
        javafx.beans.binding.BooleanBinding ready = plain.selectedProperty().or(pw.textProperty().isNotEmpty()
                .and(pw.textProperty().isEqualTo(again.textProperty())));
        mismatch.visibleProperty().bind(ready.not());
        d.getDialogPane().lookupButton(ButtonType.OK).disableProperty().bind(ready.not());
        if (d.showAndWait().filter(ButtonType.OK::equals).isEmpty()) {
            return;
        }
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Save the archive bundle");
        chooser.setInitialFileName(caseNumber + "-archive.zip");
        File f = org.reviewdesk.ui.FilePicks.save(chooser, owner);
        if (f == null) {
            return;
        }
        char[] password = plain.isSelected() ? null : pw.getText().toCharArray();
        boolean removeRecords = remove.isSelected();
        Jobs.start("Archiving " + caseNumber, true, progress -> {
            Path out = workbench.archives().archive(caseNumber, f.toPath(), password, progress);
            if (removeRecords) {
                workbench.archives().removeRecords(caseNumber);
            }
            return out;
        }, out -> {
            after.run();
            // the status line too: it still told of the finalize after the dialog closed
            Toasts.status("Case " + caseNumber + " archived: " + out.getFileName() + " written and verified.");
            info("Case archived", "The bundle was written and verified: " + out);
        }, t -> Dialogs.error(owner, "The case could not be archived", t),
                () -> Toasts.show(owner, "Archiving " + caseNumber + " was stopped: no bundle was written and the "
                        + "case is as it was."));
    }

    private void info(String title, String text) {
        Alert a = new Alert(Alert.AlertType.INFORMATION, text, ButtonType.OK);
        a.initOwner(owner);
        a.setHeaderText(title);
        a.showAndWait();
    }
}
