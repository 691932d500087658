package org.reviewdesk.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import javafx.application.Application;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.VBox;
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
 * The letter preview zooms: Ctrl+plus from fit width goes to the nearest zoom and up, Ctrl+0 fits the width again,
 * and at 150 % the pages are rendered again at the resolution that size needs (they were drawn at 72 dpi whatever the
 * size, and the signature block's small print was a blur).
 */
class LetterPreviewZoomWindowTest {
    private static final String PASSWORD = "letter preview zoom password 1";

    @TempDir
    Path data;
    private Application app;
    private final FxRobot robot = new FxRobot();

    @BeforeEach
    void register() throws Exception {
        FxToolkit.registerPrimaryStage();
        try (Workbench w = Workbench.create(data, PASSWORD.toCharArray(), false)) {
            // the sample case's store
        }
    }

    @AfterEach
    void stop() throws Exception {
        if (app != null) {
            FxToolkit.cleanupApplication(app);
        }
        FxToolkit.cleanupStages();
    }

    private ImageView firstPage() {
        return (ImageView) robot.lookup("#letterPreview").queryAs(javafx.scene.layout.Region.class)
                .lookupAll(".image-view").iterator().next();
    }

    @Test
    void theKeysZoomAndTheZoomedPagesAreRenderedSharp() throws Exception {
        app = FxToolkit.setupApplication(() -> new ReviewDeskApp(data));
        robot.interact(() -> {
            robot.lookup("#password").queryAs(javafx.scene.control.PasswordField.class).setText(PASSWORD);
            robot.lookup("#unlockButton").queryAs(javafx.scene.control.Button.class).fire();
        });
        FxWait.until(90, () -> robot.lookup("#caseTable").tryQuery().isPresent()
                && !robot.lookup("#caseTable").queryAs(TableView.class).getItems().isEmpty());
        LaptopWindow.resize();
        robot.interact(() -> robot.lookup("#openCaseButton").queryAs(javafx.scene.control.Button.class).fire());
        FxWait.until(60, () -> robot.lookup("#rightTabs").tryQuery().isPresent());
        robot.interact(() -> robot.lookup("#rightTabs").queryAs(javafx.scene.control.TabPane.class)
                .getSelectionModel().select(1));
        FxWait.until(30, () -> robot.lookup("#previewStatus").queryAs(Label.class).getText().endsWith("pages"));
        @SuppressWarnings("unchecked")
        ComboBox<String> zoom = robot.lookup("#previewZoom").queryAs(ComboBox.class);
        assertEquals("Fit width", zoom.getValue());
        double fitted = firstPage().getFitWidth();

        robot.clickOn(firstPage());
        MonocleKeys.readyFor(robot, (javafx.stage.Stage) zoom.getScene().getWindow());
        robot.press(KeyCode.CONTROL).type(KeyCode.EQUALS).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertNotEquals("Fit width", zoom.getValue(), () -> "Ctrl+= did not zoom: " + MonocleKeys.describe());
        String first = zoom.getValue();
        robot.press(KeyCode.CONTROL).type(KeyCode.EQUALS).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(Integer.parseInt(zoom.getValue().replace("%", "")) > Integer.parseInt(first.replace("%", "")),
                first + " then " + zoom.getValue());
        robot.press(KeyCode.CONTROL).type(KeyCode.DIGIT0).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("Fit width", zoom.getValue());
        assertEquals(fitted, firstPage().getFitWidth(), 1.0);

        robot.interact(() -> zoom.setValue("150%"));
        assertEquals(8.5 * 96 * 1.5, firstPage().getFitWidth(), 1.0);
        // rendered again for that size: 1,224 px shown, an image of about as many pixels (72 dpi gave 612)
        FxWait.until(30, () -> firstPage().getImage().getWidth() >= 1200);
        VBox pages = (VBox) firstPage().getParent();
        assertTrue(pages.getChildren().size() >= 2, "every page still shown");
        WaitForAsyncUtils.waitForFxEvents();
        Shots.save(zoom.getScene().getWindow(), "letter-preview-150");
    }
}
