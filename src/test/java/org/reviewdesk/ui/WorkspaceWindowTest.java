package org.reviewdesk.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TitledPane;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reviewdesk.app.ReviewDeskApp;
import org.reviewdesk.domain.CaseFile;
import org.reviewdesk.domain.StoredDocument;
import org.reviewdesk.service.ReviewerProfile;
import org.reviewdesk.service.Workbench;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The workspace as a reviewer uses it for a whole case: search with Enter and F3, the credentials
 * difference, one signing dialog whose record-contradiction warning must be ticked, Finalize that
 * keeps the letter already signed, a read-only case that refuses records; and a window that comes
 * back with its size and case tabs.
 */
class WorkspaceWindowTest {
    private static final String PASSWORD = "sample password 1";

    @TempDir
    Path data;
    private Application app;
    private final FxRobot robot = new FxRobot();
    private Stage stage;

    @BeforeEach
    void register() throws Exception {
        stage = FxToolkit.registerPrimaryStage();
    }

    @AfterEach
    void stop() throws Exception {
        if (app != null) {
            FxToolkit.cleanupApplication(app);
        }
        FxToolkit.cleanupStages();
    }

    private void launchAndOpenSample() throws Exception {
        app = FxToolkit.setupApplication(() -> new ReviewDeskApp(data));
        // unlocked through the controls, not typed keys, which a window left behind by another test could catch
        robot.interact(() -> {
            robot.lookup("#password").queryAs(javafx.scene.control.PasswordField.class).setText(PASSWORD);
            robot.lookup("#unlockButton").queryAs(javafx.scene.control.Button.class).fire();
        });
        waitUntil(() -> robot.lookup("#caseTable").tryQuery().isPresent()
                && !robot.lookup("#caseTable").queryAs(TableView.class).getItems().isEmpty());
        robot.doubleClickOn("EXAMPLE-0001");
        waitUntil(() -> robot.lookup("#draft-0").tryQuery().isPresent());
    }

    private <T extends Node> T node(String query, Class<T> type) {
        return robot.lookup(query).queryAs(type);
    }

    private void waitUntil(java.util.concurrent.Callable<Boolean> condition) throws Exception {
        org.reviewdesk.ui.FxWait.until(90, condition);
    }

    private static DialogPane dialog(String id) {
        for (Window w : Window.getWindows()) {
            if (w.isShowing() && w.getScene() != null && w.getScene().getRoot() instanceof DialogPane p
                    && id.equals(p.getId())) {
                return p;
            }
        }
        return null;
    }

    private MenuItem menu(String text) {
        MenuBar bar = robot.lookup(".menu-bar").queryAs(MenuBar.class);
        return bar.getMenus().stream().flatMap(m -> m.getItems().stream()).filter(i -> text.equals(i.getText()))
                .findFirst().orElseThrow(() -> new AssertionError("no menu item " + text));
    }

