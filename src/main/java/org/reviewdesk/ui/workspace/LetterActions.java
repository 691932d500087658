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
        return org.reviewdesk.ui.FilePicks.save(chooser, owner);
    }

    static void info(Window owner, String title, String text) {
        Alert a = new Alert(Alert.AlertType.INFORMATION, text, ButtonType.OK);
        a.initOwner(owner);
        a.setTitle(title);
        a.setHeaderText(title);
        a.getDialogPane().setId("infoDialog");
        a.showAndWait();
    }

    /** Everything the signing dialog shows, gathered in the background. */
    private record Checks(List<String> blocking, List<SigningDialog.Warning> warnings, boolean hasIdentity,
                          String profileName, boolean hasSignedLetter, String signedAt, Boolean signedMatches) {
    }

    /** "today 09:14", or "12/2/2026 09:14" for another day: when a letter was signed, in this computer's zone. */
    static String when(java.time.OffsetDateTime at) {
        java.time.LocalDateTime local = at.atZoneSameInstant(java.time.ZoneId.systemDefault()).toLocalDateTime();
        return (local.toLocalDate().equals(java.time.LocalDate.now()) ? "today "
                : java.time.format.DateTimeFormatter.ofPattern("M/d/yyyy ").format(local))
                + java.time.format.DateTimeFormatter.ofPattern("HH:mm").format(local);
    }

    /** What Finalize does with the letter, as the dialog says it before the reviewer confirms. */
    static String finalizeNote(Checks state) {
        String then = "The case then becomes read-only; later changes go into an amendment, and the signed original "
                + "is kept.";
        if (!state.hasSignedLetter()) {
            return "The letter is signed with your identity. " + then;
        }
        if (Boolean.TRUE.equals(state.signedMatches())) {
            return "The letter you signed " + state.signedAt() + " still matches the case: it is the letter kept, "
                    + "not signed again. " + then;
        }
        if (Boolean.FALSE.equals(state.signedMatches())) {
            return "The case has changed since you signed the letter " + state.signedAt() + ": Finalize signs it "
                    + "again, and a copy you saved then is no longer the final letter. " + then;
        }
        return "The letter you signed is kept if the case has not changed since; otherwise it is signed again. "
                + then;
    }

    private Checks gather(String caseNumber, String credentialsDifference) throws Exception {
        List<String> blocking = new java.util.ArrayList<>(letters.missing(caseNumber));
        List<SigningDialog.Warning> warnings = new java.util.ArrayList<>();
        if (blocking.isEmpty()) {
            for (var k : letters.signingChecks(caseNumber)) {
                if (k.severity() == org.reviewdesk.guideline.ConsistencyCheck.Severity.ERROR) {
                    blocking.add(k.message());
                } else {
                    warnings.add(new SigningDialog.Warning(k.key(), k.message()));
                }
            }
        }
        List<String> neverOpened = records.neverOpened(caseNumber);
        if (!neverOpened.isEmpty()) {
            warnings.add(new SigningDialog.Warning("never-opened", "You have not opened these documents of the "
                    + "record: " + String.join("; ", neverOpened) + ". A rationale that says something is not "
                    + "documented must rest on the whole record."));
        }
        if (credentialsDifference != null) {
            warnings.add(new SigningDialog.Warning("credentials", credentialsDifference));
        }
        List<String> gaps = letters.headerGaps(caseNumber);
        if (!gaps.isEmpty()) {
            warnings.add(new SigningDialog.Warning("header-dates", "The letter's header has no "
                    + String.join(", ", gaps) + " date" + (gaps.size() == 1 ? "" : "s") + " (the case has none); "
                    + "real IMR letters print each."));
        }
        String name = "";
        try {
            name = letters.profile().signerName();
        } catch (Exception ignored) {
            // an unreadable profile only means no suggestion
        }
        var stamp = letters.signedStamp(caseNumber);
        Boolean matches = null;
        if (stamp.isPresent()) {
            try {
                matches = letters.matchingSignedLetter(caseNumber, null).isPresent();
            } catch (Exception e) {
                // the signing identity could not be read: the dialog says what Finalize does in either case
            }
        }
        return new Checks(blocking, warnings, letters.storedIdentity().isPresent(), name, stamp.isPresent(),
                stamp.map(t -> when(t.at())).orElse(null), matches);
    }

    /**
     * Sign & Export: saves, shows every check in one dialog (errors block, each warning ticked),
     * then signs once and writes the file; the signed letter is kept with the case.
     */
    void signAndExport(String caseNumber, Consumer<Runnable> saveThen,
                       java.util.function.Supplier<String> credentialsDifference, Runnable afterSigning) {
        saveThen.accept(() -> Background.run(() -> gather(caseNumber, credentialsDifference.get()), state -> {
            SigningDialog d = new SigningDialog(owner, "Sign & Export case " + caseNumber, "Sign and save…",
                    state.blocking(), state.warnings(), state.hasIdentity(), state.profileName(),
                    "Signing puts your digital signature on the letter; you then choose where to save the PDF. "
                            + "The signed letter is kept with the case.");
            Optional<String> answer = d.showAndWait();
            if (answer.isEmpty()) {
                return;
            }
            File target = chooseTarget(owner, caseNumber + "-determination.pdf");
            if (target == null) {
                return;
            }
            Background.run(() -> {
                letters.requireOutsideDataFolder(target.toPath());
                if (!answer.get().isEmpty()) {
                    letters.createIdentity(answer.get());
                }
                LetterService.SignedLetter s = letters.sign(caseNumber, null);
                try {
                    org.reviewdesk.files.PrivateFiles.writeAtomically(target.toPath(), s.pdf());
                    return java.util.Map.entry(s, java.util.Optional.<Exception>empty());
                } catch (java.io.IOException | RuntimeException e) {
                    // signed and kept with the case all the same: only the copy in the chosen folder is missing
                    return java.util.Map.entry(s, java.util.Optional.<Exception>of(e));
                }
            }, done -> {
                LetterService.SignedLetter s = done.getKey();
                afterSigning.run();
                if (done.getValue().isPresent()) {
                    Dialogs.error(owner, "The letter is signed and kept with the case, but it could not be saved to "
                            + target.getName() + ". Save a copy with Save signed letter…", done.getValue().get());
                    return;
                }
                org.reviewdesk.ui.Toasts.show(owner, "Letter signed by " + s.signer() + " and saved to "
                        + target.getName() + " (SHA-256 " + s.sha256().substring(0, 12) + "…); kept with the case.");
            }, t -> {
                if (t instanceof LetterNotReadyException n) {
                    notReady(n);
                } else {
                    Dialogs.error(owner, "The letter could not be signed", t);
                }
            });
        }, t -> Dialogs.error(owner, "The case could not be checked", t)));
    }

    /**
     * Finalize: the same dialog; then the case is locked with the signed letter kept from Sign &
     * Export when it still matches the case, or signed again (and said so) when something changed.
     */
    void finalizeCase(String caseNumber, Consumer<Runnable> saveThen,
                      java.util.function.Supplier<String> credentialsDifference,
                      Consumer<LetterService.SignedLetter> afterFinalizing, Consumer<Boolean> finalizing) {
        saveThen.accept(() -> Background.run(() -> gather(caseNumber, credentialsDifference.get()), state -> {
            SigningDialog d = new SigningDialog(owner, "Finalize case " + caseNumber, "Finalize",
                    state.blocking(), state.warnings(), state.hasIdentity(), state.profileName(),
                    finalizeNote(state));
            Optional<String> answer = d.showAndWait();
            if (answer.isEmpty()) {
                return;
            }
            // nothing is typed into the case while it is being locked: it would not be in the letter, and its
            // autosave would be refused once the case is finalized
            finalizing.accept(true);
            Background.run(() -> {
                if (!answer.get().isEmpty()) {
                    letters.createIdentity(answer.get());
                }
                return letters.finalizeCase(caseNumber, null);
            }, s -> {
                finalizing.accept(false);
                afterFinalizing.accept(s);
                org.reviewdesk.ui.Toasts.show(owner, "Case " + caseNumber + " finalized and read-only. " + (s.reused()
                        ? "The signed letter you exported is the one kept (same SHA-256 " + s.sha256().substring(0, 12)
                        + "…)." : state.hasSignedLetter() ? "The case had changed since the letter was signed, so it "
                        + "was signed again (SHA-256 " + s.sha256().substring(0, 12) + "…); export it again for "
                        + "the new version." : "Signed by " + s.signer() + " (SHA-256 " + s.sha256().substring(0, 12)
                        + "…)."));
            }, t -> {
                finalizing.accept(false);
                if (t instanceof LetterNotReadyException n) {
                    notReady(n);
                } else {
                    Dialogs.error(owner, "The case could not be finalized", t);
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
}
