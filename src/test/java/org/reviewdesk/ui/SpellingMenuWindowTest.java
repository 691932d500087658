package org.reviewdesk.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TextArea;
import javafx.scene.control.skin.TextAreaSkin;
import javafx.scene.layout.VBox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reviewdesk.service.Workbench;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The rationale's context menu over an unknown word: a right click on it (the caret goes there) offers the nearest
 * words, and one clicked takes the word's place as an edit Ctrl+Z takes back; "Add to my dictionary" makes the
 * spelling finding go, and the word stays accepted after the store is opened again.
 */
class SpellingMenuWindowTest {
    private static final String PASSWORD = "spelling menu password 1";

    @TempDir
    Path data;
    private Application app;
    private final FxRobot robot = new FxRobot();

    @AfterEach
    void stop() throws Exception {
        if (app != null) {
            FxToolkit.cleanupApplication(app);
        }
        FxToolkit.cleanupStages();
        org.reviewdesk.guideline.Spelling.useOwnWords(List.of());
    }

    private <T> T fx(java.util.concurrent.Callable<T> c) throws Exception {
        return WaitForAsyncUtils.asyncFx(c).get(30, TimeUnit.SECONDS);
    }

    private List<String> checkKeys() throws Exception {
        return fx(() -> robot.lookup("#checks-0").queryAs(VBox.class).getChildren().stream()
                .map(Node::getUserData).filter(k -> k != null).map(Object::toString).toList());
    }

    /**
     * Right-clicks the rationale on the character at {@code index} and returns its context menu, showing. The event is
     * the one the platform makes of a right click (the headless test display makes none of a robot's click), at the
     * character's place on the screen.
     */
    private ContextMenu rightClickAt(TextArea area, int index) throws Exception {
        robot.interact(() -> area.positionCaret(0));
        return rightClickKeeping(area, index);
    }

    /** As {@link #rightClickAt}, leaving the caret and the selection as they are before the click. */
    private ContextMenu rightClickKeeping(TextArea area, int index) throws Exception {
        robot.interact(() -> {
            var skin = (TextAreaSkin) area.getSkin();
            var r = skin.getCharacterBounds(index);
            Node content = area.lookup(".content");
            // the skin's bounds are in its content's coordinates (nothing is scrolled here)
            javafx.geometry.Point2D scene = content.localToScene(r.getMinX() + r.getWidth() / 2,
                    r.getMinY() + r.getHeight() / 2);
            javafx.geometry.Point2D local = area.sceneToLocal(scene);
            javafx.geometry.Point2D screen = area.localToScreen(local);
            javafx.event.Event.fireEvent(area, new javafx.scene.input.ContextMenuEvent(
                    // made as the platform makes it: x and y in the scene, turned into the target's by the dispatch
                    javafx.scene.input.ContextMenuEvent.CONTEXT_MENU_REQUESTED, scene.getX(), scene.getY(),
                    screen.getX(), screen.getY(), false, new javafx.scene.input.PickResult(area, scene.getX(),
                    scene.getY())));
        });
        FxWait.until(10, () -> area.getContextMenu() != null && area.getContextMenu().isShowing());
        return area.getContextMenu();
    }

    private static MenuItem item(ContextMenu m, String text) {
        return m.getItems().stream().filter(i -> text.equals(i.getText())).findFirst()
                .orElseThrow(() -> new AssertionError("no \"" + text + "\" in " + m.getItems().stream()
                        .map(MenuItem::getText).toList()));
    }

