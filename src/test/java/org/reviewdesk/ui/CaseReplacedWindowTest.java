package org.reviewdesk.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.control.Button;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reviewdesk.app.ReviewDeskApp;
import org.reviewdesk.domain.CaseFile;
import org.reviewdesk.service.Workbench;
import org.reviewdesk.ui.caselist.CaseListPane;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A case open in a tab, with an edit not yet saved, is replaced by an import the reviewer confirms: the tab shows the
 * imported case, and no autosave of the old tab writes over it. Before, the import selected the old tab, which kept
 * showing the old case, and its pending autosave undid the import.
 */
class CaseReplacedWindowTest {
    private static final String PASSWORD = "case replaced window password 1";

    @TempDir
    Path data;
    @TempDir
    Path out;
    private Application app;
    private final FxRobot robot = new FxRobot();
    private Path packet;

    @BeforeEach
    void register() throws Exception {
        FxToolkit.registerPrimaryStage();
        try (Workbench w = Workbench.create(data, PASSWORD.toCharArray(), false)) {
            CaseFile c = w.cases().get("EXAMPLE-0001");
            w.cases().save(c.withEdits("The summary of the case file that comes in.", c.items()));
            packet = out.resolve("EXAMPLE-0001.zip");
            w.cases().export("EXAMPLE-0001", packet);
            c = w.cases().get("EXAMPLE-0001");
            w.cases().save(c.withEdits("The summary as stored before.", c.items()));
        }
    }

    @AfterEach
    void stop() throws Exception {
        if (app != null) {
            FxToolkit.cleanupApplication(app);
        }
        FxToolkit.cleanupStages();
    }

    /** The "Replace" button of the confirmation showing, or null. */
    private static Button replaceButton() {
        for (javafx.stage.Window w : javafx.stage.Window.getWindows()) {
            if (w.isShowing() && w.getScene() != null
                    && w.getScene().getRoot() instanceof javafx.scene.control.DialogPane p) {
                for (javafx.scene.Node n : p.lookupAll(".button")) {
                    if (n instanceof Button b && "Replace".equals(b.getText())) {
                        return b;
                    }
                }
            }
        }
        return null;
    }

    @Test
    void theOpenTabShowsTheImportedCaseAndItsAutosaveDoesNotUndoTheImport() throws Exception {
        app = FxToolkit.setupApplication(() -> new ReviewDeskApp(data));
        robot.interact(() -> {
            robot.lookup("#password").queryAs(javafx.scene.control.PasswordField.class).setText(PASSWORD);
            robot.lookup("#unlockButton").queryAs(Button.class).fire();
        });
        FxWait.until(90, () -> robot.lookup("#caseTable").tryQuery().isPresent()
                && !robot.lookup("#caseTable").queryAs(TableView.class).getItems().isEmpty());
        CaseListPane list = robot.lookup(n -> n instanceof CaseListPane).queryAs(CaseListPane.class);
        robot.interact(() -> robot.lookup("#openCaseButton").queryAs(Button.class).fire());
        FxWait.until(60, () -> robot.lookup("#clinicalSummary").tryQuery().isPresent()
                && robot.lookup("#clinicalSummary").queryAs(TextArea.class).getText().startsWith("The summary as"));
        TextArea summary = robot.lookup("#clinicalSummary").queryAs(TextArea.class);
        // an edit the autosave has not written yet, then the import of the same case
        robot.interact(() -> summary.appendText(" Typed in the tab."));
        Platform.runLater(() -> list.importPath(packet));
        FxWait.until(30, () -> replaceButton() != null);
        robot.interact(() -> replaceButton().fire());
        FxWait.until(30, () -> robot.lookup("#clinicalSummary").tryQuery().isPresent()
                && robot.lookup("#clinicalSummary").queryAs(TextArea.class).getText()
                        .equals("The summary of the case file that comes in."));
        long tabsOfTheCase = robot.lookup(".tab-pane").queryAllAs(TabPane.class).stream()
                .flatMap(p -> p.getTabs().stream()).filter(t -> "EXAMPLE-0001".equals(t.getUserData())).count();
        assertEquals(1, tabsOfTheCase, "one tab of the case");
        // well past the autosave's 1.5 s
        Thread.sleep(3000);
        WaitForAsyncUtils.waitForFxEvents();
        FxToolkit.cleanupApplication(app);
        app = null;
        try (Workbench w = Workbench.open(data, PASSWORD.toCharArray())) {
            assertEquals("The summary of the case file that comes in.",
                    w.cases().get("EXAMPLE-0001").clinicalSummary());
        }
    }
}