    @Test
    @SuppressWarnings("unchecked")
    void aWholeCaseSearchSignFinalizeAndReadOnly() throws Exception {
        String exportedSha;
        try (Workbench w = Workbench.create(data, PASSWORD.toCharArray(), false)) {
            w.letters().saveProfile(new ReviewerProfile("Reviewer 4711", List.of("California"),
                    List.of("Physical Medicine and Rehabilitation"), ""));
            w.letters().createIdentity("Reviewer 4711");
            CaseFile c = w.cases().get("EXAMPLE-0001");
            var item = c.items().get(0);
            // the rationale says what the record disproves: the progress note documents full range of motion
            w.cases().save(c.withEdits(c.clinicalSummary(), List.of(item.withTexts(item.request(),
                    item.claimsAdministratorGuideline(), item.reviewerGuideline(), item.rationale()
                            + " Full range of motion is not documented in the records provided."))));
            // Sign & Export, as the window does it after its dialog
            exportedSha = w.letters().sign("EXAMPLE-0001", null).sha256();
        }
        launchAndOpenSample();

        // the case carries its own credentials, different from the profile: shown, editable
        waitUntil(() -> node("#credentialsSource", Label.class).getText().contains("different from your profile"));
        assertEquals("Texas, California", robot.lookup("#caseLicensure").queryTextInputControl().getText());

        // search: Enter opens the first hit, F3 walks on across pages and documents, Shift+F3 back
        ListView<StoredDocument> docs = node("#documentList", ListView.class);
        waitUntil(() -> docs.getItems().size() == 3);
        robot.clickOn("#recordSearch").write("cervical").type(KeyCode.ENTER);
        Label count = node("#hitCount", Label.class);
        waitUntil(() -> count.getText().matches("hit 1 of \\d+"));
        int total = Integer.parseInt(count.getText().replaceAll(".* of ", ""));
        assertTrue(total >= 2, count.getText());
        String firstDocument = docs.getSelectionModel().getSelectedItem().document().id();
        waitUntil(() -> "cervical".equalsIgnoreCase(node("#recordText", TextArea.class).getSelectedText()));
        for (int i = 0; i < 20 && !count.getText().startsWith("hit 2 of"); i++) {
            robot.type(KeyCode.F3);
            WaitForAsyncUtils.waitForFxEvents();
        }
        assertEquals("hit 2 of " + total, count.getText());
        waitUntil(() -> !docs.getSelectionModel().getSelectedItem().document().id().equals(firstDocument));
        robot.press(KeyCode.SHIFT).type(KeyCode.F3).release(KeyCode.SHIFT);
        for (int i = 0; i < 20 && !count.getText().startsWith("hit 1 of"); i++) {
            robot.press(KeyCode.SHIFT).type(KeyCode.F3).release(KeyCode.SHIFT);
            WaitForAsyncUtils.waitForFxEvents();
        }
        assertEquals("hit 1 of " + total, count.getText());
        assertEquals("cervical", org.reviewdesk.ui.record.RecordPane.recentQueries().get(0));

        // a finding that quotes the record links to the page it quotes: the record search opens it, marked
        waitUntil(() -> robot.lookup("#showInRecord-0").tryQuery().isPresent());
        robot.interact(() -> robot.lookup("#showInRecord-0").queryAs(javafx.scene.control.Hyperlink.class).fire());
        waitUntil(() -> node("#recordSearch", javafx.scene.control.TextField.class).getText()
                .toLowerCase(java.util.Locale.ROOT).contains("full range of motion")
                && count.getText().matches("hit \\d+ of \\d+"));
        // the page the finding quotes, whatever its rank among the hits
        waitUntil(() -> docs.getSelectionModel().getSelectedItem().document().title().contains("Progress"));

        // one signing dialog: every check, the record contradiction among them, each warning ticked
        Platform.runLater(() -> node("#signButton", Button.class).fire());
        waitUntil(() -> dialog("signingDialog") != null);
        DialogPane signing = dialog("signingDialog");
        List<CheckBox> ticks = signing.lookupAll(".check-box").stream().map(n -> (CheckBox) n).toList();
        CheckBox contradiction = ticks.stream().filter(t -> String.valueOf(t.getUserData())
                .startsWith("documented-after-all")).findFirst().orElseThrow(() -> new AssertionError(
                "no record-contradiction warning among " + ticks.stream().map(CheckBox::getText).toList()));
        assertTrue(contradiction.getText().contains("full range of motion"), contradiction.getText());
        assertTrue(ticks.stream().anyMatch(t -> "credentials".equals(t.getUserData())), "credentials difference");
        Node confirm = signing.lookup("#signConfirmButton");
        robot.interact(() -> ticks.stream().filter(t -> t != contradiction).forEach(t -> t.setSelected(true)));
        assertTrue(confirm.isDisabled(), "not signed until the contradiction is ticked too");
        robot.interact(() -> contradiction.setSelected(true));
        assertFalse(confirm.isDisabled());
        robot.interact(() -> signing.lookupButton(javafx.scene.control.ButtonType.CANCEL)
                .fireEvent(new javafx.event.ActionEvent()));
        waitUntil(() -> dialog("signingDialog") == null);

        // Finalize: the same dialog, then the letter already signed is kept (same SHA-256)
        Platform.runLater(() -> node("#finalizeButton", Button.class).fire());
        waitUntil(() -> dialog("signingDialog") != null);
        DialogPane finalizing = dialog("signingDialog");
        // it says before the reviewer confirms that the letter signed earlier still matches and is the one kept
        String what = ((Label) finalizing.lookup("#signingWhatHappens")).getText();
        assertTrue(what.matches("The letter you signed today \\d\\d:\\d\\d still matches the case: it is the letter "
                + "kept, not signed again\\..*"), what);
        robot.interact(() -> finalizing.lookupAll(".check-box").forEach(n -> ((CheckBox) n).setSelected(true)));
        robot.interact(() -> ((Button) finalizing.lookup("#signConfirmButton")).fire());
        waitUntil(() -> robot.lookup("#lockedBadge").tryQuery().isPresent());
        assertEquals("Finalized · read-only", node("#lockedBadge", Label.class).getText());
        waitUntil(() -> Toasts.statusLine().get().contains("same SHA-256"));
        // the finished case offers its signed letter first; the unsigned export says what it is
        assertFalse(node("#saveSignedButton", Button.class).isDisabled());
        assertEquals("Unsigned draft…", node("#exportPdfButton", Button.class).getText());

        // read-only in the window: no record files, menus follow, texts readable in normal contrast
        assertTrue(node("#addRecordsButton", Button.class).isDisabled());
        assertTrue(menu("Add record files…").isDisable());
        assertTrue(menu("Save").isDisable());
        assertTrue(menu("Sign & export letter…").isDisable());
        assertTrue(menu("Finalize case…").isDisable());
        robot.press(KeyCode.CONTROL).type(KeyCode.O).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        // (a notification popup of the finalize may still be showing: only stages count)
        assertEquals(1, Window.getWindows().stream().filter(w -> w instanceof javafx.stage.Stage && w.isShowing())
                .count(), () -> "no file chooser, no dialog: " + MonocleKeys.describe());
        waitUntil(() -> robot.lookup("#rationale-0").tryQuery().isPresent());
        TextArea rationale = node("#rationale-0", TextArea.class);
        assertFalse(rationale.isDisabled(), "not greyed out");
        assertFalse(rationale.isEditable());
        TitledPane checklist = node("#checklistPane-0", TitledPane.class);
        assertFalse(checklist.isDisabled(), "the checklist opens to be read");
        robot.interact(() -> checklist.setExpanded(true));
        // the page's text is read and selected, not taken as an excerpt
        javafx.scene.control.ToggleButton pageText = node("#pageTextToggle", javafx.scene.control.ToggleButton.class);
        robot.interact(() -> pageText.setSelected(true));
        TextArea recordText = node("#recordText", TextArea.class);
        robot.interact(() -> recordText.selectRange(0, Math.min(20, recordText.getLength())));
        Button addExcerpt = node("#addExcerptButton", Button.class);
        assertTrue(addExcerpt.isVisible() && !recordText.getSelectedText().isEmpty());
        assertTrue(addExcerpt.isDisabled(), "no excerpt in a finalized case");
        assertTrue(addExcerpt.getTooltip().getText().contains("finalized"), addExcerpt.getTooltip().getText());
        // the chronology is part of what was signed (excerpts cite by it): shown, not corrected, merged or split
        @SuppressWarnings("unchecked")
        javafx.scene.control.ListView<Object> chronology = node("#chronologyList", javafx.scene.control.ListView.class);
        robot.interact(() -> chronology.getSelectionModel().select(0));
        for (String b : new String[] {"#chronologyCorrect", "#chronologyMerge", "#chronologySplit"}) {
            assertTrue(node(b, Button.class).isDisabled(), b + " in a finalized case");
        }
        assertTrue(chronology.getContextMenu().getItems().stream().limit(3).allMatch(MenuItem::isDisable));

        FxToolkit.cleanupApplication(app);
        app = null;
        try (Workbench w = Workbench.open(data, PASSWORD.toCharArray())) {
            assertEquals(exportedSha, w.letters().matchingSignedLetter("EXAMPLE-0001", null).orElseThrow()
                    .sha256(), "the kept letter is the exported one");
            assertEquals(3, w.records().documents("EXAMPLE-0001").size());
        }
    }

