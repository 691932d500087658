package org.reviewdesk.ui;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import javafx.application.Application;
import javafx.scene.control.SplitPane;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reviewdesk.app.ReviewDeskApp;
import org.reviewdesk.service.Workbench;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

/**
 * A case tab reopened at start, with no divider position saved (the window did not close normally the time before),
 * gives the record its usual share of the window. It read the missing position as -1, clamped to 0.2: the page got
 * 36 % of a 1280 px window and 24 % of 1920, on every start after a crash or a kill.
 */
class ReopenedTabsWindowTest {
    private static final String PASSWORD = "reopened tabs password";

    @TempDir
    Path data;
    private Application app;
    private final FxRobot robot = new FxRobot();

    @BeforeEach
    void store() throws Exception {
        FxToolkit.registerPrimaryStage();
        try (Workbench w = Workbench.create(data, PASSWORD.toCharArray(), false)) {
            w.saveWindowState("openCases", "EXAMPLE-0001");
            w.saveWindowState("selectedCase", "EXAMPLE-0001");
        }
    }

    @AfterEach
    void stopWindow() throws Exception {
        if (app != null) {
            FxToolkit.cleanupApplication(app);
        }
        FxToolkit.cleanupStages();
    }

    @Test
    void aReopenedCaseTabWithoutASavedDividerGivesTheRecordItsUsualShare() throws Exception {
        app = FxToolkit.setupApplication(() -> new ReviewDeskApp(data));
        FxToolkit.setupStage(s -> {
            s.setWidth(1280);
            s.setHeight(800);
        });
        robot.clickOn("#password").write(PASSWORD);
        robot.clickOn("#unlockButton");
        FxWait.until(90, () -> robot.lookup("#workspaceSplit").tryQuery().isPresent()
                && robot.lookup("#workspaceSplit").queryAs(SplitPane.class).getWidth() > 0);
        Thread.sleep(500);
        double[] at = new double[1];
        FxWait.until(10, () -> {
            at[0] = robot.lookup("#workspaceSplit").queryAs(SplitPane.class).getDividerPositions()[0];
            return true;
        });
        assertTrue(at[0] > 0.5, "the record's share of the workspace: " + at[0]);
    }
}