    @Test
    void aSuggestionReplacesTheWordAndAnAddedWordIsNoLongerFlagged() throws Exception {
        app = UnlockedWindow.start(data, PASSWORD);
        UnlockedWindow.openCase("#rationale-0");
        TextArea rationale = robot.lookup("#rationale-0").queryAs(TextArea.class);
        String text = "The requst is not medically necessary per zorblatine dosing.";
        robot.interact(() -> {
            rationale.requestFocus();
            rationale.replaceText(0, rationale.getLength(), text);
        });
        robot.interact(() -> rationale.getParent().layout());
        WaitForAsyncUtils.waitForFxEvents();
        FxWait.until(30, () -> checkKeys().contains("spelling"));

        // inside a selection the selection stays, and the menu is about the word clicked (not the caret's)
        robot.interact(() -> rationale.selectRange(0, text.indexOf("medically")));
        ContextMenu inSelection = rightClickKeeping(rationale, text.indexOf("requst") + 2);
        assertEquals(text.indexOf("medically"), rationale.getSelection().getEnd(), "the selection stays");
        assertTrue(inSelection.getItems().stream().anyMatch(i -> "request".equals(i.getText())),
                "suggestions for the word clicked");
        robot.interact(inSelection::hide);

        ContextMenu menu = rightClickAt(rationale, text.indexOf("requst") + 2);
        Shots.save(menu.getScene().getWindow(), "spelling-menu");
        assertTrue(rationale.getCaretPosition() >= text.indexOf("requst")
                && rationale.getCaretPosition() <= text.indexOf("requst") + 6, "the caret went to the click");
        assertTrue(item(menu, "Add \u201crequst\u201d to my dictionary") != null);
        robot.interact(() -> item(menu, "request").fire());
        robot.interact(menu::hide);
        assertEquals("The request is not medically necessary per zorblatine dosing.", rationale.getText());
        robot.interact(rationale::undo);
        assertEquals(text, rationale.getText(), "Ctrl+Z brings the word back");
        robot.interact(rationale::redo);

        // the Menu key: the menu opens under the caret, about the word the caret is in (the summary: on screen)
        TextArea summary = robot.lookup("#clinicalSummary").queryAs(TextArea.class);
        robot.interact(() -> {
            summary.replaceText(0, summary.getLength(), "The worker takes zorblatine daily.");
            summary.positionCaret(summary.getText().indexOf("zorblatine") + 2);
        });
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> {
            javafx.geometry.Bounds b = summary.localToScreen(summary.getLayoutBounds());
            javafx.event.Event.fireEvent(summary, new javafx.scene.input.ContextMenuEvent(
                    javafx.scene.input.ContextMenuEvent.CONTEXT_MENU_REQUESTED, 0, 0, b.getCenterX(), b.getCenterY(),
                    true, new javafx.scene.input.PickResult(summary, 0, 0)));
        });
        FxWait.until(10, () -> summary.getContextMenu().isShowing());
        ContextMenu byKey = summary.getContextMenu();
        javafx.geometry.Point2D caret = WaitForAsyncUtils.asyncFx(
                () -> org.reviewdesk.ui.workspace.SpellingMenu.belowCaret(summary)).get(10, TimeUnit.SECONDS);
        javafx.geometry.Bounds box = WaitForAsyncUtils.asyncFx(() -> summary.localToScreen(summary.getLayoutBounds()))
                .get(10, TimeUnit.SECONDS);
        assertTrue(caret.getY() < 800 && box.contains(caret.getX(), caret.getY() - 2), "the caret is on screen: "
                + caret + " in " + box);
        assertEquals(caret.getX(), byKey.getAnchorX(), 1.0, "under the caret, not at the area's centre");
        assertEquals(caret.getY(), byKey.getAnchorY(), 1.0);
        assertTrue(byKey.getItems().stream().anyMatch(i -> i.getText() != null
                && i.getText().contains("\u201czorblatine\u201d")), "about the caret's word");
        robot.interact(byKey::hide);

        ContextMenu again = rightClickAt(rationale, rationale.getText().indexOf("zorblatine") + 3);
        robot.interact(() -> item(again, "Add \u201czorblatine\u201d to my dictionary").fire());
        robot.interact(again::hide);
        FxWait.until(30, () -> !checkKeys().contains("spelling"));
        // a known word gets no spelling items, only the editing ones
        ContextMenu known = rightClickAt(rationale, rationale.getText().indexOf("medically") + 2);
        assertFalse(known.getItems().stream().anyMatch(i -> i.getText() != null
                && i.getText().contains("dictionary")), "no dictionary item over a known word");
        assertTrue(known.getItems().stream().anyMatch(i -> "Copy".equals(i.getText())));
        robot.interact(known::hide);

        FxToolkit.cleanupApplication(app);
        app = null;
        org.reviewdesk.guideline.Spelling.useOwnWords(List.of());
        try (Workbench w = Workbench.open(data, PASSWORD.toCharArray())) {
            assertEquals(List.of("zorblatine"), w.ownWords(), "kept in the store");
            assertTrue(org.reviewdesk.guideline.Spelling.inUse().knows("zorblatine"), "accepted again after opening");
        }
    }
}
