package org.reviewdesk.ui.workspace;

import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.ComboBoxBase;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.TitledPane;

/**
 * A finalized case shown read-only in normal contrast: texts stay selectable and copyable,
 * checklists and sections can be opened, choices and actions do nothing.
 */
final class ReadOnly {
    private ReadOnly() {
    }

    static void apply(Node n) {
        if (n instanceof TextInputControl t) {
            t.setEditable(false);
        } else if (n instanceof ComboBoxBase<?> c) {
            // not disabled (that greys it out): it shows its value in full contrast and ignores the mouse
            c.setMouseTransparent(true);
            c.setFocusTraversable(false);
            c.getStyleClass().add("read-only");
        } else if (n instanceof ButtonBase b) {
            b.setDisable(true);
        }
        if (n instanceof TitledPane p) {
            if (p.getContent() != null) {
                apply(p.getContent());
            }
            return;
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
}
