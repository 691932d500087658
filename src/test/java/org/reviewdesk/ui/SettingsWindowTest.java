package org.reviewdesk.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.MenuBar;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reviewdesk.app.ReviewDeskApp;
import org.reviewdesk.service.Workbench;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

/**
 * Settings says what is wrong before OK: a port that is no number keeps OK off with a line saying what to enter (it
 * was said after the dialog had closed, as the raw "For input string", with the mail settings lost).
 */
class SettingsWindowTest {
    private static final String PASSWORD = "settings window password 1";

    @TempDir
    Path data;
    private Application app;
    private final FxRobot robot = new FxRobot();

    @BeforeEach
    void register() throws Exception {
        FxToolkit.registerPrimaryStage();
        Workbench.create(data, PASSWORD.toCharArray(), false).close();
    }

    @AfterEach
    void stop() throws Exception {
        if (app != null) {
            FxToolkit.cleanupApplication(app);
        }
        FxToolkit.cleanupStages();
    }

    @Test
    void aWrongPortKeepsOkOffWithWhatToEnterAndARightOneIsSaved() throws Exception {
        app = FxToolkit.setupApplication(() -> new ReviewDeskApp(data));
        robot.interact(() -> {
            robot.lookup("#password").queryAs(javafx.scene.control.PasswordField.class).setText(PASSWORD);
            robot.lookup("#unlockButton").queryAs(Button.class).fire();
        });
        FxWait.until(90, () -> robot.lookup("#caseTable").tryQuery().isPresent()
                && !robot.lookup("#caseTable").queryAs(TableView.class).getItems().isEmpty());
        MenuBar bar = robot.lookup(".menu-bar").queryAs(MenuBar.class);
        Platform.runLater(() -> bar.getMenus().stream().flatMap(m -> m.getItems().stream())
                .filter(i -> "Settings…".equals(i.getText())).findFirst().orElseThrow().fire());
        FxWait.until(30, () -> robot.lookup("#settingsDialog").tryQuery().isPresent());
        DialogPane pane = robot.lookup("#settingsDialog").queryAs(DialogPane.class);
        Button ok = (Button) pane.lookupButton(ButtonType.OK);
        // OK waits until the settings are read
        FxWait.until(30, () -> !ok.isDisabled());
        robot.interact(() -> {
            robot.lookup("#smtpHost").queryAs(TextField.class).setText("mail.example.org");
            robot.lookup("#smtpPort").queryAs(TextField.class).setText("58x");
        });
        assertTrue(ok.isDisabled(), "OK is off while the port is no number");
        String said = robot.lookup("#settingsInvalid").queryAs(Label.class).getText();
        assertTrue(said.startsWith("SMTP port: a number from 1 to 65535"), said);
        Shots.save(pane.getScene().getWindow(), "settings-invalid-port");
        robot.interact(() -> robot.lookup("#backupKeep").queryAs(TextField.class).setText("0"));
        assertTrue(robot.lookup("#settingsInvalid").queryAs(Label.class).getText().startsWith("Backups to keep"));
        robot.interact(() -> {
            robot.lookup("#backupKeep").queryAs(TextField.class).setText("12");
            robot.lookup("#smtpPort").queryAs(TextField.class).setText("587");
        });
        assertFalse(ok.isDisabled());
        assertEquals("", robot.lookup("#settingsInvalid").queryAs(Label.class).getText());
        // My dictionary: edited in a dialog of its own, saved at its OK
        Label count = robot.lookup("#dictionaryCount").queryAs(Label.class);
        FxWait.until(30, () -> count.getText().startsWith("no words of your own"));
        Platform.runLater(() -> robot.lookup("#editDictionary").queryAs(Button.class).fire());
        FxWait.until(30, () -> robot.lookup("#dictionaryDialog").tryQuery().isPresent());
        DialogPane words = robot.lookup("#dictionaryDialog").queryAs(DialogPane.class);
        robot.interact(() -> robot.lookup("#dictionaryWords").queryAs(javafx.scene.control.TextArea.class)
                .setText("quixorbital\nbeta blocker\n"));
        robot.interact(() -> ((Button) words.lookupButton(ButtonType.OK)).fire());
        assertTrue(words.getScene().getWindow().isShowing(), "a line of two words keeps the dialog, and the text");
        assertEquals("\u201cbeta blocker\u201d is not one word: one word a line.",
                robot.lookup("#dictionaryProblem").queryAs(Label.class).getText());
        robot.interact(() -> robot.lookup("#dictionaryWords").queryAs(javafx.scene.control.TextArea.class)
                .setText("quixorbital\n\nBrandexa\n"));
        Shots.save(words.getScene().getWindow(), "settings-dictionary");
        robot.interact(() -> ((Button) words.lookupButton(ButtonType.OK)).fire());
        FxWait.until(30, () -> "2 words".equals(count.getText()));
        robot.interact(ok::fire);
        FxWait.until(30, () -> robot.lookup("#settingsDialog").tryQuery().isEmpty());
        Thread.sleep(1500);
        FxToolkit.cleanupApplication(app);
        app = null;
        try (Workbench w = Workbench.open(data, PASSWORD.toCharArray())) {
            assertEquals(587, w.delivery().smtp().port());
            assertEquals("mail.example.org", w.delivery().smtp().host());
            assertEquals(12, w.backupPlan().keep());
            assertEquals(java.util.List.of("Brandexa", "quixorbital"), w.ownWords());
        }
        org.reviewdesk.guideline.Spelling.useOwnWords(java.util.List.of());
    }

