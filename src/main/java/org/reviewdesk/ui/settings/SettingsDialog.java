package org.reviewdesk.ui.settings;

import java.io.File;
import java.nio.file.Files;
import java.util.Optional;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputDialog;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.reviewdesk.service.LetterService;
import org.reviewdesk.service.ReviewerProfile;
import org.reviewdesk.ui.Background;
import org.reviewdesk.ui.Dialogs;

/** The reviewer profile (signature name, credentials), the signing identity and letter options. */
public final class SettingsDialog extends Dialog<ButtonType> {
    private final LetterService letters;
    private final TextField signerName = new TextField();
    private final TextField licensure = new TextField();
    private final TextField specialties = new TextField();
    private final TextField timestampUrl = new TextField();
    private final TextField affiliations = new TextField();
    private final Label identity = new Label("…");
    private final Label logo = new Label();
    private final TextField backupDir = new TextField();
    private final TextField backupKeep = new TextField("10");
    private final TextField smtpHost = new TextField();
    private final TextField smtpPort = new TextField("587");
    private final TextField smtpUser = new TextField();
    private final PasswordField smtpPassword = new PasswordField();
    private final javafx.scene.control.ComboBox<String> smtpSecurity = new javafx.scene.control.ComboBox<>();
    private final TextField smtpFrom = new TextField();
    private final org.reviewdesk.service.Workbench workbench;

    public SettingsDialog(Window owner, org.reviewdesk.service.Workbench workbench) {
        this.workbench = workbench;
        this.letters = workbench.letters();
        initOwner(owner);
        setTitle("Settings");
        setHeaderText("Reviewer profile and signing");
        getDialogPane().setId("settingsDialog");
        backupKeep.setId("backupKeep");
        smtpHost.setId("smtpHost");
        smtpPort.setId("smtpPort");
        signerName.setId("signerName");
        signerName.setPromptText("Your name, or your reviewer ID");
        licensure.setId("licensure");
        licensure.setPromptText("e.g. California, Texas");
        specialties.setId("specialties");
        specialties.setPromptText("e.g. Family Practice");
        affiliations.setId("affiliations");
        affiliations.setPromptText("employers, insurers, practices you are linked to; separated by ;");
        timestampUrl.setPromptText("optional RFC 3161 server, e.g. http://timestamp.example.org");
        identity.setId("identityStatus");
        identity.setWrapText(true);

        Button create = new Button("Create self-signed…");
        create.setOnAction(e -> createIdentity());
        Button importP12 = new Button("Import PKCS#12…");
        importP12.setOnAction(e -> importIdentity());
        Button chooseLogo = new Button("Choose logo…");
        chooseLogo.setOnAction(e -> chooseLogo());
        Button clearLogo = new Button("No logo");
        clearLogo.setOnAction(e -> saveLogo(null));

        GridPane g = new GridPane();
        g.setHgap(10);
        g.setVgap(8);
        g.setPadding(new Insets(10));
        int r = 0;
        g.addRow(r++, new Label("Name in the signature"), signerName);
        g.addRow(r++, new Label("State(s) of licensure"), licensure);
        g.addRow(r++, new Label("Certification(s)/specialty"), specialties);
        g.addRow(r++, new Label("Declared affiliations"), affiliations);
        g.addRow(r++, new Label("Time-stamp server"), timestampUrl);
        g.addRow(r++, new Label("Signing identity"), identity);
        g.add(new HBox(8, create, importP12), 1, r++);
        g.addRow(r++, new Label("Letterhead logo"), new HBox(8, logo, chooseLogo, clearLogo));
        smtpSecurity.getItems().addAll("STARTTLS", "TLS", "NONE");
        smtpSecurity.setValue("STARTTLS");
        backupDir.setPromptText("a folder for daily backups (and one on exit); default: the data folder's backups");
        backupKeep.setPrefColumnCount(4);
        smtpHost.setPromptText("smtp.example.org");
        smtpPort.setPrefColumnCount(5);
        g.addRow(r++, new Label("Backup folder"), row(backupDir, new Label("keep"), backupKeep));
        g.addRow(r++, new Label("SMTP server"), row(smtpHost, new Label("port"), smtpPort, smtpSecurity));
        g.addRow(r++, new Label("SMTP user"), row(smtpUser, new Label("password"), smtpPassword));
        g.addRow(r++, new Label("Send as"), smtpFrom);
        Button editWords = new Button("Edit…");
        editWords.setId("editDictionary");
        editWords.setOnAction(e -> editDictionary());
        dictionaryCount.setId("dictionaryCount");
        g.addRow(r++, new Label("My dictionary"), row(dictionaryCount, editWords));
        Label note = new Label("Credentials are printed in letters of cases that carry none of their own.");
        note.getStyleClass().add("text-muted");
        g.add(note, 0, r, 2, 1);
        signerName.setPrefColumnCount(30);
        // a grid whose label column grows to its longest label; the fields take the rest
        javafx.scene.layout.ColumnConstraints labels = new javafx.scene.layout.ColumnConstraints();
        labels.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        javafx.scene.layout.ColumnConstraints fields = new javafx.scene.layout.ColumnConstraints();
        fields.setHgrow(javafx.scene.layout.Priority.ALWAYS);
        fields.setFillWidth(true);
        g.getColumnConstraints().setAll(labels, fields);
        for (TextField f : java.util.List.of(backupDir, smtpHost, smtpUser)) {
            HBox.setHgrow(f, javafx.scene.layout.Priority.ALWAYS);
        }
        identity.setMaxWidth(520);
        Label passwordRule = new Label("The store password itself is changed from the command line "
                + "(reviewdesk passwd).");
        passwordRule.getStyleClass().add("text-muted");
        g.add(passwordRule, 0, r + 1, 2, 1);
        Label invalid = new Label();
        invalid.setId("settingsInvalid");
        invalid.getStyleClass().add("danger");
        invalid.setWrapText(true);
        g.add(invalid, 0, r + 2, 2, 1);
        getDialogPane().setContent(g);
        getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        // checked here, before OK: a port that is no number was said after the dialog had closed (as the raw
        // "For input string"), with the profile saved and the mail settings lost; and OK before the settings were
        // read saved empty fields over the profile
        javafx.beans.binding.StringBinding problem = javafx.beans.binding.Bindings.createStringBinding(
                this::problem, backupKeep.textProperty(), smtpHost.textProperty(), smtpPort.textProperty());
        invalid.textProperty().bind(problem);
        javafx.scene.Node ok = getDialogPane().lookupButton(ButtonType.OK);
        ok.disableProperty().bind(problem.isNotEmpty().or(loaded.lessThan(2)));
        org.reviewdesk.ui.NoTruncation.apply(this);
        setResultConverter(b -> {
            if (b == ButtonType.OK) {
                save();
            }
            return b;
        });
        load();
    }

