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
    }
}
