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
        this.mainScene = scene;
        javafx.event.EventHandler<InputEvent> use = e -> {
            if (hidden != null || stopped) {
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
        };
        scene.addEventFilter(InputEvent.ANY, use);
        // reading in the record's own window, the letter preview's or full screen is use too
        for (javafx.stage.Window w : javafx.stage.Window.getWindows()) {
            listen(w, use);
        }
        this.use = use;
        windows = c -> {
            while (c.next()) {
                for (javafx.stage.Window w : c.getAddedSubList()) {
                    listen(w, use);
                }
            }
        };
        javafx.stage.Window.getWindows().addListener(windows);
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

    private final Scene mainScene;
    private final java.util.Set<Scene> listened = java.util.Collections.newSetFromMap(new java.util.WeakHashMap<>());
    /** The other windows covered by the lock (the record or the preview in their own window), and what they showed. */
    private final java.util.Map<Scene, javafx.scene.Parent> covered = new java.util.LinkedHashMap<>();

    private void listen(javafx.stage.Window w, javafx.event.EventHandler<InputEvent> use) {
        // the windows the main window opened (the record's, the preview's, the dashboard)
        if (w instanceof javafx.stage.Stage st && st.getOwner() != null && st.getOwner() == mainScene.getWindow()
                && w.getScene() != null && w.getScene() != mainScene && listened.add(w.getScene())) {
            w.getScene().addEventFilter(InputEvent.ANY, use);
        }
    }

    private boolean stopped;
    private javafx.event.EventHandler<InputEvent> use;
    private javafx.collections.ListChangeListener<javafx.stage.Window> windows;

    /** Stops the timers and stops listening (the window is closing): nothing of it outlives the window. */
    void stop() {
        stopped = true;
        timer.stop();
        watch.stop();
        if (windows != null) {
            javafx.stage.Window.getWindows().removeListener(windows);
        }
        for (Scene s : java.util.List.copyOf(listened)) {
            s.removeEventFilter(InputEvent.ANY, use);
        }
        listened.clear();
        mainScene.removeEventFilter(InputEvent.ANY, use);
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
        if (hidden != null || stopped) {
            return;
        }
        focusBefore = root.getScene() == null ? null : root.getScene().getFocusOwner();
        // the record and the letter preview in windows of their own (or full screen) show patient pages too: covered
        // where they are, to come back as they were (hiding them would dock them); a dialog waiting for an answer
        // is left as it is
        javafx.stage.Window main = root.getScene() == null ? null : root.getScene().getWindow();
        for (javafx.stage.Window w : java.util.List.copyOf(javafx.stage.Window.getWindows())) {
            if (w instanceof javafx.stage.Stage st && w != main && st.getOwner() == main && main != null
                    && st.isShowing() && w.getScene() != null && st.getModality() == javafx.stage.Modality.NONE) {
                covered.put(w.getScene(), w.getScene().getRoot());
                Label notice = new Label("ReviewDesk is locked: unlock it in the main window.");
                notice.getStyleClass().add("title-4");
                StackPane cover = new StackPane(notice);
                cover.getStyleClass().add("idle-lock-cover");
                cover.setStyle("-fx-background-color: -color-bg-subtle;");
                w.getScene().setRoot(cover);
            }
        }
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
                covered.forEach(Scene::setRoot);
                covered.clear();
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