    /** The two reads of the settings, done (OK waits for both). */
    private final javafx.beans.property.IntegerProperty loaded = new javafx.beans.property.SimpleIntegerProperty();

    /** What is wrong with the fields, or "" when they can be saved. */
    private String problem() {
        String keep = backupKeep.getText().strip();
        if (!keep.isEmpty() && !keep.matches("\\d{1,4}") || keep.matches("0+")) {
            return "Backups to keep: a whole number from 1 to 9999.";
        }
        if (!smtpHost.getText().isBlank()) {
            String port = smtpPort.getText().strip();
            if (!port.matches("\\d{1,5}") || Integer.parseInt(port) < 1 || Integer.parseInt(port) > 65535) {
                return "SMTP port: a number from 1 to 65535 (587 for STARTTLS, 465 for TLS).";
            }
        }
        return "";
    }

    private final Label dictionaryCount = new Label("…");

    private void showDictionaryCount(java.util.List<String> words) {
        dictionaryCount.setText(words.isEmpty() ? "no words of your own (the spelling check's \"Add to my "
                + "dictionary\" puts them here)" : words.size() == 1 ? "1 word" : words.size() + " words");
    }

    /** The reviewer's own words, one a line: the spelling checks accept them. Saved at this dialog's OK. */
    private void editDictionary() {
        Background.run(workbench::ownWords, words -> {
            Dialog<ButtonType> d = new Dialog<>();
            d.initOwner(getDialogPane().getScene().getWindow());
            d.setTitle("My dictionary");
            d.setHeaderText("Words the spelling check accepts, one a line (kept in the encrypted store; saved at "
                    + "this OK).");
            javafx.scene.control.TextArea list = new javafx.scene.control.TextArea(String.join("\n", words));
            list.setId("dictionaryWords");
            list.setPrefRowCount(14);
            list.setPrefColumnCount(30);
            d.getDialogPane().setContent(list);
            d.getDialogPane().setId("dictionaryDialog");
            d.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
            org.reviewdesk.ui.Dialogs.focusOnShown(d, list);
            Label wrong = new Label();
            wrong.setId("dictionaryProblem");
            wrong.getStyleClass().add("danger");
            wrong.setWrapText(true);
            d.getDialogPane().setContent(new javafx.scene.layout.VBox(6, list, wrong));
            // checked before the dialog closes: a line of two words kept the dialog's text only until OK
            d.getDialogPane().lookupButton(ButtonType.OK).addEventFilter(javafx.event.ActionEvent.ACTION, e -> {
                String bad = org.reviewdesk.service.Workbench.notOneWord(list.getText().lines().toList());
                if (bad != null) {
                    wrong.setText("\u201c" + bad + "\u201d is not one word: one word a line.");
                    e.consume();
                }
            });
            org.reviewdesk.ui.NoTruncation.apply(d);
            if (d.showAndWait().filter(ButtonType.OK::equals).isEmpty()) {
                return;
            }
            java.util.List<String> edited = list.getText().lines().toList();
            Background.run(() -> {
                workbench.saveOwnWords(edited);
                return workbench.ownWords();
            }, saved -> {
                showDictionaryCount(saved);
                org.reviewdesk.ui.workspace.SpellingMenu.added();
            }, t -> Dialogs.error(d.getOwner(), "The dictionary was not saved", t));
        }, t -> Dialogs.error(getDialogPane().getScene().getWindow(), "The dictionary could not be read", t));
    }

