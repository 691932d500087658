package org.reviewdesk.ui.workspace;

import java.util.List;
import java.util.function.Consumer;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TextArea;
import javafx.scene.control.skin.TextAreaSkin;
import javafx.scene.input.ContextMenuEvent;
import org.reviewdesk.guideline.Spelling;

/**
 * The context menu of the letter's text areas (summary, rationale): over a word the spelling lists do not know, the
 * nearest known words (a click puts one in its place, undoable) and "Add to my dictionary"; then the usual editing
 * commands. The right click first puts the caret where it was made, as word processors do.
 */
public final class SpellingMenu {
    /** Adds a word to the reviewer's dictionary in the store; set once the store is open. */
    private static Consumer<String> dictionary;
    /** Counts the words added, so that the checks run again. */
    private static final IntegerProperty ADDED = new SimpleIntegerProperty();

    private SpellingMenu() {
    }

    /** Where "Add to my dictionary" keeps its words (the window sets it when the store is unlocked). */
    public static void useDictionary(Consumer<String> adder) {
        dictionary = adder;
    }

    /** Rises each time a word is added: the checks listen to it. */
    static ReadOnlyIntegerProperty wordsAdded() {
        return ADDED;
    }

    /** Told (on the FX thread) that a word is now in the dictionary. */
    public static void added() {
        ADDED.set(ADDED.get() + 1);
    }

    static void install(TextArea area) {
        ContextMenu menu = new ContextMenu();
        menu.setId(area.getId() + "-menu");
        area.setContextMenu(menu);
        // made before the menu shows, after the caret moved (a context menu without items does not show at all,
        // so it starts with the editing ones; the spelling lists are not read for that)
        menu.getItems().setAll(items(area, false, 0));
        if (!Spelling.ready()) {
            org.reviewdesk.ui.Background.runLowPriority(Spelling::inUse, x -> { }, t -> { });
        }
        area.addEventFilter(ContextMenuEvent.CONTEXT_MENU_REQUESTED, e -> {
            int at = area.getCaretPosition();
            if (!e.isKeyboardTrigger() && area.getSkin() instanceof TextAreaSkin skin) {
                at = placeCaret(area, skin, e);
            }
            menu.getItems().setAll(items(area, true, at));
            if (e.isKeyboardTrigger()) {
                // the Menu key (Shift+F10): the menu opens under the caret, where the word is, as in word processors
                javafx.geometry.Point2D under = belowCaret(area);
                if (under != null) {
                    if (menu.isShowing()) {
                        menu.hide();
                    }
                    menu.show(area, under.getX(), under.getY());
                    e.consume();
                }
            }
        });
    }

    /** The screen point just below the caret (null when it cannot be told: no layout yet, nothing to place it by). */
    public static javafx.geometry.Point2D belowCaret(TextArea area) {
        javafx.scene.Node content = area.lookup(".content");
        if (content == null || area.getLength() == 0 || !(area.getSkin() instanceof TextAreaSkin skin)) {
            return null;
        }
        var r = skin.getCharacterBounds(Math.min(area.getCaretPosition(), area.getLength()));
        javafx.geometry.Point2D p = content.localToScreen(r.getMinX(), r.getMaxY());
        return p;
    }

    /**
     * With a menu of its own the text area no longer moves the caret to the click: done here, unless the click is
     * inside a selection (the menu then works on it). The skin hit-tests in its content's coordinates, as its own
     * mouse handling does.
     */
    private static int placeCaret(TextArea area, TextAreaSkin skin, ContextMenuEvent e) {
        javafx.scene.Node content = area.lookup(".content");
        if (content == null) {
            return area.getCaretPosition();
        }
        javafx.geometry.Point2D p = content.sceneToLocal(e.getSceneX(), e.getSceneY());
        int at = skin.getIndex(p.getX(), p.getY()).getInsertionIndex();
        var sel = area.getSelection();
        if (sel.getLength() == 0 || at < sel.getStart() || at > sel.getEnd()) {
            area.positionCaret(at);
        }
        // the word clicked, also inside a selection (the caret then stays at the selection's end)
        return at;
    }

    private static List<MenuItem> items(TextArea area, boolean spelling, int at) {
        List<MenuItem> out = new java.util.ArrayList<>();
        // the lists are read off the FX thread (install asks for them); until then the menu offers only editing
        Spelling.Misspelling word = spelling && Spelling.ready() ? wordAt(area.getText(), at) : null;
        if (word != null && area.isEditable()) {
            if (word.suggestions().isEmpty()) {
                MenuItem none = new MenuItem("No suggestions for \u201c" + word.word() + "\u201d");
                none.setDisable(true);
                out.add(none);
            }
            for (String s : word.suggestions()) {
                MenuItem use = new MenuItem(s);
                use.getStyleClass().add("spelling-suggestion");
                use.setStyle("-fx-font-weight: bold;");
                use.setOnAction(x -> {
                    // still the same word there (the text may have changed while the menu was open)
                    if (area.getLength() >= word.end()
                            && area.getText(word.start(), word.end()).equals(word.word())) {
                        area.selectRange(word.start(), word.end());
                        area.replaceSelection(s);
                    }
                });
                out.add(use);
            }
            MenuItem add = new MenuItem("Add \u201c" + word.word() + "\u201d to my dictionary");
            add.setId("addToDictionary");
            add.setDisable(dictionary == null);
            add.setOnAction(x -> dictionary.accept(word.word()));
            out.add(add);
            out.add(new SeparatorMenuItem());
        }
        boolean editable = area.isEditable();
        boolean selected = area.getSelection().getLength() > 0;
        out.add(item("Undo", "Shortcut+Z", !editable || !area.isUndoable(), area::undo));
        out.add(item("Redo", "Shortcut+Y", !editable || !area.isRedoable(), area::redo));
        out.add(new SeparatorMenuItem());
        out.add(item("Cut", "Shortcut+X", !editable || !selected, area::cut));
        out.add(item("Copy", "Shortcut+C", !selected, area::copy));
        out.add(item("Paste", "Shortcut+V", !editable
                || !javafx.scene.input.Clipboard.getSystemClipboard().hasString(), area::paste));
        out.add(item("Delete", null, !editable || !selected, () -> area.replaceSelection("")));
        out.add(new SeparatorMenuItem());
        out.add(item("Select All", "Shortcut+A", area.getLength() == 0, area::selectAll));
        return out;
    }

    /**
     * No accelerator is set ({@code keys} only names the usual key): a control's context menu puts its accelerators
     * into the whole scene, and Ctrl+A anywhere would have selected this text. The text area's own keys do the work.
     */
    private static MenuItem item(String text, String keys, boolean disabled, Runnable action) {
        MenuItem m = new MenuItem(text);
        m.setDisable(disabled);
        m.setOnAction(e -> action.run());
        return m;
    }

    /** The unknown word the caret is in or just after, or null. */
    static Spelling.Misspelling wordAt(String text, int caret) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        // only the line the caret is on: a long rationale is not checked whole for one right click
        int from = text.lastIndexOf('\n', Math.max(0, caret - 1)) + 1;
        int to = text.indexOf('\n', caret);
        if (to < 0) {
            to = text.length();
        }
        if (from > to) {
            return null;
        }
        for (Spelling.Misspelling m : Spelling.inUse().check(text.substring(from, to), null)) {
            if (caret >= from + m.start() && caret <= from + m.end()) {
                return new Spelling.Misspelling(m.word(), from + m.start(), from + m.end(), m.suggestions());
            }
        }
        return null;
    }
}