    @Test
    void theArchiveDialogComparesTheTwoPasswordsAsTheyAreTyped() throws Exception {
        app = FxToolkit.setupApplication(() -> new ReviewDeskApp(data));
        robot.interact(() -> {
            robot.lookup("#password").queryAs(javafx.scene.control.PasswordField.class).setText(PASSWORD);
            robot.lookup("#unlockButton").queryAs(Button.class).fire();
        });
        FxWait.until(90, () -> robot.lookup("#caseTable").tryQuery().isPresent()
                && !robot.lookup("#caseTable").queryAs(TableView.class).getItems().isEmpty());
        robot.interact(() -> robot.lookup("#openCaseButton").queryAs(Button.class).fire());
        FxWait.until(60, () -> robot.lookup("#clinicalSummary").tryQuery().isPresent());
        MenuBar bar = robot.lookup(".menu-bar").queryAs(MenuBar.class);
        Platform.runLater(() -> bar.getMenus().stream().flatMap(m -> m.getItems().stream())
                .filter(i -> i.getText() != null && i.getText().startsWith("Archive case")).findFirst().orElseThrow()
                .fire());
        FxWait.until(30, () -> robot.lookup("#archiveDialog").tryQuery().isPresent());
        DialogPane pane = robot.lookup("#archiveDialog").queryAs(DialogPane.class);
        Button ok = (Button) pane.lookupButton(ButtonType.OK);
        Label mismatch = robot.lookup("#bundlePasswordMismatch").queryAs(Label.class);
        assertTrue(ok.isDisabled() && mismatch.isVisible(), "no password yet");
        robot.interact(() -> {
            robot.lookup("#bundlePassword").queryAs(TextField.class).setText("bundle secret 1");
            robot.lookup("#bundlePasswordAgain").queryAs(TextField.class).setText("bundle secret 2");
        });
        assertTrue(ok.isDisabled() && mismatch.isVisible(), "two different passwords");
        robot.interact(() -> robot.lookup("#bundlePasswordAgain").queryAs(TextField.class).setText("bundle secret 1"));
        assertFalse(ok.isDisabled() || mismatch.isVisible(), "the same password twice");
        robot.interact(() -> ((Button) pane.lookupButton(ButtonType.CANCEL)).fire());
    }
}
