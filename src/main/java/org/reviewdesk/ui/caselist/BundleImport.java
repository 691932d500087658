package org.reviewdesk.ui.caselist;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.reviewdesk.domain.CaseFile;
import org.reviewdesk.service.ArchiveService;
import org.reviewdesk.service.LetterService;
import org.reviewdesk.ui.Background;
import org.reviewdesk.ui.Dialogs;

/**
 * Imports an archive bundle from the window: asks for its password, and when the bundle is intact but
 * signed by someone the store does not trust, shows the signer and the certificate's fingerprint and asks
 * whether to trust the signer for good, for this import only, or not at all.
 */
final class BundleImport {
    /** What the reviewer chose about an untrusted signer. */
    enum TrustChoice { ALWAYS, ONCE, CANCEL }

    static final String TRUST_ALWAYS = "Trust this signer and import";
    static final String TRUST_ONCE = "Import, trust this once";

    private final Window owner;
    private final ArchiveService archives;
    private final LetterService letters;
    private final Consumer<CaseFile> done;
    private final Consumer<String> beforeReplace;

    BundleImport(Window owner, ArchiveService archives, LetterService letters, Consumer<CaseFile> done,
            Consumer<String> beforeReplace) {
        this.owner = owner;
        this.archives = archives;
        this.letters = letters;
        this.done = done;
        this.beforeReplace = beforeReplace;
    }

    void start(Path bundle) {
        Background.run(() -> archives.isEncrypted(bundle), encrypted -> {
            char[] password = null;
            if (encrypted) {
                Optional<char[]> pw = askPassword(bundle);
                if (pw.isEmpty()) {
                    return;
                }
                password = pw.get();
            }
            char[] pw = password;
            // ask before replacing a case the store has (the bundle is read and checked once for its number)
            org.reviewdesk.ui.Jobs.start("Checking " + bundle.getFileName(), true, progress -> {
                String number = archives.bundleCaseNumber(bundle, pw, progress);
                return archives.caseExists(number) ? Optional.of(number) : Optional.<String>empty();
            }, found -> {
                String existing = found.orElse(null);
                if (existing != null && !Dialogs.confirm(owner, "Case " + existing + " is already in the store",
                        "Replace the stored case " + existing + " with the one in the bundle " + bundle.getFileName()
                                + "? The reviewer's work on the stored case will be lost.", "Replace")) {
                    return;
                }
                if (existing != null) {
                    beforeReplace.accept(existing);
                }
                attempt(bundle, pw, existing != null, List.of());
            }, t -> Dialogs.error(owner, "The bundle could not be imported", t), this::stopped);
        }, t -> Dialogs.error(owner, "The bundle could not be imported", t));
    }

    private void attempt(Path bundle, char[] password, boolean replace,
                         List<java.security.cert.X509Certificate> extra) {
        // a replacing import is not stopped: the tab of the case it replaces was closed, its unsaved edits dropped
        org.reviewdesk.ui.Jobs.start("Importing " + bundle.getFileName(), !replace,
                progress -> archives.importBundle(bundle, password, replace, extra, progress), done, t -> {
            if (t.getCause() instanceof ArchiveService.BundleTrustException e
                    && e.certificate() != null) {
                switch (askTrust(bundle, e)) {
                    case ALWAYS -> Background.run(() -> letters.trust(e.certificate(),
                                    "trusted when importing the bundle " + bundle.getFileName()),
                            added -> attempt(bundle, password, replace, extra),
                            x -> Dialogs.error(owner, "The signer could not be trusted", x));
                    case ONCE -> {
                        List<java.security.cert.X509Certificate> more = new java.util.ArrayList<>(extra);
                        more.add(e.certificate());
                        attempt(bundle, password, replace, more);
                    }
                    case CANCEL -> { }
                }
                return;
            }
            Dialogs.error(owner, "The bundle could not be imported", t);
        }, this::stopped);
    }

    private void stopped() {
        org.reviewdesk.ui.Toasts.show(owner, "The bundle's import was stopped: nothing of it was stored.");
    }

    private Optional<char[]> askPassword(Path bundle) {
        Dialog<ButtonType> d = new Dialog<>();
        d.initOwner(owner);
        d.setTitle("Import archive bundle");
        d.setHeaderText("The bundle " + bundle.getFileName() + " is encrypted.");
        PasswordField pw = new PasswordField();
        pw.setId("bundleImportPassword");
        pw.setPromptText("Bundle password");
        VBox box = new VBox(8, new Label("Bundle password"), pw);
        box.setPadding(new Insets(8));
        d.getDialogPane().setContent(box);
        d.getDialogPane().setId("bundlePasswordDialog");
        d.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        javafx.application.Platform.runLater(pw::requestFocus);
        if (d.showAndWait().filter(ButtonType.OK::equals).isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(pw.getText().toCharArray());
    }

    private TrustChoice askTrust(Path bundle, ArchiveService.BundleTrustException e) {
        ButtonType always = new ButtonType(TRUST_ALWAYS, ButtonBar.ButtonData.OK_DONE);
        ButtonType once = new ButtonType(TRUST_ONCE, ButtonBar.ButtonData.OTHER);
        Alert a = new Alert(Alert.AlertType.WARNING, "", always, once, ButtonType.CANCEL);
        a.initOwner(owner);
        a.setTitle("Signer not trusted");
        a.setHeaderText("The bundle " + bundle.getFileName() + " is intact, but its signer is not trusted");
        Label text = new Label("Signed by: " + org.reviewdesk.files.Escape.controls(e.signer())
                + "\nCertificate SHA-256 fingerprint:\n" + e.fingerprint()
                + "\n\nEvery file of the bundle matches its signed manifest, and the letter's signature is intact."
                + " Whether the signer is who they say cannot be told from the bundle: compare this fingerprint"
                + " with the one the signer reads out to you (by phone, not from the same e-mail) before you"
                + " trust it.");
        text.setWrapText(true);
        text.setMaxWidth(560);
        text.setMinHeight(Label.USE_PREF_SIZE);
        Label fp = new Label(e.fingerprint());
        fp.setId("bundleSignerFingerprint");
        fp.setVisible(false);
        fp.setManaged(false);
        a.getDialogPane().setContent(new VBox(text, fp));
        a.getDialogPane().setId("bundleTrustDialog");
        org.reviewdesk.ui.NoTruncation.apply(a);
        Optional<ButtonType> r = a.showAndWait();
        if (r.isEmpty()) {
            return TrustChoice.CANCEL;
        }
        return r.get() == always ? TrustChoice.ALWAYS : r.get() == once ? TrustChoice.ONCE : TrustChoice.CANCEL;
    }
}
