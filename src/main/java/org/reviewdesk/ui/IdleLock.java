package org.reviewdesk.ui;

import javafx.animation.PauseTransition;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.input.InputEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.reviewdesk.service.Workbench;

/**
 * Hides the window's content after a while without input and asks for the store password again.
 * The open cases stay as they are underneath: nothing typed is lost.
 */
final class IdleLock {
    private final BorderPane root;
    private final Workbench workbench;
    private final PauseTransition timer;
    private Node hidden;
    private javafx.animation.Timeline watch;
    private Node hiddenTop;

    IdleLock(Scene scene, BorderPane root, Workbench workbench, Duration idle) {
        this.root = root;
        this.workbench = workbench;
        this.timer = new PauseTransition(idle);
        timer.setOnFinished(e -> lock());
        // what the reviewer does: keys, clicks, scrolling and real mouse movement (synthetic enter and
        // exit events, or a move to the same place, are not use)
        double[] lastMouse = {Double.NaN, Double.NaN};
        scene.addEventFilter(InputEvent.ANY, e -> {
            if (hidden != null) {
                return;
            }
            if (e instanceof javafx.scene.input.MouseEvent m) {
                boolean moved = m.getEventType() == javafx.scene.input.MouseEvent.MOUSE_MOVED
                        || m.getEventType() == javafx.scene.input.MouseEvent.MOUSE_DRAGGED;
                boolean pressed = m.getEventType() == javafx.scene.input.MouseEvent.MOUSE_PRESSED;
                if (moved && m.getScreenX() == lastMouse[0] && m.getScreenY() == lastMouse[1]) {
                    return;
                }
                lastMouse[0] = m.getScreenX();
                lastMouse[1] = m.getScreenY();
                if (!moved && !pressed) {
                    return;
                }
            } else if (!(e instanceof javafx.scene.input.KeyEvent) && !(e instanceof javafx.scene.input.ScrollEvent)) {
                return;
            }
            timer.playFromStart();
        });
        timer.playFromStart();
        // a computer that slept leaves a gap in wall-clock time between two ticks: lock then too
        long[] last = {System.currentTimeMillis()};
        watch = new javafx.animation.Timeline(new javafx.animation.KeyFrame(
                Duration.seconds(10), e -> {
                    long now = System.currentTimeMillis();
                    if (now - last[0] > 60_000) {
                        lock();
                    }
                    last[0] = now;
                }));
        watch.setCycleCount(javafx.animation.Animation.INDEFINITE);
        watch.play();
    }

    /** Stops the timers (the window is closing). */
    void stop() {
        timer.stop();
        watch.stop();
    }

    private javafx.scene.Node focusBefore;

    boolean locked() {
        return hidden != null;
    }

    void lock() {
        lock(false);
    }

    /** Locks now; {@code byHand} when the reviewer chose Lock now (Ctrl+Shift+L). */
    void lock(boolean byHand) {
        if (hidden != null) {
            return;
        }
        focusBefore = root.getScene() == null ? null : root.getScene().getFocusOwner();
        hidden = root.getCenter();
        hiddenTop = root.getTop();
        root.setTop(null);
        PasswordField password = new PasswordField();
        password.setId("lockPassword");
        password.setPromptText("Store password");
        Label error = new Label();
        error.setId("lockError");
        error.getStyleClass().add("danger");
        Button unlock = new Button("Unlock");
        unlock.setId("lockUnlock");
        unlock.setDefaultButton(true);
        unlock.setOnAction(e -> {
            if (workbench.checkPassword(password.getText().toCharArray())) {
                root.setTop(hiddenTop);
                root.setCenter(hidden);
                javafx.scene.Node back = focusBefore;
                hidden = null;
                timer.playFromStart();
                // work continues where it stopped
                if (back != null && back.getScene() != null) {
                    back.requestFocus();
                }
            } else {
                error.setText("The password is not correct.");
                password.selectAll();
            }
        });
        Label title = new Label("ReviewDesk is locked");
        title.getStyleClass().add("title-3");
        Label explain = new Label(byHand ? "You locked the window. Your open cases are kept."
                : "The window locked itself after a while without use. Your open cases are kept.");
        explain.setWrapText(true);
        VBox card = new VBox(12, title, explain, password, unlock, error);
        card.setMaxWidth(420);
        card.setMaxHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        card.setPadding(new Insets(28));
        card.setStyle("-fx-background-color: -color-bg-default; -fx-background-radius: 8;"
                + "-fx-border-color: -color-border-default; -fx-border-radius: 8;");
        StackPane pane = new StackPane(card);
        pane.setId("lockPane");
        pane.setAlignment(Pos.CENTER);
        pane.setStyle("-fx-background-color: -color-bg-subtle;");
        root.setCenter(pane);
        password.requestFocus();
    }
}