    private void loadMore() {
        Background.run(workbench::ownWords, this::showDictionaryCount,
                t -> dictionaryCount.setText("could not be read: " + Dialogs.reasonForLabel(t)));
        Background.run(() -> new Object[] {workbench.backupPlan(), workbench.delivery().smtp()}, v -> {
            var plan = (org.reviewdesk.service.Workbench.BackupPlan) v[0];
            backupDir.setText(plan.dir() == null ? "" : plan.dir().toString());
            backupKeep.setText(String.valueOf(plan.keep()));
            var smtp = (org.reviewdesk.domain.SmtpSettings) v[1];
            if (smtp != null) {
                smtpHost.setText(smtp.host());
                smtpPort.setText(String.valueOf(smtp.port()));
                smtpUser.setText(smtp.user());
                smtpPassword.setText(new String(smtp.password()));
                smtpSecurity.setValue(smtp.security().name());
                smtpFrom.setText(smtp.from());
            }
            loaded.set(loaded.get() + 1);
        }, t -> { });
    }

    private void load() {
        loadMore();
        Background.run(() -> {
            ReviewerProfile p = letters.profile();
            String id = letters.storedIdentity().map(i -> i.describe()).orElse("none yet");
            boolean hasLogo = letters.logo().isPresent();
            return new Object[] {p, id, hasLogo};
        }, v -> {
            ReviewerProfile p = (ReviewerProfile) v[0];
            signerName.setText(p.signerName());
            licensure.setText(String.join(", ", p.licensure()));
            specialties.setText(String.join(", ", p.specialties()));
            timestampUrl.setText(p.timestampUrl());
            affiliations.setText(String.join("; ", p.affiliations()));
            identity.setText((String) v[1]);
            logo.setText((Boolean) v[2] ? "set" : "none (the organization's name is printed)");
            loaded.set(loaded.get() + 1);
        }, t -> identity.setText("could not be read: " + Dialogs.reasonForLabel(t)));
    }

