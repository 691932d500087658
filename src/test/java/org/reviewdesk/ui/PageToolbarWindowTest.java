package org.reviewdesk.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.FlowPane;
import javafx.stage.Stage;
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
 * The record's page toolbar in the text view, with a search's hits and a selection (every control shown):
 * one row at 1920x1080, two at 1280x800 (the full-screen button was pushed onto a row of its own at both).
 */
class PageToolbarWindowTest {
    private static final String PASSWORD = "toolbar password 1";

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

    private void openSampleAt(int width, int height) throws Exception {
        if (app != null) {
            FxToolkit.cleanupApplication(app);
            app = null;
        }
        Path dir = java.nio.file.Files.createTempDirectory(data, "store-" + width);
        Workbench.create(dir, PASSWORD.toCharArray(), false).close();
        app = FxToolkit.setupApplication(() -> new ReviewDeskApp(dir));
        robot.interact(() -> {
            robot.lookup("#password").queryAs(javafx.scene.control.PasswordField.class).setText(PASSWORD);
            robot.lookup("#unlockButton").queryAs(javafx.scene.control.Button.class).fire();
        });
        FxWait.until(90, () -> robot.lookup("#caseTable").tryQuery().isPresent()
                && !robot.lookup("#caseTable").queryAs(TableView.class).getItems().isEmpty());
        robot.interact(() -> {
            stage.setMaximized(false);
            stage.setWidth(width);
            stage.setHeight(height);
        });
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> robot.lookup("#openCaseButton").queryButton().fire());
        FxWait.until(90, () -> robot.lookup("#draft-0").tryQuery().isPresent()
                && robot.lookup("#recordCounts").queryLabeled().getText().contains("documents"));
        assertEquals(width, stage.getScene().getWidth(), 1.0, "the window takes the size asked for");
    }

    /** The rows of the toolbar's shown controls (a control below the last row's bottom starts a row), by id. */
    private List<List<String>> rows() {
        FlowPane bar = robot.lookup("#pageToolbar").queryAs(FlowPane.class);
        List<List<String>> rows = new ArrayList<>();
        double bottom = Double.NEGATIVE_INFINITY;
        for (Node n : bar.getChildren()) {
            if (!n.isManaged() || !n.isVisible()) {
                continue;
            }
            javafx.geometry.Bounds b = n.getBoundsInParent();
            if (b.getMinY() >= bottom) {
                rows.add(new ArrayList<>());
            }
            bottom = Math.max(bottom, b.getMaxY());
            rows.get(rows.size() - 1).add((n.getId() != null ? n.getId() : n.getTypeSelector())
                    + "@" + Math.round(b.getMinX()) + "+" + Math.round(b.getWidth()));
        }
        return rows;
    }

    private List<List<String>> toolbarWithEverythingShown(int width, int height) throws Exception {
        openSampleAt(width, height);
        robot.interact(() -> robot.lookup("#pageTextToggle").queryAs(javafx.scene.control.ToggleButton.class)
                .setSelected(true));
        robot.clickOn("#recordSearch").write("range of motion").type(KeyCode.ENTER);
        FxWait.until(30, () -> robot.lookup("#hitCount").queryLabeled().getText().matches("hit 1 of \\d+"));
        TextArea text = robot.lookup("#recordText").queryAs(TextArea.class);
        robot.interact(() -> text.selectRange(0, Math.min(20, text.getLength())));
        // the counters as long as a long record makes them (the sample's documents have one page each)
        robot.interact(() -> {
            robot.lookup("#pageLabel").queryLabeled().setText("Page 120 of 140");
            robot.lookup("#hitCount").queryLabeled().setText("hit 12 of 50");
            robot.lookup("#hitLabel").queryLabeled().setText("12 of 14 on page");
        });
        WaitForAsyncUtils.sleep(500, TimeUnit.MILLISECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#addExcerptButton").query().isVisible());
        Shots.save(stage, "page-toolbar-" + width + "x" + height);
        List<List<String>> rows = rows();
        System.out.println(width + "x" + height + " page toolbar rows: " + rows + " width "
                + robot.lookup("#pageToolbar").queryAs(FlowPane.class).getWidth());
        return rows;
    }

    @Test
    void oneRowAt1920() throws Exception {
        List<List<String>> rows = toolbarWithEverythingShown(1920, 1080);
        assertEquals(1, rows.size(), "the page toolbar wraps at 1920x1080: " + rows);
    }

    @Test
    void twoRowsAt1280() throws Exception {
        List<List<String>> rows = toolbarWithEverythingShown(1280, 800);
        assertEquals(2, rows.size(), rows.toString());
        assertTrue(rows.get(rows.size() - 1).size() > 1, "a row of its own: " + rows);
    }
}
