package org.reviewdesk.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reviewdesk.app.ReviewDeskApp;
import org.reviewdesk.service.Workbench;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** The window locks itself after idle time (3 s here instead of 10 min), and on demand; nothing is lost. */
class IdleLockWindowTest {
    private static final String PASSWORD = "sample password 1";

    @TempDir
    Path data;
    private Application app;
    private final FxRobot robot = new FxRobot();

    private void start(String idleSeconds) throws Exception {
        System.setProperty("reviewdesk.idleSeconds", idleSeconds);
        Workbench.create(data, PASSWORD.toCharArray(), false).close();
        FxToolkit.registerPrimaryStage();
        app = FxToolkit.setupApplication(() -> new ReviewDeskApp(data));
        // set and fire directly: typed keys could reach a window another test left behind
        robot.interact(() -> node("#password", javafx.scene.control.PasswordField.class).setText(PASSWORD));
        robot.interact(() -> node("#unlockButton", javafx.scene.control.Button.class).fire());
    }

    @AfterEach
    void stop() throws Exception {
        System.clearProperty("reviewdesk.idleSeconds");
        FxToolkit.cleanupApplication(app);
        FxToolkit.cleanupStages();
    }

    private <T extends Node> T node(String q, Class<T> type) {
        return robot.lookup(q).queryAs(type);
    }

    private void waitUntil(java.util.concurrent.Callable<Boolean> c) throws Exception {
        org.reviewdesk.ui.FxWait.until(90, c);
    }

    private void unlockWith(String password) {
        robot.interact(() -> node("#lockPassword", javafx.scene.control.PasswordField.class).setText(password));
        robot.interact(() -> node("#lockUnlock", javafx.scene.control.Button.class).fire());
    }

    @Test
    void theWindowLocksAfterIdleTimeAndUnlocksOnlyWithThePassword() throws Exception {
        start("3");
        waitUntil(() -> robot.lookup("#lockPane").tryQuery().isPresent());
        assertTrue(robot.lookup("#casesTab").tryQuery().isEmpty() && robot.lookup("#caseTable").tryQuery().isEmpty(),
                "the content is hidden");
        unlockWith("wrong");
        waitUntil(() -> node("#lockError", Label.class).getText().contains("not correct"));
        assertTrue(robot.lookup("#lockPane").tryQuery().isPresent());
        unlockWith(PASSWORD);
        waitUntil(() -> robot.lookup("#caseTable").tryQuery().isPresent());
    }

    @Test
    void lockingKeepsWhatWasTyped() throws Exception {
        start("600");
        waitUntil(() -> robot.lookup("#caseTable").tryQuery().isPresent()
                && !node("#caseTable", TableView.class).getItems().isEmpty());
        @SuppressWarnings("unchecked")
        TableView<org.reviewdesk.domain.CaseSummary> table = node("#caseTable", TableView.class);
        robot.interact(() -> table.getSelectionModel().select(0));
        robot.interact(() -> node("#openCaseButton", javafx.scene.control.Button.class).fire());
        waitUntil(() -> robot.lookup("#clinicalSummary").tryQuery().isPresent());
        TextArea summary = node("#clinicalSummary", TextArea.class);
        robot.interact(() -> summary.appendText(" Typed just before the lock."));
        javafx.scene.control.MenuBar bar = node(".menu-bar", javafx.scene.control.MenuBar.class);
        robot.interact(() -> bar.getMenus().stream().flatMap(m -> m.getItems().stream())
                .filter(i -> "Lock now".equals(i.getText())).findFirst().orElseThrow().fire());
        waitUntil(() -> robot.lookup("#lockPane").tryQuery().isPresent());
        assertTrue(robot.lookup("#clinicalSummary").tryQuery().isEmpty(), "the content is hidden");
        unlockWith(PASSWORD);
        waitUntil(() -> robot.lookup("#clinicalSummary").tryQuery().isPresent());
        assertTrue(node("#clinicalSummary", TextArea.class).getText().endsWith("Typed just before the lock."));
        assertEquals(0, robot.lookup("#lockPane").queryAll().size());
    }

    private javafx.stage.Stage recordWindow() {
        return javafx.stage.Window.getWindows().stream().filter(w -> w instanceof javafx.stage.Stage st
                && st.getTitle() != null && st.getTitle().startsWith("Record") && w.isShowing())
                .map(w -> (javafx.stage.Stage) w).findFirst().orElse(null);
    }

    @Test
    void theRecordInItsOwnWindowIsCoveredByTheLockAndReadingThereIsUse() throws Exception {
        start("10");
        waitUntil(() -> robot.lookup("#caseTable").tryQuery().isPresent()
                && !node("#caseTable", TableView.class).getItems().isEmpty());
        robot.interact(() -> node("#openCaseButton", javafx.scene.control.Button.class).fire());
        waitUntil(() -> robot.lookup("#clinicalSummary").tryQuery().isPresent());
        javafx.scene.control.MenuBar bar = node(".menu-bar", javafx.scene.control.MenuBar.class);
        robot.interact(() -> bar.getMenus().stream().flatMap(m -> m.getItems().stream())
                .filter(i -> "Record in its own window".equals(i.getText())).findFirst().orElseThrow().fire());
        waitUntil(() -> recordWindow() != null);
        javafx.stage.Stage record = recordWindow();
        javafx.scene.Parent pages = record.getScene().getRoot();

        assertTrue(robot.lookup("#lockPane").tryQuery().isEmpty());
        // use in the main window, then reading in the record's window for longer than the idle time: no lock
        robot.interact(() -> bar.getScene().getRoot().fireEvent(new javafx.scene.input.KeyEvent(
                javafx.scene.input.KeyEvent.KEY_PRESSED, "", "", javafx.scene.input.KeyCode.SHIFT, true,
                false, false, false)));
        for (int i = 0; i < 13; i++) {
            robot.interact(() -> record.getScene().getRoot().fireEvent(new javafx.scene.input.KeyEvent(
                    javafx.scene.input.KeyEvent.KEY_PRESSED, "", "", javafx.scene.input.KeyCode.PAGE_DOWN, false,
                    false, false, false)));
            Thread.sleep(1000);
        }
        assertTrue(robot.lookup("#lockPane").tryQuery().isEmpty(), "reading in the record's window is use");

        // locked: the record's window shows no page, and comes back as it was
        robot.interact(() -> bar.getMenus().stream().flatMap(m -> m.getItems().stream())
                .filter(i -> "Lock now".equals(i.getText())).findFirst().orElseThrow().fire());
        waitUntil(() -> robot.lookup("#lockPane").tryQuery().isPresent());
        assertTrue(record.isShowing(), "the window stays where it is");
        assertTrue(record.getScene().getRoot().lookup("#recordText") == null
                && record.getScene().getRoot().lookupAll(".image-view").isEmpty(), "no page in it while locked");
        unlockWith(PASSWORD);
        waitUntil(() -> robot.lookup("#caseTable").tryQuery().isPresent()
                || robot.lookup("#clinicalSummary").tryQuery().isPresent());
        assertEquals(pages, record.getScene().getRoot(), "the record's window shows its pages again");
    }
}
