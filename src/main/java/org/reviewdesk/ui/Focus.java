package org.reviewdesk.ui;

import javafx.application.Platform;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.scene.Node;
import javafx.scene.Scene;

/** Keyboard focus for a control that may not have joined the scene yet (inside a tab laid out in the next pulse). */
public final class Focus {
    private Focus() {
    }

    /**
     * Puts the focus on {@code n} now when it is in a scene, else once it joins one: after the pulse that attached
     * it, whose focus clean-up would otherwise give the focus to the scene's first control (a tab header, the status
     * bar) instead.
     */
    public static void request(Node n) {
        if (n.getScene() != null) {
            n.requestFocus();
            return;
        }
        n.sceneProperty().addListener(new ChangeListener<>() {
            @Override
            public void changed(ObservableValue<? extends Scene> o, Scene a, Scene b) {
                if (b != null) {
                    n.sceneProperty().removeListener(this);
                    Platform.runLater(n::requestFocus);
                }
            }
        });
    }
}
