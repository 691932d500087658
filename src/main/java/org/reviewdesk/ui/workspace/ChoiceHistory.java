package org.reviewdesk.ui.workspace;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Objects;
import javafx.scene.control.ComboBox;

/**
 * Undo and redo for what the reviewer chooses rather than types in a case: an item's decision, its category, a
 * checklist answer (texts have their own undo). Ctrl+Z outside a text takes back the last choice, shows it (the
 * choice gets the focus) and says what it was; Ctrl+Y or Ctrl+Shift+Z makes it again. Kept for the open case only.
 */
final class ChoiceHistory {
    /** One choice: the box, what it held before and after, and how it is named ("Decision of item 1"). */
    private record Choice(ComboBox<Object> box, Object before, Object after, String what) {
    }

    private static final int LIMIT = 200;
    private final Deque<Choice> undo = new ArrayDeque<>();
    private final Deque<Choice> redo = new ArrayDeque<>();
    private boolean applying;

    /** Records every change of {@code box}'s value the reviewer makes, named {@code what}. */
    @SuppressWarnings("unchecked")
    <T> void watch(ComboBox<T> box, String what) {
        ComboBox<Object> b = (ComboBox<Object>) box;
        b.valueProperty().addListener((o, before, after) -> {
            if (applying || Objects.equals(before, after)) {
                return;
            }
            undo.push(new Choice(b, before, after, what));
            if (undo.size() > LIMIT) {
                undo.removeLast();
            }
            redo.clear();
        });
    }

    /** Takes back the last choice still on screen; its name, or null when there is none. */
    String undo() {
        return move(undo, redo, true);
    }

    /** Makes the last choice taken back again; its name, or null. */
    String redo() {
        return move(redo, undo, false);
    }

    private String move(Deque<Choice> from, Deque<Choice> to, boolean back) {
        while (!from.isEmpty()) {
            Choice c = from.pop();
            // a box no longer shown (its checklist was replaced when the category changed) is passed over
            if (c.box().getScene() == null || c.box().isDisabled()) {
                continue;
            }
            applying = true;
            try {
                c.box().setValue(back ? c.before() : c.after());
            } finally {
                applying = false;
            }
            to.push(c);
            c.box().requestFocus();
            return c.what();
        }
        return null;
    }

    void clear() {
        undo.clear();
        redo.clear();
    }
}
