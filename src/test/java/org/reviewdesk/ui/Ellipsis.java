package org.reviewdesk.ui;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Labeled;
import javafx.scene.text.Text;

/** Finds labels, buttons and headers whose text JavaFX shows cut off (with its ellipsis). */
public final class Ellipsis {
    private Ellipsis() {
    }

    /** "id-or-class: 'full text' shown as 'cut te…'" for every visible Labeled cut off under {@code root}. */
    public static List<String> truncated(Node root) {
        List<String> out = new ArrayList<>();
        walk(root, out);
        return out;
    }

    /** How many visible, drawn labels with text are under {@code root} (a scan that saw nothing proves nothing). */
    public static int labels(Node root) {
        if (!root.isVisible()) {
            return 0;
        }
        int n = root instanceof Labeled l && l.getText() != null && !l.getText().isBlank() && shown(l) != null ? 1 : 0;
        if (root instanceof Parent p) {
            for (Node c : p.getChildrenUnmodifiable()) {
                n += labels(c);
            }
        }
        return n;
    }

    private static void walk(Node n, List<String> out) {
        if (!n.isVisible()) {
            return;
        }
        if (n instanceof Labeled l && l.getText() != null && !l.getText().isBlank()) {
            String shown = shown(l);
            if (shown != null && !shown.equals(l.getText()) && (shown.contains("…") || shown.contains("..."))
                    && !l.getText().contains(shown)) {
                out.add(describe(l) + ": '" + l.getText() + "' shown as '" + shown + "'");
            }
        }
        if (n instanceof Parent p) {
            for (Node c : p.getChildrenUnmodifiable()) {
                walk(c, out);
            }
        }
    }

    /** The text the skin draws (LabeledText), or null before the skin exists. */
    private static String shown(Labeled l) {
        for (Node c : l.getChildrenUnmodifiable()) {
            if (c instanceof Text t && c.getStyleClass().contains("text")) {
                return t.getText();
            }
        }
        return null;
    }

    private static String describe(Labeled l) {
        return (l.getId() != null ? "#" + l.getId() : l.getClass().getSimpleName())
                + (l.getParent() != null && l.getParent().getId() != null ? " in #" + l.getParent().getId() : "");
    }
}
