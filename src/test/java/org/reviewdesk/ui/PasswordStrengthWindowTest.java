package org.reviewdesk.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import javafx.application.Application;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressBar;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reviewdesk.app.ReviewDeskApp;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** Finding 6 in the window: a short password is refused, the strength meter follows what is typed. */
class PasswordStrengthWindowTest {
    @TempDir
    Path data;
    private Application app;
    private final FxRobot robot = new FxRobot();

    @BeforeEach
    void startWindow() throws Exception {
        FxToolkit.registerPrimaryStage();
        app = FxToolkit.setupApplication(() -> new ReviewDeskApp(data));
    }

    @AfterEach
    void stopWindow() throws Exception {
        FxToolkit.cleanupApplication(app);
        FxToolkit.cleanupStages();
    }

    private <T extends javafx.scene.Node> T node(String query, Class<T> type) {
        return robot.lookup(query).queryAs(type);
    }

    private void type(String id, String text) {
        robot.interact(() -> node(id, PasswordField.class).setText(text));
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void aOneCharacterPasswordIsRefusedAndTheMeterRisesWithAStrongerOne() throws Exception {
        type("#password", "x");
        type("#confirmPassword", "x");
        assertTrue(node("#passwordStrength", Label.class).getText().contains("too short"),
                node("#passwordStrength", Label.class).getText());
        robot.interact(() -> node("#unlockButton", Button.class).fire());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("Choose a password of at least 10 characters.", node("#unlockError", Label.class).getText());
        assertFalse(Files.exists(data.resolve("reviewdesk.mv.db")), "no store for a refused password");

        type("#password", "password12");
        double weak = node("#passwordStrengthMeter", ProgressBar.class).getProgress();
        assertTrue(node("#passwordStrength", Label.class).getText().startsWith("Strength: Very weak"),
                node("#passwordStrength", Label.class).getText());
        type("#confirmPassword", "password12");
        robot.interact(() -> node("#unlockButton", Button.class).fire());
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(node("#unlockError", Label.class).getText().startsWith("This password is very easy to guess"),
                node("#unlockError", Label.class).getText());

        type("#password", "maple orbit cactus violin");
        assertTrue(node("#passwordStrengthMeter", ProgressBar.class).getProgress() > weak);
        assertTrue(node("#passwordStrength", Label.class).getText().matches("Strength: (Strong|Very strong).*"),
                node("#passwordStrength", Label.class).getText());
    }
}
