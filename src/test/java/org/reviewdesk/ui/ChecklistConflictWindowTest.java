package org.reviewdesk.ui;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.Pane;
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
 * Checklist answers that contradict each other show at once among the item's consistency checks: the sample case's
 * physical therapy answered "no prior therapy" beside 6 prior visits warns, and the warning goes when the count is
 * cleared. Before, the checks listened to the texts and the decision only: an answer's finding waited for the next
 * edit of the rationale.
 */
class ChecklistConflictWindowTest {
    private static final String PASSWORD = "checklist conflict password 1";

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

    private boolean warned() {
        Pane checks = robot.lookup("#checks-0").queryAs(Pane.class);
        return checks.getChildren().stream().anyMatch(n -> "answers-contradict".equals(n.getUserData())
                && n instanceof Label l && l.getText().contains("has not had physical therapy"));
    }

    @Test
    void contradictoryAnswersWarnAtOnceAndTheWarningGoesWhenOneIsCorrected() throws Exception {
        app = FxToolkit.setupApplication(() -> new ReviewDeskApp(data));
        robot.interact(() -> {
            robot.lookup("#password").queryAs(javafx.scene.control.PasswordField.class).setText(PASSWORD);
            robot.lookup("#unlockButton").queryAs(javafx.scene.control.Button.class).fire();
        });
        FxWait.until(90, () -> robot.lookup("#caseTable").tryQuery().isPresent()
                && !robot.lookup("#caseTable").queryAs(TableView.class).getItems().isEmpty());
        LaptopWindow.resize();
        robot.interact(() -> robot.lookup("#openCaseButton").queryAs(javafx.scene.control.Button.class).fire());
        FxWait.until(60, () -> robot.lookup("#q-0-priorTherapy").tryQuery().isPresent()
                && robot.lookup("#checks-0").tryQuery().isPresent());
        WaitForAsyncUtils.sleep(1, TimeUnit.SECONDS);
        assertTrue(!warned(), "no conflict before the answers");
        @SuppressWarnings("unchecked")
        ComboBox<String> prior = robot.lookup("#q-0-priorTherapy").queryAs(ComboBox.class);
        TextField visits = robot.lookup("#q-0-priorVisits").queryAs(TextField.class);
        robot.interact(() -> {
            robot.lookup("#checklistPane-0").queryAs(javafx.scene.control.TitledPane.class).setExpanded(true);
            prior.setValue("no");
            visits.setText("6");
        });
        FxWait.until(10, this::warned);
        Node checks = robot.lookup("#checks-0").query();
        robot.interact(() -> {
            // the checks in view for the screenshot: the editor's scroll pane brought down to them
            for (javafx.scene.Parent p = checks.getParent(); p != null; p = p.getParent()) {
                if (p instanceof javafx.scene.control.ScrollPane sp) {
                    double y = sp.getContent().sceneToLocal(checks.localToScene(0, 0)).getY();
                    double room = sp.getContent().getLayoutBounds().getHeight() - sp.getViewportBounds().getHeight();
                    sp.setVvalue(room <= 0 ? 0 : Math.min(1, Math.max(0, (y - 250) / room)));
                    break;
                }
            }
        });
        WaitForAsyncUtils.waitForFxEvents();
        Shots.save(checks.getScene().getWindow(), "checklist-conflict");
        robot.interact(() -> visits.setText(""));
        FxWait.until(10, () -> !warned());
        // the answers saved (autosave, 1.5 s) before the window closes: else closing asks about unsaved changes
        WaitForAsyncUtils.sleep(3, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
    }
}
