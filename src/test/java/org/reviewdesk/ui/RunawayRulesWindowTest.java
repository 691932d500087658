package org.reviewdesk.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reviewdesk.app.ReviewDeskApp;
import org.reviewdesk.guideline.RulesData;
import org.reviewdesk.service.Workbench;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A pattern of the reviewer's own rules.json that backtracks without end on a case's request: the case and its
 * builder open all the same, one error dialog names the file and the entry and says to fix or remove it and
 * restart, and Draft reports it again without touching the rationale; the checks say it in their place, at every
 * edit, without a dialog.
 */
class RunawayRulesWindowTest {
    private static final String PASSWORD = "sample password 1";
    private static final String REQUEST = "x" + "a".repeat(40) + "!";
    private static final String CASE = "{\"format\":\"reviewdesk-case/1\",\"caseNumber\":\"CM99-0000011\","
            + "\"priority\":\"STANDARD\",\"dateOfInjury\":\"2015-03-02\",\"dateAssigned\":\"2016-12-01\","
            + "\"clinicalSummary\":\"The injured worker is a 52 year old male with low back pain.\","
            + "\"items\":[{\"request\":\"" + REQUEST + "\"}]}";
    private static final String ENTRY = "$.categoryRules[0] (psych).match";

    @TempDir
    Path data;
    @TempDir
    Path tmp;
    private Path rules;
    private Application app;
    private final FxRobot robot = new FxRobot();

    @BeforeEach
    void start() throws Exception {
        Path caseFile = tmp.resolve("case.json");
        Files.writeString(caseFile, CASE);
        try (Workbench w = Workbench.create(data, PASSWORD.toCharArray(), false)) {
            w.cases().importPath(caseFile, false);
        }
        // exponential on "x" and a run of a's without the "b"
        rules = Files.writeString(data.resolve("rules.json"), "{\"format\":\"reviewdesk-rules/1\",\"categoryRules\":"
                + "[{\"category\":\"psych\",\"match\":[\"qigong\",\"x(a|a){1,100}b\"]}]}");
        FxToolkit.registerPrimaryStage();
        app = FxToolkit.setupApplication(() -> new ReviewDeskApp(data));
    }

    @AfterEach
    void stop() throws Exception {
        FxToolkit.cleanupApplication(app);
        FxToolkit.cleanupStages();
        RulesData.useDataFolder(tmp.resolve("no-such-folder"));
    }

    private <T extends Node> T node(String query, Class<T> type) {
        return robot.lookup(query).queryAs(type);
    }

    /** The error dialogs showing now. */
    private static List<DialogPane> errorDialogs() {
        return Window.getWindows().stream().filter(Window::isShowing)
                .filter(w -> w.getScene() != null && w.getScene().getRoot() instanceof DialogPane p
                        && "errorDialog".equals(p.getId()))
                .map(w -> (DialogPane) w.getScene().getRoot()).toList();
    }

    private DialogPane theErrorDialog() throws Exception {
        FxWait.until(60, () -> !errorDialogs().isEmpty());
        List<DialogPane> shown = errorDialogs();
        assertEquals(1, shown.size(), "one dialog");
        return shown.get(0);
    }

    private void close(DialogPane dialog) throws Exception {
        robot.interact(() -> ((Button) dialog.lookupButton(ButtonType.OK)).fire());
        FxWait.until(30, () -> errorDialogs().isEmpty());
    }

    private void assertNamesTheFileAndTheEntry(DialogPane dialog, String heading) {
        String text = dialog.getContentText();
        assertEquals(heading, dialog.getHeaderText());
        assertTrue(text.startsWith(rules + ": " + ENTRY + ": the pattern takes too long"), text);
        assertTrue(text.contains("remove the file, then restart ReviewDesk"), text);
        assertFalse(text.contains(REQUEST), "the request is not quoted: " + text);
        assertFalse(text.contains("Exception") || text.contains("\tat "), "no stack trace: " + text);
    }

    @Test
    @SuppressWarnings("unchecked")
    void theBuilderOpensAndOneDialogNamesTheFileAndTheEntryAndDraftReportsItAgainKeepingTheText() throws Exception {
        // nothing read beforehand: the window reads the data folder's rules.json when it unlocks, before a case opens
        robot.interact(() -> {
            robot.lookup("#password").queryAs(javafx.scene.control.PasswordField.class).setText(PASSWORD);
            robot.lookup("#unlockButton").queryAs(Button.class).fire();
        });
        FxWait.until(90, () -> robot.lookup("#caseTable").tryQuery().isPresent()
                && !node("#caseTable", TableView.class).getItems().isEmpty());
        robot.doubleClickOn("CM99-0000011");
        FxWait.until(60, () -> robot.lookup("#draft-0").tryQuery().isPresent());

        DialogPane opened = theErrorDialog();
        assertNamesTheFileAndTheEntry(opened, "The category of item 1 could not be suggested");
        Shots.save(opened.getScene().getWindow(), "runaway-rules-dialog");
        close(opened);
        assertTrue(robot.lookup("#builder-0").tryQuery().isPresent(), "the builder is shown");
        assertNull(node("#category-0", ComboBox.class).getValue(), "no category suggested");

        // the reviewer decides and writes: the checks (an overturned quantity is judged in the item's category) say
        // it in their place at every edit, no dialog
        TextArea rationale = node("#rationale-0", TextArea.class);
        robot.interact(() -> {
            node("#decision-0", ComboBox.class).setValue(org.reviewdesk.domain.Decision.OVERTURNED);
            rationale.setText("My own words on this request.");
        });
        FxWait.until(60, () -> node("#checks-0", VBox.class).getChildren().stream()
                .anyMatch(n -> n instanceof Label l && l.getText().startsWith("The checks could not run: " + rules
                        + ": " + ENTRY)));
        robot.interact(() -> rationale.setText("My own words on this request, edited."));
        WaitForAsyncUtils.sleep(1500, TimeUnit.MILLISECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(errorDialogs().isEmpty(), "no dialog per keystroke");

        // Draft, asked for, reports it each time; the reviewer's text stays
        Platform.runLater(() -> node("#draft-0", Button.class).fire());
        DialogPane drafted = theErrorDialog();
        assertNamesTheFileAndTheEntry(drafted, "The rationale could not be drafted");
        assertTrue(drafted.getContentText().endsWith("Your rationale is unchanged."), drafted.getContentText());
        close(drafted);
        assertEquals("My own words on this request, edited.", rationale.getText());

        // Cite ranks by the item's category: reported over the dialog, which then lists what the typed words find
        robot.interact(() -> node("#cite-0", Button.class).fire());
        DialogPane cite = theErrorDialog();
        assertNamesTheFileAndTheEntry(cite, "The guidelines could not be ranked for this item");
        close(cite);
        javafx.scene.control.ListView<?> hits = node("#guidelineHits", javafx.scene.control.ListView.class);
        robot.interact(() -> node("#guidelineQuery", javafx.scene.control.TextField.class).setText("low back"));
        FxWait.until(30, () -> !hits.getItems().isEmpty());
        assertTrue(errorDialogs().isEmpty(), "reported once, not at every typed word");
        robot.interact(() -> ((Button) node("#guidelinePicker", DialogPane.class).lookupButton(ButtonType.CANCEL))
                .fire());
        assertEquals("My own words on this request, edited.", rationale.getText());
    }
}
