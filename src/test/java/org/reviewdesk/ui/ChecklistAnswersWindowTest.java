package org.reviewdesk.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.text.Text;
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
 * The checklist's answers at 1280x800 (the walk-through's screenshots): a typed answer is shown whole and the yes/no
 * boxes are as wide as each other; "cervical spine" read "cervical spir" in a field squeezed to 110 px.
 */
class ChecklistAnswersWindowTest {
    private static final String PASSWORD = "checklist password 1";

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

    @Test
    void aTypedAnswerIsShownWholeAndTheYesNoBoxesAreAsWide() throws Exception {
        app = FxToolkit.setupApplication(() -> new ReviewDeskApp(data));
        robot.interact(() -> {
            robot.lookup("#password").queryAs(javafx.scene.control.PasswordField.class).setText(PASSWORD);
            robot.lookup("#unlockButton").queryAs(javafx.scene.control.Button.class).fire();
        });
        FxWait.until(90, () -> robot.lookup("#caseTable").tryQuery().isPresent()
                && !robot.lookup("#caseTable").queryAs(TableView.class).getItems().isEmpty());
        LaptopWindow.resize();
        robot.interact(() -> robot.lookup("#openCaseButton").queryAs(javafx.scene.control.Button.class).fire());
        FxWait.until(60, () -> robot.lookup("#checklist-0").tryQuery().isPresent());
        WaitForAsyncUtils.sleep(1, TimeUnit.SECONDS);
        Node checklist = robot.lookup("#checklist-0").query();
        List<TextField> texts = WaitForAsyncUtils.asyncFx(() -> checklist.lookupAll(".text-field").stream()
                .filter(n -> n instanceof TextField t && t.getPrefColumnCount() == 14 && t.getParent() == checklist)
                .map(n -> (TextField) n).toList()).get(10, TimeUnit.SECONDS);
        assertFalse(texts.isEmpty(), "the checklist asks for a typed answer");
        TextField field = texts.get(0);
        robot.interact(() -> field.setText("cervical spine"));
        WaitForAsyncUtils.sleep(500, TimeUnit.MILLISECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        double[] widths = WaitForAsyncUtils.asyncFx(() -> {
            Text t = new Text(field.getText());
            t.setFont(field.getFont());
            return new double[] {t.getLayoutBounds().getWidth() + field.getInsets().getLeft()
                    + field.getInsets().getRight(), field.getWidth()};
        }).get(10, TimeUnit.SECONDS);
        assertTrue(widths[0] <= widths[1], "\"cervical spine\" needs " + widths[0] + " px, the field is " + widths[1]);
        List<Double> boxes = WaitForAsyncUtils.asyncFx(() -> checklist.lookupAll(".combo-box-base").stream()
                .filter(n -> n instanceof ComboBox<?> && n.getParent() == checklist)
                .map(n -> Math.rint(((ComboBox<?>) n).getWidth())).distinct().toList()).get(10, TimeUnit.SECONDS);
        assertEquals(1, boxes.size(), "the yes/no boxes are as wide as each other: " + boxes);
        // the typed answer saved (autosave, 1.5 s) before the window closes: else closing asks about unsaved changes
        // and that question outlives the test, taking the next window test's keys
        WaitForAsyncUtils.sleep(3, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
    }
}
