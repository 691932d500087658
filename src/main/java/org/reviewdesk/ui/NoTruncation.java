package org.reviewdesk.ui;

import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.Region;

/**
 * No cut-off labels in forms and dialogs: every label, button and check box that does not wrap
 * keeps at least its preferred width, so that the grid's label column grows and the dialog sizes to
 * its content instead of showing "Name in the s...".
 */
public final class NoTruncation {
    private NoTruncation() {
    }

    public static void apply(Node n) {
        if (n instanceof Labeled l && !(n instanceof TitledPane) && !l.isWrapText()) {
            l.setMinWidth(Region.USE_PREF_SIZE);
        }
        if (n instanceof Label l && l.isWrapText()) {
            l.setMinHeight(Region.USE_PREF_SIZE);
        }
        if (n instanceof TitledPane p && p.getContent() != null) {
            apply(p.getContent());
        }
        if (n instanceof javafx.scene.control.ScrollPane s && s.getContent() != null) {
            apply(s.getContent());
        }
        if (n instanceof Parent p) {
            for (Node c : p.getChildrenUnmodifiable()) {
                apply(c);
            }
        }
    }

    /** Applies to a dialog's content and buttons, and lets it grow to fit them. */
    public static void apply(Dialog<?> d) {
        apply(d.getDialogPane());
        d.getDialogPane().setMinWidth(Region.USE_PREF_SIZE);
        d.getDialogPane().setMinHeight(Region.USE_PREF_SIZE);
        d.setResizable(true);
        // text that arrives after the dialog is shown (read in the background) can widen it: the window grows
        // with it, or the content and the OK button run off its right edge, cut
        // (watched from when it is shown, sized and placed: before that the window sizes itself)
        javafx.scene.control.DialogPane pane = d.getDialogPane();
        boolean[] watching = {false};
        d.addEventHandler(javafx.scene.control.DialogEvent.DIALOG_SHOWN, e -> {
            if (!watching[0]) {
                watching[0] = true;
                pane.needsLayoutProperty().addListener((o, was, needs) -> {
                    if (needs) {
                        javafx.application.Platform.runLater(() -> growToFit(pane));
                    }
                });
            }
            javafx.application.Platform.runLater(() -> growToFit(pane));
        });
    }

    /**
     * Widens and heightens the pane's window to the pane's minimum size (never shrinks it), kept on its screen.
     * The sizes asked for are absolute, so that a call before the last resize has arrived asks for the same.
     */
    private static final String ASKED = "noTruncation.askedSize";

    static void growToFit(javafx.scene.control.DialogPane pane) {
        javafx.scene.Scene scene = pane.getScene();
        if (scene == null || scene.getWindow() == null || !scene.getWindow().isShowing()
                || !(scene.getWidth() > 0) || !(scene.getHeight() > 0)) {
            return;
        }
        javafx.stage.Window w = scene.getWindow();
        if (!(w.getWidth() > 0) || !(w.getHeight() > 0) || Double.isNaN(w.getX()) || Double.isNaN(w.getY())) {
            return;
        }
        // the window's frame around the scene (none without a window manager)
        double frameX = Math.max(0, scene.getX());
        double frameY = Math.max(0, scene.getY());
        double width = Math.ceil(pane.minWidth(-1) + 2 * frameX);
        double height = Math.ceil(pane.minHeight(Math.max(scene.getWidth(), pane.minWidth(-1))) + frameY + frameX);
        boolean wider = width > w.getWidth() + 0.5;
        boolean taller = height > w.getHeight() + 0.5;
        if (!wider && !taller) {
            return;
        }
        // a window system may report the new size later than it takes it: each size is asked for once
        javafx.geometry.Dimension2D target = new javafx.geometry.Dimension2D(wider ? width : w.getWidth(),
                taller ? height : w.getHeight());
        if (target.equals(pane.getProperties().get(ASKED))) {
            return;
        }
        pane.getProperties().put(ASKED, target);
        javafx.geometry.Rectangle2D screen = javafx.stage.Screen.getScreensForRectangle(w.getX(), w.getY(),
                w.getWidth(), w.getHeight()).stream().findFirst()
                .orElse(javafx.stage.Screen.getPrimary()).getVisualBounds();
        // the window to its content's size at once (a window system may refuse a width without a height),
        // then back on its screen, centred where it was
        double oldWidth = w.getWidth();
        double oldHeight = w.getHeight();
        w.sizeToScene();
        width = Math.min(Math.max(w.getWidth(), oldWidth), screen.getWidth());
        height = Math.min(Math.max(w.getHeight(), oldHeight), screen.getHeight());
        w.setWidth(width);
        w.setHeight(height);
        w.setX(Math.max(screen.getMinX(), Math.min(w.getX() - (width - oldWidth) / 2, screen.getMaxX() - width)));
        w.setY(Math.max(screen.getMinY(), Math.min(w.getY() - (height - oldHeight) / 2, screen.getMaxY() - height)));
    }
}
