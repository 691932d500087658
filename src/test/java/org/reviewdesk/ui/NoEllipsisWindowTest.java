package org.reviewdesk.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DialogPane;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reviewdesk.app.ReviewDeskApp;
import org.reviewdesk.service.Workbench;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * No cut-off text: at 1280x800 and 1920x1080 no label, button, tab or header in the main window
 * (a case open, its record's Chronology tab too), Settings, the Cite dialog, the e-mail and the archive dialogs
 * shows JavaFX's ellipsis; each dialog's content and buttons lie inside its window (after what it reads in the
 * background has arrived), and the chronology's four buttons stay on one row. Headless (Monocle), as CI runs it.
 */
class NoEllipsisWindowTest {
    private static final String PASSWORD = "sample password 1";

    @TempDir
    Path data;
    private Application app;
    private final FxRobot robot = new FxRobot();
    private Stage stage;

    @BeforeEach
    void start() throws Exception {
        stage = FxToolkit.registerPrimaryStage();
    }

    @AfterEach
    void stop() throws Exception {
        if (app != null) {
            FxToolkit.cleanupApplication(app);
        }
        FxToolkit.cleanupStages();
    }

    private void waitUntil(java.util.concurrent.Callable<Boolean> condition) throws Exception {
        org.reviewdesk.ui.FxWait.until(90, condition);
    }

    /**
     * A first start at this window size with the sample case opened, as a reviewer with that screen sees
     * it: the window is sized before the case opens, because the workspace lays its columns out for the
     * width it opens at (a later resize keeps the builder's width).
     */
    private void openSampleAt(int width, int height) throws Exception {
        if (app != null) {
            FxToolkit.cleanupApplication(app);
            app = null;
        }
        Path dir = java.nio.file.Files.createTempDirectory(data, "store-" + width);
        Workbench.create(dir, PASSWORD.toCharArray(), false).close();
        app = FxToolkit.setupApplication(() -> new ReviewDeskApp(dir));
        robot.interact(() -> {
            stage.setMaximized(false);
            stage.setWidth(width);
            stage.setHeight(height);
        });
        // unlocked through the controls, not typed keys, which a window left behind by another test could catch
        robot.interact(() -> {
            robot.lookup("#password").queryAs(javafx.scene.control.PasswordField.class).setText(PASSWORD);
            robot.lookup("#unlockButton").queryAs(javafx.scene.control.Button.class).fire();
        });
        waitUntil(() -> robot.lookup("#caseTable").tryQuery().isPresent()
                && !robot.lookup("#caseTable").queryAs(TableView.class).getItems().isEmpty());
        robot.interact(() -> {
            stage.setMaximized(false);
            stage.setWidth(width);
            stage.setHeight(height);
        });
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> robot.lookup("#openCaseButton").queryButton().fire());
        waitUntil(() -> robot.lookup("#draft-0").tryQuery().isPresent()
                && robot.lookup("#recordCounts").queryLabeled().getText().contains("documents"));
        // every folded part open (the item, its checklist, similar decisions): folded content is not drawn,
        // and a scan that skips it cannot see what the reviewer sees on opening it
        for (int round = 0; round < 3; round++) {
            robot.interact(() -> robot.lookup(".titled-pane").queryAllAs(javafx.scene.control.TitledPane.class)
                    .forEach(t -> t.setExpanded(true)));
            WaitForAsyncUtils.sleep(700, TimeUnit.MILLISECONDS);
            WaitForAsyncUtils.waitForFxEvents();
        }
        assertEquals(width, stage.getScene().getWidth(), 1.0, "the window takes the size asked for");
    }

    @Test
    void nothingIsCutOffAt1280x800Or1920x1080() throws Exception {
        List<String> problems = new ArrayList<>();
        for (int[] size : new int[][] {{1280, 800}, {1920, 1080}}) {
            String at = size[0] + "x" + size[1] + " ";
            openSampleAt(size[0], size[1]);
            scan(at + "main window", stage.getScene().getRoot(), problems);
            // the record pane's Chronology tab: its action bar on one row, its duplicates box not cut off
            robot.interact(() -> robot.lookup("#recordPane .tab-pane").queryAs(javafx.scene.control.TabPane.class)
                    .getSelectionModel().select(3));
            waitUntil(() -> robot.lookup("#showDuplicates").queryAs(javafx.scene.control.CheckBox.class).getText()
                    .endsWith("pages") && robot.lookup("#showDuplicates").query().isVisible());
            WaitForAsyncUtils.sleep(500, TimeUnit.MILLISECONDS);
            WaitForAsyncUtils.waitForFxEvents();
            scan(at + "chronology tab", robot.lookup("#recordPane").query(), problems);
            List<Double> rows = robot.lookup("#chronologyActions").queryAs(javafx.scene.layout.Pane.class)
                    .getChildren().stream().map(Node::getLayoutY).distinct().toList();
            if (rows.size() != 1) {
                problems.add(at + "chronology tab: its 4 buttons wrap into " + rows.size() + " rows");
            }
            // the sample has no duplicate pages: Compare does not open an empty dialog
            robot.interact(() -> robot.lookup("#chronologyList").queryAs(javafx.scene.control.ListView.class)
                    .getSelectionModel().select(0));
            WaitForAsyncUtils.waitForFxEvents();
            if (!robot.lookup("#chronologyCorrect").query().isDisabled()
                    && !robot.lookup("#chronologyCompare").query().isDisabled()) {
                problems.add(at + "chronology tab: Compare duplicate pages offered in a record without any");
            }
            robot.interact(() -> robot.lookup("#recordPane .tab-pane").queryAs(javafx.scene.control.TabPane.class)
                    .getSelectionModel().select(0));

            scanDialog(at, "settingsDialog", () -> menu("Settings…").fire(), problems);
            scanDialog(at, "guidelinePicker", () -> robot.lookup("#cite-0").queryButton().fire(), problems);
            scanDialog(at, "emailDialog", () -> menu("E-mail the signed letter…").fire(), problems);
            scanDialog(at, "archiveDialog", () -> menu("Archive case…").fire(), problems);
        }
        assertTrue(problems.isEmpty(), "cut-off text:\n" + String.join("\n", problems));
    }

    @Test
    void theCheckSeesACutOffLabel() throws Exception {
        javafx.scene.control.Label cut = new javafx.scene.control.Label("Name in the signature");
        cut.setId("narrow");
        cut.setMaxWidth(70);
        javafx.scene.control.Label fits = new javafx.scene.control.Label("Fits");
        javafx.scene.layout.VBox box = new javafx.scene.layout.VBox(cut, fits);
        robot.interact(() -> {
            Stage s = new Stage();
            s.setScene(new javafx.scene.Scene(box, 200, 100));
            s.show();
        });
        WaitForAsyncUtils.waitForFxEvents();
        List<String> found = Ellipsis.truncated(box);
        assertEquals(1, found.size(), found.toString());
        assertTrue(found.get(0).startsWith("#narrow: 'Name in the signature' shown as 'Name"), found.get(0));
        robot.interact(() -> box.getScene().getWindow().hide());
    }

    private void scan(String where, Node root, List<String> problems) {
        assertTrue(Ellipsis.labels(root) >= 3, where + ": the scan saw " + Ellipsis.labels(root) + " labels");
        System.out.println("scanned " + where + ": " + Ellipsis.labels(root) + " labels");
        for (String p : Ellipsis.truncated(root)) {
            problems.add(where + ": " + p);
        }
    }

    private MenuItem menu(String text) {
        MenuBar bar = robot.lookup(".menu-bar").queryAs(MenuBar.class);
        return bar.getMenus().stream().flatMap(m -> m.getItems().stream()).filter(i -> text.equals(i.getText()))
                .findFirst().orElseThrow(() -> new AssertionError("no menu item " + text));
    }

    /** Opens a dialog (its action runs later on the FX thread: it waits for the reviewer), scans, cancels. */
    private void scanDialog(String at, String id, Runnable open, List<String> problems) throws Exception {
        Platform.runLater(open);
        waitUntil(() -> dialog(id) != null && dialog(id).getScene().getWindow().isShowing());
        WaitForAsyncUtils.sleep(600, TimeUnit.MILLISECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        DialogPane pane = dialog(id);
        scan(at + id, pane, problems);
        fits(at + id, pane, problems);
        robot.interact(() -> {
            Node cancel = pane.lookupButton(ButtonType.CANCEL);
            if (cancel instanceof javafx.scene.control.Button b) {
                b.fire();
            } else {
                pane.getScene().getWindow().hide();
            }
        });
        waitUntil(() -> dialog(id) == null);
    }

    /**
     * The dialog's header, content and buttons inside its window (content read after it opened can widen it: a
     * window that does not grow with it cuts the content and the OK button off at its edge).
     */
    private static void fits(String where, DialogPane pane, List<String> problems) {
        double w = pane.getScene().getWidth();
        double h = pane.getScene().getHeight();
        for (Node n : pane.getChildrenUnmodifiable()) {
            javafx.geometry.Bounds b = n.localToScene(n.getLayoutBounds());
            if (n.isVisible() && (b.getMaxX() > w + 1 || b.getMaxY() > h + 1)) {
                problems.add(where + ": " + n.getClass().getSimpleName() + " runs off the " + Math.round(w) + "x"
                        + Math.round(h) + " window to " + Math.round(b.getMaxX()) + "x" + Math.round(b.getMaxY()));
            }
        }
        for (ButtonType t : pane.getButtonTypes()) {
            Node b = pane.lookupButton(t);
            javafx.geometry.Bounds in = b.localToScene(b.getLayoutBounds());
            if (in.getMaxX() > w + 1 || in.getMaxY() > h + 1) {
                problems.add(where + ": the " + t.getText() + " button is cut off at the window's edge");
            }
        }
    }

    private static DialogPane dialog(String id) {
        for (Window w : Window.getWindows()) {
            if (w.isShowing() && w.getScene() != null && w.getScene().getRoot() instanceof DialogPane p
                    && id.equals(p.getId())) {
                return p;
            }
        }
        return null;
    }
}
