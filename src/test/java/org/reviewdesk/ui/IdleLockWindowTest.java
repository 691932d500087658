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
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reviewdesk.app.ReviewDeskApp;
import org.reviewdesk.service.Workbench;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** The window locks itself after idle time (3 s here instead of 10 min) and unlocks with the password. */
class IdleLockWindowTest {
    private static final String PASSWORD = "sample password 1";

    @TempDir
    Path data;
    private Application app;
    private final FxRobot robot = new FxRobot();

    @BeforeEach
    void start() throws Exception {
        System.setProperty("reviewdesk.idleSeconds", "3");
        Workbench.create(data, PASSWORD.toCharArray(), false).close();
        FxToolkit.registerPrimaryStage();
        app = FxToolkit.setupApplication(() -> new ReviewDeskApp(data));
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
        WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, c);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void theWindowLocksWhenIdleAndNothingTypedIsLost() throws Exception {
        robot.clickOn("#password").write(PASSWORD).type(KeyCode.ENTER);
        waitUntil(() -> robot.lookup("#caseTable").tryQuery().isPresent()
                && !node("#caseTable", TableView.class).getItems().isEmpty());
        robot.doubleClickOn("EXAMPLE-0001");
        waitUntil(() -> robot.lookup("#clinicalSummary").tryQuery().isPresent());
        TextArea summary = node("#clinicalSummary", TextArea.class);
        robot.interact(() -> summary.appendText(" Typed just before the lock."));

        waitUntil(() -> robot.lookup("#lockPane").tryQuery().isPresent());
        assertTrue(robot.lookup("#clinicalSummary").tryQuery().isEmpty(), "the content is hidden");

        robot.clickOn("#lockPassword").write("wrong").type(KeyCode.ENTER);
        waitUntil(() -> node("#lockError", Label.class).getText().contains("not correct"));
        robot.interact(() -> node("#lockPassword", javafx.scene.control.PasswordField.class).setText(PASSWORD));
        robot.interact(() -> node("#lockUnlock", javafx.scene.control.Button.class).fire());

        waitUntil(() -> robot.lookup("#clinicalSummary").tryQuery().isPresent());
        assertTrue(node("#clinicalSummary", TextArea.class).getText().endsWith("Typed just before the lock."));
        assertEquals(0, robot.lookup("#lockPane").queryAll().size());
    }
}