    @Test
    void theWindowComesBackWithItsSizeAndCaseTabs() throws Exception {
        Workbench.create(data, PASSWORD.toCharArray(), false).close();
        launchAndOpenSample();
        robot.interact(() -> {
            stage.setMaximized(false);
            stage.setX(20);
            stage.setY(10);
            stage.setWidth(1300);
            stage.setHeight(850);
        });
        WaitForAsyncUtils.waitForFxEvents();
        FxToolkit.cleanupApplication(app);
        app = null;
        // the only plain file the window writes holds numbers: no case number, no record text
        java.util.Properties places = new java.util.Properties();
        try (var in = java.nio.file.Files.newInputStream(data.resolve("window.properties"))) {
            places.load(in);
        }
        assertFalse(places.isEmpty());
        for (String k : places.stringPropertyNames()) {
            assertTrue(k.matches("[a-zA-Z]+\\.(x|y|w|h|maximized)"), k);
            assertTrue(places.getProperty(k).matches("-?[0-9.]+|true|false"), k + "=" + places.getProperty(k));
        }
        assertFalse(java.nio.file.Files.readString(data.resolve("window.properties")).contains("EXAMPLE"));
        // the stage is reused between launches: make it another size first
        robot.interact(() -> {
            stage.setWidth(700);
            stage.setHeight(500);
        });

        app = FxToolkit.setupApplication(() -> new ReviewDeskApp(data));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1300, stage.getWidth(), 1.0);
        assertEquals(850, stage.getHeight(), 1.0);
        // unlocked through the controls, not typed keys, which a window left behind by another test could catch
        robot.interact(() -> {
            robot.lookup("#password").queryAs(javafx.scene.control.PasswordField.class).setText(PASSWORD);
            robot.lookup("#unlockButton").queryAs(javafx.scene.control.Button.class).fire();
        });
        waitUntil(() -> robot.lookup("#case-EXAMPLE-0001").tryQuery().isPresent()
                || robot.lookup("#workspace").tryQuery().isPresent());
        waitUntil(() -> robot.lookup("#draft-0").tryQuery().isPresent());
        assertEquals("Case EXAMPLE-0001", node("#caseTitle", Label.class).getText(), "the case tab is open again");
    }
}
