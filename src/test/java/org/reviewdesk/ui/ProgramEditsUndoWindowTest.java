package org.reviewdesk.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import javafx.application.Application;
import javafx.scene.control.Button;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reviewdesk.app.ReviewDeskApp;
import org.reviewdesk.domain.Evidence;
import org.reviewdesk.service.Workbench;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * What the program writes into a text (an excerpt inserted, the profile's credentials taken) is an edit of that
 * text: Ctrl+Z takes it back. Before, the text was set, which also cleared what the reviewer could undo.
 */
class ProgramEditsUndoWindowTest {
    private static final String PASSWORD = "program edits undo password 1";

    @TempDir
    Path data;
    private Application app;
    private final FxRobot robot = new FxRobot();

    @BeforeEach
    void register() throws Exception {
        FxToolkit.registerPrimaryStage();
        try (Workbench w = Workbench.create(data, PASSWORD.toCharArray(), false)) {
            String doc = w.records().documents("EXAMPLE-0001").get(0).document().id();
            w.records().addExcerpt("EXAMPLE-0001", new Evidence(doc, 1, "SYNTHETIC SAMPLE DATA", null, null));
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
    void anInsertedExcerptAndTheProfilesCredentialsAreUndone() throws Exception {
        app = FxToolkit.setupApplication(() -> new ReviewDeskApp(data));
        robot.interact(() -> {
            robot.lookup("#password").queryAs(javafx.scene.control.PasswordField.class).setText(PASSWORD);
            robot.lookup("#unlockButton").queryAs(Button.class).fire();
        });
        FxWait.until(90, () -> robot.lookup("#caseTable").tryQuery().isPresent()
                && !robot.lookup("#caseTable").queryAs(TableView.class).getItems().isEmpty());
        robot.interact(() -> robot.lookup("#openCaseButton").queryAs(Button.class).fire());
        FxWait.until(60, () -> robot.lookup("#clinicalSummary").tryQuery().isPresent());
        TextArea summary = robot.lookup("#clinicalSummary").queryAs(TextArea.class);
        robot.interact(() -> summary.appendText(" Typed by the reviewer."));
        String typed = summary.getText();

        ListView<?> excerpts = robot.lookup("#excerptList").queryAs(ListView.class);
        FxWait.until(30, () -> !excerpts.getItems().isEmpty());
        robot.interact(() -> excerpts.getSelectionModel().select(0));
        FxWait.until(30, () -> excerpts.lookupAll(".list-cell").stream()
                .anyMatch(n -> n instanceof ListCell<?> c && c.getItem() != null && c.getContextMenu() != null));
        robot.interact(() -> excerpts.lookupAll(".list-cell").stream()
                .filter(n -> n instanceof ListCell<?> c && c.getItem() != null).map(n -> (ListCell<?>) n)
                .findFirst().orElseThrow().getContextMenu().getItems().get(0).fire());
        FxWait.until(30, () -> summary.getText().contains("SYNTHETIC SAMPLE DATA"));
        robot.interact(summary::undo);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(typed, summary.getText(), "Ctrl+Z takes the inserted excerpt back");
        robot.interact(summary::undo);
        assertTrue(!summary.getText().endsWith("Typed by the reviewer."), "and then the reviewer's typing");

        TextField licensure = robot.lookup("#caseLicensure").queryAs(TextField.class);
        String own = licensure.getText();
        assertTrue(!own.isEmpty(), "the sample case carries its own credentials");
        robot.interact(() -> robot.lookup("#useProfileCredentials").queryAs(Button.class).fire());
        assertEquals("", licensure.getText());
        robot.interact(licensure::undo);
        assertEquals(own, licensure.getText(), "Ctrl+Z brings the case's own credentials back");
    }

    /** The "Remove" or "Cancel" button of the confirmation showing, or null. */
    private static Button confirmation(String text) {
        for (javafx.stage.Window w : javafx.stage.Window.getWindows()) {
            if (w.isShowing() && w.getScene() != null
                    && w.getScene().getRoot() instanceof javafx.scene.control.DialogPane p) {
                for (javafx.scene.Node n : p.lookupAll(".button")) {
                    if (n instanceof Button b && text.equals(b.getText())) {
                        return b;
                    }
                }
            }
        }
        return null;
    }

    @Test
    void removingAnExcerptAsksFirst() throws Exception {
        app = FxToolkit.setupApplication(() -> new ReviewDeskApp(data));
        robot.interact(() -> {
            robot.lookup("#password").queryAs(javafx.scene.control.PasswordField.class).setText(PASSWORD);
            robot.lookup("#unlockButton").queryAs(Button.class).fire();
        });
        FxWait.until(90, () -> robot.lookup("#caseTable").tryQuery().isPresent()
                && !robot.lookup("#caseTable").queryAs(TableView.class).getItems().isEmpty());
        robot.interact(() -> robot.lookup("#openCaseButton").queryAs(Button.class).fire());
        FxWait.until(60, () -> robot.lookup("#clinicalSummary").tryQuery().isPresent());
        ListView<?> excerpts = robot.lookup("#excerptList").queryAs(ListView.class);
        FxWait.until(30, () -> excerpts.getItems().size() == 1 && excerpts.lookupAll(".list-cell").stream()
                .anyMatch(n -> n instanceof ListCell<?> c && c.getItem() != null && c.getContextMenu() != null));
        Runnable remove = () -> {
            var menu = excerpts.lookupAll(".list-cell").stream()
                    .filter(n -> n instanceof ListCell<?> c && c.getItem() != null).map(n -> (ListCell<?>) n)
                    .findFirst().orElseThrow().getContextMenu();
            menu.getItems().get(menu.getItems().size() - 1).fire();
        };
        javafx.application.Platform.runLater(remove);
        FxWait.until(20, () -> confirmation("Cancel") != null);
        robot.interact(() -> confirmation("Cancel").fire());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, excerpts.getItems().size(), "cancelled: the excerpt stays");
        javafx.application.Platform.runLater(remove);
        FxWait.until(20, () -> confirmation("Remove") != null);
        robot.interact(() -> confirmation("Remove").fire());
        FxWait.until(20, () -> excerpts.getItems().isEmpty());
    }
}