    private void save() {
        ReviewerProfile p = new ReviewerProfile(signerName.getText(), ReviewerProfile.split(licensure.getText()),
                ReviewerProfile.split(specialties.getText()), timestampUrl.getText(),
                java.util.Arrays.stream(affiliations.getText().split(";")).map(String::strip)
                        .filter(x -> !x.isEmpty()).toList());
        String dir = backupDir.getText().strip();
        int keep;
        try {
            keep = Integer.parseInt(backupKeep.getText().strip());
        } catch (NumberFormatException e) {
            keep = 10;
        }
        int keepN = keep;
        Background.run(() -> {
            letters.saveProfile(p);
            workbench.saveBackupPlan(new org.reviewdesk.service.Workbench.BackupPlan(dir.isEmpty() ? null
                    : java.nio.file.Path.of(dir), keepN));
            if (!smtpHost.getText().isBlank()) {
                workbench.delivery().saveSmtp(new org.reviewdesk.domain.SmtpSettings(smtpHost.getText().strip(),
                        Integer.parseInt(smtpPort.getText().strip()), smtpUser.getText().strip(),
                        smtpPassword.getText().toCharArray(),
                        org.reviewdesk.domain.SmtpSettings.Security.valueOf(smtpSecurity.getValue()),
                        smtpFrom.getText().strip()));
            }
            return p;
        }, x -> { }, t -> Dialogs.error(getOwner(), "The settings could not be saved", t));
    }

    private void createIdentity() {
        String name = signerName.getText().strip();
        if (name.isEmpty()) {
            identity.setText("Enter the name or reviewer ID for the signature first.");
            return;
        }
        identity.setText("Creating a key pair…");
        Background.run(() -> letters.createIdentity(name).describe(), identity::setText,
                t -> identity.setText("Not created: " + Dialogs.reasonForLabel(t)));
    }

    private void importIdentity() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Import a signing identity");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("PKCS#12 keystores", "*.p12", "*.pfx"));
        File f = org.reviewdesk.ui.FilePicks.open(chooser, getDialogPane().getScene().getWindow());
        if (f == null) {
            return;
        }
        Optional<String> password = askPassword();
        if (password.isEmpty()) {
            return;
        }
        Background.run(() -> letters.importIdentity(org.reviewdesk.files.SmallFiles.read(f.toPath(),
                "a keystore", org.reviewdesk.files.SmallFiles.MAX_KEYSTORE_BYTES), password.get().toCharArray())
                .describe(), identity::setText, t -> identity.setText("Not imported: " + Dialogs.reasonForLabel(t)));
    }

    private Optional<String> askPassword() {
        TextInputDialog d = new TextInputDialog();
        PasswordField pf = new PasswordField();
        d.getEditor().setVisible(false);
        d.getDialogPane().setContent(new HBox(8, new Label("Keystore password:"), pf));
        d.setTitle("Keystore password");
        d.setHeaderText("The password of the PKCS#12 file");
        d.initOwner(getDialogPane().getScene().getWindow());
        pf.setId("keystorePassword");
        // typed keys go to the password field (the hidden editor took the focus, and typing went nowhere)
        Dialogs.focusOnShown(d, pf);
        d.setResultConverter(b -> b == ButtonType.OK ? pf.getText() : null);
        return d.showAndWait();
    }

    private void chooseLogo() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Letterhead logo");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Images", "*.png", "*.jpg", "*.jpeg"));
        File f = org.reviewdesk.ui.FilePicks.open(chooser, getDialogPane().getScene().getWindow());
        if (f != null) {
            // read off the FX thread, and only when it is of a logo's size
            Background.run(() -> {
                letters.saveLogo(f.toPath());
                return true;
            }, set -> logo.setText("set"), t -> Dialogs.error(getOwner(), "The logo could not be saved", t));
        }
    }

    private void saveLogo(byte[] image) {
        Background.run(() -> {
            letters.saveLogo(image);
            return image != null;
        }, set -> logo.setText(set ? "set" : "none (the organization's name is printed)"),
                t -> Dialogs.error(getOwner(), "The logo could not be saved", t));
    }

    /** Fields and their small labels on one line, the labels level with the fields' text (not at their tops). */
    private static HBox row(javafx.scene.Node... nodes) {
        HBox h = new HBox(8, nodes);
        h.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        return h;
    }
}
