package org.reviewdesk.ui.unlock;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.reviewdesk.service.PasswordStrength;
import org.reviewdesk.service.Workbench;
import org.reviewdesk.ui.Background;
import org.reviewdesk.ui.Dialogs;

/** First start: choose the store password; later starts: unlock the store with it. */
public final class UnlockPane extends StackPane {
    private final Path dataDir;
    private final boolean creating;
    private final Consumer<Workbench> onUnlocked;
    private final PasswordField password = new PasswordField();
    private final PasswordField confirm = new PasswordField();
    private final Label error = new Label();
    private final Button go = new Button();
    private final ProgressIndicator busy = new ProgressIndicator();
    /** The strength meter under the new password (nbvcxz's estimate), shown only when creating a store. */
    private final javafx.scene.control.ProgressBar meter = new javafx.scene.control.ProgressBar(0);
    private final Label strength = new Label();

    public UnlockPane(Path dataDir, Consumer<Workbench> onUnlocked) {
        this.dataDir = dataDir;
        this.creating = !Workbench.storeExists(dataDir);
        this.onUnlocked = onUnlocked;
        build();
    }

    private void build() {
        Label title = new Label("ReviewDesk");
        title.getStyleClass().add("title-1");
        Label subtitle = new Label(creating ? "Create your encrypted case store" : "Unlock your case store");
        subtitle.getStyleClass().add("title-4");
        Label explain = new Label(creating
                ? "Cases and medical records are kept encrypted (AES) in\n" + dataDir
                + "\nChoose a password. It cannot be recovered: keep it safe."
                : "Cases are kept encrypted in\n" + dataDir + "\nEnter the store password.");
        explain.setWrapText(true);
        explain.getStyleClass().add("text-muted");

        password.setId("password");
        password.setPromptText(creating ? "New password" : "Password");
        confirm.setId("confirmPassword");
        confirm.setPromptText("Repeat the password");
        error.setId("unlockError");
        error.getStyleClass().add("danger");
        error.setWrapText(true);
        go.setId("unlockButton");
        go.setText(creating ? "Create store" : "Unlock");
        go.setDefaultButton(true);
        go.getStyleClass().add("accent");
        go.setMaxWidth(Double.MAX_VALUE);
        go.setOnAction(e -> submit());
        busy.setVisible(false);
        busy.setPrefSize(24, 24);

        VBox card = new VBox(12, title, subtitle, explain, password);
        if (creating) {
            meter.setId("passwordStrengthMeter");
            meter.setMaxWidth(Double.MAX_VALUE);
            meter.setFocusTraversable(false);
            strength.setId("passwordStrength");
            strength.setWrapText(true);
            strength.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
            password.textProperty().addListener((o, a, b) -> showStrength(b));
            showStrength("");
            card.getChildren().addAll(meter, strength, confirm);
        }
        card.getChildren().addAll(go, busy, error);
        card.setAlignment(Pos.CENTER_LEFT);
        card.setMaxWidth(420);
        card.setMaxHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        card.setPadding(new Insets(32));
        card.getStyleClass().add("unlock-card");
        card.setStyle("-fx-background-color: -color-bg-default; -fx-background-radius: 8;"
                + "-fx-border-color: -color-border-default; -fx-border-radius: 8;");
        setStyle("-fx-background-color: -color-bg-subtle;");
        getChildren().add(card);
        setAlignment(Pos.CENTER);
        password.requestFocus();
    }

    private void submit() {
        char[] p = password.getText().toCharArray();
        if (p.length == 0) {
            error.setText("Enter a password.");
            return;
        }
        if (creating && !Arrays.equals(p, confirm.getText().toCharArray())) {
            error.setText("The two passwords differ.");
            return;
        }
        if (creating) {
            PasswordStrength.Estimate e = PasswordStrength.estimate(password.getText());
            if (!e.longEnough()) {
                error.setText("Choose a password of at least " + PasswordStrength.MIN_LENGTH + " characters.");
                return;
            }
            if (!e.acceptable()) {
                error.setText("This password is very easy to guess: " + e.advice());
                return;
            }
        }
        error.setText("");
        setWorking(true);
        Background.run(() -> creating ? Workbench.create(dataDir, p, false) : Workbench.open(dataDir, p),
                w -> {
                    setWorking(false);
                    onUnlocked.accept(w);
                },
                t -> {
                    setWorking(false);
                    error.setText(Dialogs.reasonForLabel(t));
                    password.selectAll();
                    password.requestFocus();
                });
    }

    private void showStrength(String text) {
        PasswordStrength.Estimate e = PasswordStrength.estimate(text);
        meter.setProgress(text.isEmpty() ? 0 : (e.score() + 1) / 5.0);
        meter.getStyleClass().removeAll("danger", "warning", "success");
        meter.getStyleClass().add(e.score() <= 1 || !e.longEnough() ? "danger" : e.score() == 2 ? "warning" : "success");
        strength.setText(text.isEmpty() ? "At least " + PasswordStrength.MIN_LENGTH + " characters; a few unrelated "
                + "words make a strong passphrase."
                : "Strength: " + e.label() + (e.longEnough() ? "" : " (too short)")
                + (e.advice().isEmpty() ? "" : ". " + e.advice()));
    }

    private void setWorking(boolean working) {
        busy.setVisible(working);
        go.setDisable(working);
        password.setDisable(working);
        confirm.setDisable(working);
    }
}
