package org.reviewdesk.ui;

import java.nio.file.Path;
import javafx.application.Application;
import javafx.scene.control.Button;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TableView;
import org.reviewdesk.app.ReviewDeskApp;
import org.reviewdesk.service.Workbench;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

/** For window tests: a new store with the sample case, the real window started on it and unlocked, at laptop size. */
public final class UnlockedWindow {
    private UnlockedWindow() {
    }

    /** Registers the test's stage, makes the store, starts the window, unlocks it; returns the application. */
    public static Application start(Path data, String password) throws Exception {
        FxToolkit.registerPrimaryStage();
        try (Workbench w = Workbench.create(data, password.toCharArray(), false)) {
            // the sample case's store
        }
        FxRobot robot = new FxRobot();
        Application app = FxToolkit.setupApplication(() -> new ReviewDeskApp(data));
        FxWait.until(30, () -> robot.lookup("#password").tryQuery().isPresent());
        robot.interact(() -> {
            robot.lookup("#password").queryAs(PasswordField.class).setText(password);
            robot.lookup("#unlockButton").queryAs(Button.class).fire();
        });
        FxWait.until(90, () -> robot.lookup("#caseTable").tryQuery().isPresent()
                && !robot.lookup("#caseTable").queryAs(TableView.class).getItems().isEmpty());
        LaptopWindow.resize();
        return app;
    }

    /** Opens the case selected in the list (the sample) and waits for the node {@code query} of its workspace. */
    public static void openCase(String query) throws Exception {
        FxRobot robot = new FxRobot();
        robot.interact(() -> robot.lookup("#openCaseButton").queryAs(Button.class).fire());
        FxWait.until(60, () -> robot.lookup(query).tryQuery().isPresent());
    }
}
