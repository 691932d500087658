package org.reviewdesk.ui.workspace;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.geometry.Insets;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * The one dialog before a signature (Sign & Export and Finalize alike): every check result at
 * once. What must be fixed blocks the signature; each warning needs its own tick; a missing
 * signing identity is created here. Returns the name for a new identity ("" when one exists), or
 * empty when the reviewer cancels.
 */
final class SigningDialog extends Dialog<String> {
    /** One warning the reviewer must weigh and tick. */
    record Warning(String key, String text) {
    }

    private final List<CheckBox> ticks = new ArrayList<>();

    SigningDialog(Window owner, String title, String action, List<String> blocking, List<Warning> warnings,
                  boolean hasIdentity, String suggestedName, String whatHappens) {
        initOwner(owner);
        setTitle(title);
        setHeaderText(blocking.isEmpty() ? (warnings.isEmpty() ? "All checks passed." : "Tick each warning to "
                + "confirm you have weighed it, then sign.") : "The letter cannot be signed until these are fixed.");
        getDialogPane().setId("signingDialog");
        setResizable(true);
        VBox box = new VBox(10);
        box.setPadding(new Insets(4, 2, 4, 2));
        box.setPrefWidth(640);
        if (!blocking.isEmpty()) {
            Label h = new Label("Must be fixed (" + blocking.size() + ")");
            h.getStyleClass().addAll("text-bold", "danger");
            box.getChildren().add(h);
            int i = 0;
            for (String b : blocking) {
                Label l = new Label("✖ " + b);
                l.setId("blocking-" + i++);
                l.setWrapText(true);
                l.getStyleClass().add("danger");
                l.setMinHeight(Label.USE_PREF_SIZE);
                box.getChildren().add(l);
            }
        }
        if (!warnings.isEmpty()) {
            Label h = new Label("Warnings (" + warnings.size() + "): tick each one");
            h.getStyleClass().add("text-bold");
            box.getChildren().add(h);
            int i = 0;
            for (Warning w : warnings) {
                CheckBox c = new CheckBox("⚠ " + w.text());
                c.setId("warning-" + i++);
                c.setUserData(w.key());
                c.setWrapText(true);
                c.setMinHeight(Label.USE_PREF_SIZE);
                c.setMaxWidth(Double.MAX_VALUE);
                ticks.add(c);
                box.getChildren().add(c);
            }
        }
        if (blocking.isEmpty() && warnings.isEmpty()) {
            Label ok = new Label("✓ No errors, no warnings: the letter is consistent with the case and the record.");
            ok.getStyleClass().add("success");
            ok.setWrapText(true);
            box.getChildren().add(ok);
        }
        TextField name = new TextField(suggestedName == null ? "" : suggestedName);
        name.setId("identityName");
        if (!hasIdentity && blocking.isEmpty()) {
            Label h = new Label("You have no signing identity yet. A self-signed one is created now for this name "
                    + "or reviewer ID (Settings can import a PKCS#12 certificate instead):");
            h.setWrapText(true);
            h.setMinHeight(Label.USE_PREF_SIZE);
            box.getChildren().addAll(h, name);
        }
        Label what = new Label(whatHappens);
        what.setId("signingWhatHappens");
        what.setWrapText(true);
        what.setMinHeight(Label.USE_PREF_SIZE);
        what.getStyleClass().add("text-muted");
        box.getChildren().add(what);
        ScrollPane scroll = new ScrollPane(box);
        scroll.setFitToWidth(true);
        scroll.setPrefViewportHeight(Math.min(520, 80 + 46.0 * (blocking.size() + warnings.size()) + 80));
        scroll.setStyle("-fx-background-color: transparent;");
        getDialogPane().setContent(scroll);
        // the estimate above counts the checks only: the new identity's prompt and name field pushed the last lines
        // under the dialog's edge (1280x800, no identity yet); grown to the content as laid out, up to 520 px
        addEventHandler(javafx.scene.control.DialogEvent.DIALOG_SHOWN, e -> javafx.application.Platform.runLater(() -> {
            double content = box.prefHeight(scroll.getViewportBounds().getWidth());
            double shown = scroll.getViewportBounds().getHeight();
            if (content > shown + 1 && shown < 520) {
                scroll.setPrefViewportHeight(Math.min(520, Math.ceil(content)));
                getDialogPane().getScene().getWindow().sizeToScene();
            }
        }));

        ButtonType sign = new ButtonType(action, ButtonBar.ButtonData.OK_DONE);
        getDialogPane().getButtonTypes().addAll(sign, ButtonType.CANCEL);
        javafx.scene.Node signButton = getDialogPane().lookupButton(sign);
        signButton.setId("signConfirmButton");
        BooleanBinding ready = Bindings.createBooleanBinding(() -> blocking.isEmpty()
                && ticks.stream().allMatch(CheckBox::isSelected)
                && (hasIdentity || !name.getText().isBlank()),
                ticks.stream().map(CheckBox::selectedProperty).toArray(javafx.beans.Observable[]::new));
        BooleanBinding readyNow = Bindings.createBooleanBinding(ready::get, ready, name.textProperty());
        signButton.disableProperty().bind(readyNow.not());
        // Enter on a tick box signs once all is ticked, as Enter elsewhere in the dialog does (a focused tick box
        // took it as a click and unticked itself)
        for (CheckBox c : ticks) {
            c.addEventFilter(javafx.scene.input.KeyEvent.ANY, e -> {
                if (e.getCode() == javafx.scene.input.KeyCode.ENTER) {
                    if (e.getEventType() == javafx.scene.input.KeyEvent.KEY_PRESSED && !signButton.isDisabled()) {
                        ((javafx.scene.control.Button) signButton).fire();
                    }
                    e.consume();
                }
            });
        }
        // the focus on what is to be done first: the first warning's tick (Space ticks, Tab goes on), else the new
        // identity's name; the Sign button is disabled at first, and the focus fell to Cancel, so Enter after
        // ticking cancelled
        if (!ticks.isEmpty()) {
            org.reviewdesk.ui.Dialogs.focusOnShown(this, ticks.get(0));
        } else if (!hasIdentity && blocking.isEmpty()) {
            org.reviewdesk.ui.Dialogs.focusOnShown(this, name);
        }
        setResultConverter(b -> b == sign ? (hasIdentity ? "" : name.getText().strip()) : null);
    }

    /** The warnings' tick boxes (tests, keyboard users). */
    List<CheckBox> ticks() {
        return ticks;
    }
}
