package org.reviewdesk.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DialogPane;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TextArea;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reviewdesk.app.ReviewDeskApp;
import org.reviewdesk.service.ReviewerProfile;
import org.reviewdesk.service.Workbench;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A physician reviewer's main steps from the keyboard, as a walk-through of a whole case found them
 * (WalkthroughTour under Xvfb): what has the focus after each step, and what Enter, Escape and the shortcuts do.
 */
class ReviewerKeyboardWindowTest {
    private static final String PASSWORD = "keyboard password 1";

    @TempDir
    Path data;
    private Application app;
    private final FxRobot robot = new FxRobot();
    private Stage stage;

    @BeforeEach
    void register() throws Exception {
        stage = FxToolkit.registerPrimaryStage();
        try (Workbench w = Workbench.create(data, PASSWORD.toCharArray(), false)) {
            w.letters().saveProfile(new ReviewerProfile("Reviewer 4711", List.of("California"),
                    List.of("Physical Medicine and Rehabilitation"), ""));
            // an excerpt of the progress note (the second document; the first is opened with the case)
            w.records().addExcerpt("EXAMPLE-0001", new org.reviewdesk.domain.Evidence("progress-2015-01-19", 1,
                    "Cervical spine: full range of motion in flexion, extension, rotation and lateral bending.",
                    "Exam before the request", 0));
        }
    }

    @AfterEach
    void stop() throws Exception {
        if (app != null) {
            FxToolkit.cleanupApplication(app);
        }
        FxToolkit.cleanupStages();
    }

    private void unlock() throws Exception {
        app = FxToolkit.setupApplication(() -> new ReviewDeskApp(data));
        robot.interact(() -> {
            robot.lookup("#password").queryAs(javafx.scene.control.PasswordField.class).setText(PASSWORD);
            robot.lookup("#unlockButton").queryAs(javafx.scene.control.Button.class).fire();
        });
        FxWait.until(90, () -> robot.lookup("#caseTable").tryQuery().isPresent()
                && !robot.lookup("#caseTable").queryAs(TableView.class).getItems().isEmpty());
        WaitForAsyncUtils.sleep(1, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void openSample() throws Exception {
        unlock();
        robot.interact(() -> robot.lookup("#openCaseButton").queryAs(javafx.scene.control.Button.class).fire());
        FxWait.until(60, () -> robot.lookup("#draft-0").tryQuery().isPresent());
        FxWait.until(30, () -> robot.lookup("#documentList").queryAs(ListView.class).getItems().size() == 3);
        WaitForAsyncUtils.sleep(1, TimeUnit.SECONDS);
        // no key an earlier test left held, the focus in this window (see MonocleKeys)
        MonocleKeys.readyFor(robot, stage);
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

    /** Opens the dialog {@code id} with {@code open} and returns the id of its focus owner; cancels it. */
    private String focusInDialog(String id, Runnable open) throws Exception {
        javafx.application.Platform.runLater(open);
        FxWait.until(30, () -> dialog(id) != null);
        WaitForAsyncUtils.sleep(500, TimeUnit.MILLISECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        String owner = WaitForAsyncUtils.asyncFx(() -> {
            Node n = dialog(id).getScene().getFocusOwner();
            return n == null ? "nothing" : n.getId() == null ? n.toString() : n.getId();
        }).get(10, TimeUnit.SECONDS);
        closeDialog(id);
        return owner;
    }

    private void closeDialog(String id) throws Exception {
        robot.interact(() -> {
            DialogPane p = dialog(id);
            if (p != null) {
                ((javafx.scene.control.Button) p.lookupButton(ButtonType.CANCEL)).fire();
            }
        });
        FxWait.until(10, () -> dialog(id) == null);
    }

    private MenuItem menu(String text) {
        MenuBar bar = robot.lookup(".menu-bar").queryAs(MenuBar.class);
        return bar.getMenus().stream().flatMap(m -> m.getItems().stream())
                .filter(i -> i.getText() != null && i.getText().startsWith(text)).findFirst().orElseThrow();
    }

    private Node focusOwner() throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> stage.getScene().getFocusOwner()).get(10, TimeUnit.SECONDS);
    }

    /**
     * The case list asked for the focus before its tab joined the scene (as right after unlocking, when the
     * unlocked window's tabs are laid out in the next pulse) still gets it: the tab header took it under Xvfb, so
     * Enter did not open the selected case (WalkthroughTour, 1280x800).
     */
    @Test
    void theCaseListTakesTheFocusAskedBeforeItsTabIsLaidOut() throws Exception {
        try (Workbench w = Workbench.open(data, PASSWORD.toCharArray())) {
            javafx.scene.control.TextField before = new javafx.scene.control.TextField();
            robot.interact(() -> {
                stage.setScene(new javafx.scene.Scene(new javafx.scene.layout.BorderPane(before), 800, 600));
                stage.show();
                before.requestFocus();
            });
            WaitForAsyncUtils.waitForFxEvents();
            WaitForAsyncUtils.asyncFx(() -> {
                org.reviewdesk.ui.caselist.CaseListPane list = new org.reviewdesk.ui.caselist.CaseListPane(
                        w.cases(), w.search(), n -> { }, (n, q) -> { });
                javafx.scene.control.TabPane tabs = new javafx.scene.control.TabPane(
                        new javafx.scene.control.Tab("Cases", list));
                ((javafx.scene.layout.BorderPane) stage.getScene().getRoot()).setCenter(tabs);
                list.focusList();
            }).get(10, TimeUnit.SECONDS);
            WaitForAsyncUtils.sleep(1, TimeUnit.SECONDS);
            WaitForAsyncUtils.waitForFxEvents();
            Node owner = focusOwner();
            assertTrue(owner instanceof TableView<?> && "caseTable".equals(owner.getId()),
                    "the case list has the focus, not " + owner);
        }
    }

    /**
     * After unlocking, the case list has the focus with its first case selected: Enter opens it, and the opened
     * case's document list has the focus (it had fallen to the status bar), so Down opens the next document.
     */
    @Test
    void afterUnlockingEnterOpensTheSelectedCaseAndDownItsNextDocument() throws Exception {
        unlock();
        Node table = robot.lookup("#caseTable").query();
        assertSame(table, focusOwner(), "the case list has the keyboard focus after unlocking, not "
                + focusOwner());
        robot.type(javafx.scene.input.KeyCode.ENTER);
        FxWait.until(60, () -> robot.lookup("#draft-0").tryQuery().isPresent());
        FxWait.until(30, () -> robot.lookup("#documentList").queryAs(ListView.class).getItems().size() == 3);
        WaitForAsyncUtils.sleep(1, TimeUnit.SECONDS);
        Node owner = focusOwner();
        assertTrue(owner != null && "documentList".equals(owner.getId()),
                "the opened case's document list has the focus, not " + owner);
        // Page Down turns the page shown, it does not move in the list (it opened the last document of the list)
        robot.type(javafx.scene.input.KeyCode.PAGE_DOWN);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(0, robot.lookup("#documentList").queryAs(ListView.class).getSelectionModel()
                .getSelectedIndex(), "Page Down from the document list is the viewer's");
        robot.type(javafx.scene.input.KeyCode.DOWN);
        // the case opens on its first document: Down goes on to the second
        FxWait.until(30, () -> robot.lookup("#documentList").queryAs(ListView.class).getSelectionModel()
                .getSelectedIndex() == 1);
    }

    /** Enter on an excerpt opens its page, as Enter on a hit does (it took a mouse click). */
    @Test
    @SuppressWarnings("unchecked")
    void enterOnAnExcerptOpensItsPage() throws Exception {
        openSample();
        ListView<org.reviewdesk.domain.StoredDocument> docs = robot.lookup("#documentList").queryAs(ListView.class);
        assertEquals("neuropsych-2014-08-29", WaitForAsyncUtils.asyncFx(() -> docs.getSelectionModel()
                .getSelectedItem().document().id()).get(10, TimeUnit.SECONDS), "the case opens on its first document");
        robot.interact(() -> {
            ((javafx.scene.control.TabPane) robot.lookup("#recordPane").query().lookup(".tab-pane"))
                    .getSelectionModel().select(2);
            ListView<?> excerpts = robot.lookup("#excerptList").queryAs(ListView.class);
            excerpts.getSelectionModel().select(0);
            excerpts.requestFocus();
        });
        WaitForAsyncUtils.waitForFxEvents();
        robot.type(javafx.scene.input.KeyCode.ENTER);
        FxWait.until(20, () -> docs.getSelectionModel().getSelectedItem() != null
                && "progress-2015-01-19".equals(docs.getSelectionModel().getSelectedItem().document().id()));
    }

    /**
     * The dialogs of the flow open with the focus on what the reviewer types or ticks first (they gave it to their
     * default button, or to Cancel when that was disabled, so typed text went nowhere and Enter after ticking
     * the signing dialog's warning cancelled it).
     */
    @Test
    void theFlowsDialogsOpenWithTheFocusOnWhatIsFilledInFirst() throws Exception {
        openSample();
        assertEquals("guidelineQuery", focusInDialog("guidelinePicker",
                () -> robot.lookup("#cite-0").queryAs(javafx.scene.control.Button.class).fire()));
        robot.interact(() -> {
            robot.lookup("#pageTextToggle").queryAs(javafx.scene.control.ToggleButton.class).setSelected(true);
            TextArea text = robot.lookup("#recordText").queryAs(TextArea.class);
            text.selectRange(0, Math.min(40, text.getLength()));
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("excerptNote", focusInDialog("excerptDialog",
                () -> robot.lookup("#addExcerptButton").queryAs(javafx.scene.control.Button.class).fire()));
        assertEquals("emailTo", focusInDialog("emailDialog", () -> menu("E-mail the signed letter").fire()));
        assertEquals("bundlePassword", focusInDialog("archiveDialog", () -> menu("Archive case").fire()));
        // no signing identity yet: a warning to tick (the case's own credentials) and a name to give
        assertEquals("warning-0", focusInDialog("signingDialog",
                () -> robot.lookup("#signButton").queryAs(javafx.scene.control.Button.class).fire()),
                "the signing dialog's first warning has the focus");
    }

    /**
     * The signing dialog without a signing identity yet (a warning, the new identity's prompt and name) shows all
     * its text: the last lines were under its edge at 1280x800 and 1920x1080.
     */
    @Test
    void theSigningDialogShowsAllItsTextWithoutScrolling() throws Exception {
        openSample();
        javafx.application.Platform.runLater(() -> robot.lookup("#signButton").queryAs(javafx.scene.control.Button.class)
                .fire());
        FxWait.until(30, () -> dialog("signingDialog") != null);
        WaitForAsyncUtils.sleep(800, TimeUnit.MILLISECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        double[] heights = WaitForAsyncUtils.asyncFx(() -> {
            var scroll = (javafx.scene.control.ScrollPane) dialog("signingDialog").getContent();
            return new double[] {((javafx.scene.layout.Region) scroll.getContent()).getHeight(),
                    scroll.getViewportBounds().getHeight()};
        }).get(10, TimeUnit.SECONDS);
        boolean asksName = robot.lookup("#identityName").tryQuery().isPresent();
        closeDialog("signingDialog");
        assertTrue(asksName, "the dialog asks for a new identity");
        assertTrue(heights[0] <= heights[1] + 1, "the signing dialog's text fits its view: " + heights[0] + " > "
                + heights[1]);
    }

    /** Draft rationale replaces the reviewer's text as one edit: Ctrl+Z brings the text back, as the question says. */
    @Test
    void ctrlZBringsBackTheRationaleADraftReplaced() throws Exception {
        openSample();
        TextArea rationale = robot.lookup("#rationale-0").queryAs(TextArea.class);
        robot.interact(() -> rationale.setText("My own words."));
        javafx.application.Platform.runLater(() -> robot.lookup("#draft-0").queryAs(javafx.scene.control.Button.class)
                .fire());
        FxWait.until(30, () -> dialog("replaceRationale") != null);
        robot.interact(() -> ((javafx.scene.control.Button) dialog("replaceRationale").lookupButton(ButtonType.YES))
                .fire());
        FxWait.until(10, () -> !rationale.getText().equals("My own words."));
        robot.interact(rationale::requestFocus);
        robot.push(javafx.scene.input.KeyCode.CONTROL, javafx.scene.input.KeyCode.Z);
        FxWait.until(10, () -> rationale.getText().equals("My own words."));
    }

    /**
     * The builder's buttons from the keys (Item menu), for the item being written: F8 goes to the item's rationale,
     * Ctrl+D drafts it, Ctrl+G opens the Cite dialog, Ctrl+U takes the suggested decision; Shift+F8 stays on the first.
     */
    @Test
    void theItemKeysDraftCiteAndDecideTheItemBeingWritten() throws Exception {
        openSample();
        TextArea rationale = robot.lookup("#rationale-0").queryAs(TextArea.class);
        @SuppressWarnings("unchecked")
        javafx.scene.control.ComboBox<org.reviewdesk.domain.Decision> decision =
                robot.lookup("#decision-0").queryAs(javafx.scene.control.ComboBox.class);
        robot.interact(() -> {
            rationale.setText("");
            decision.setValue(null);
            robot.lookup("#documentList").queryAs(ListView.class).requestFocus();
        });
        MonocleKeys.readyFor(robot, stage);
        robot.type(javafx.scene.input.KeyCode.F8);
        FxWait.until(10, () -> focusOwner() == rationale);
        MonocleKeys.readyFor(robot, stage);
        robot.push(javafx.scene.input.KeyCode.CONTROL, javafx.scene.input.KeyCode.D);
        FxWait.until(10, () -> !rationale.getText().isBlank());
        assertTrue(rationale.getText().contains("medically necessary"), rationale.getText());
        assertTrue(robot.lookup("#useSuggestion-0").query().isVisible(), "the draft suggests a decision");
        MonocleKeys.readyFor(robot, stage);
        robot.push(javafx.scene.input.KeyCode.CONTROL, javafx.scene.input.KeyCode.U);
        FxWait.until(10, () -> decision.getValue() != null);
        MonocleKeys.readyFor(robot, stage);
        robot.push(javafx.scene.input.KeyCode.CONTROL, javafx.scene.input.KeyCode.G);
        FxWait.until(10, () -> dialog("guidelinePicker") != null);
        closeDialog("guidelinePicker");
        robot.interact(rationale::requestFocus);
        MonocleKeys.readyFor(robot, stage);
        robot.push(javafx.scene.input.KeyCode.SHIFT, javafx.scene.input.KeyCode.F8);
        WaitForAsyncUtils.waitForFxEvents();
        assertSame(rationale, focusOwner(), "the first item has no previous one");
        // what the keys did is the reviewer's to keep: saved before the window closes
        WaitForAsyncUtils.sleep(3, TimeUnit.SECONDS);
    }

    /** In a 1024x700 window every action of the case header lies inside it (Finalize lay past its right edge). */
    @Test
    void aNarrowWindowKeepsEveryCaseActionInside() throws Exception {
        openSample();
        WaitForAsyncUtils.asyncFx(() -> {
            stage.setMaximized(false);
            stage.setWidth(1024);
            stage.setHeight(700);
        }).get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.sleep(1, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        Shots.save(stage, "narrow-1024x700");
        for (String id : List.of("#saveButton", "#exportPdfButton", "#previewWindowButton", "#signButton",
                "#finalizeButton")) {
            Node b = robot.lookup(id).query();
            javafx.geometry.Bounds at = WaitForAsyncUtils.asyncFx(() -> b.localToScene(b.getBoundsInLocal()))
                    .get(10, TimeUnit.SECONDS);
            double width = stage.getScene().getWidth();
            assertTrue(at.getMinX() >= 0 && at.getMaxX() <= width + 0.5 && at.getWidth() > 20,
                    id + " at " + at + " in a window " + width + " wide");
        }
    }

    /**
     * Words typed just before the application stops (not through the window's close, which asks) are saved as the
     * store closes: the pending autosave fired after it, showed "The case could not be saved ... The object is
     * already closed" over the next window and lost the words.
     */
    @Test
    void wordsTypedJustBeforeTheApplicationStopsAreKept() throws Exception {
        openSample();
        TextArea summary = robot.lookup("#clinicalSummary").queryAs(TextArea.class);
        robot.interact(() -> summary.appendText(" Typed a moment before the end."));
        FxToolkit.cleanupApplication(app);
        app = null;
        // longer than the autosave's pause: a timer left running would fire now
        WaitForAsyncUtils.sleep(3, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        List<String> dialogs = WaitForAsyncUtils.asyncFx(() -> Window.getWindows().stream()
                .filter(w -> w.isShowing() && w.getScene() != null && w.getScene().getRoot() instanceof DialogPane)
                .map(w -> ((DialogPane) w.getScene().getRoot()).getHeaderText()).toList()).get(10, TimeUnit.SECONDS);
        assertEquals(List.of(), dialogs, "no error after the window has gone");
        try (Workbench w = Workbench.open(data, PASSWORD.toCharArray())) {
            String kept = w.cases().get("EXAMPLE-0001").clinicalSummary();
            assertTrue(kept.endsWith(" Typed a moment before the end."), kept);
        }
    }

    /**
     * F1 lists every shortcut of the menus (the list is kept by hand: a key added to a menu and not to it fails
     * here) in a dialog that fits a 1280x800 screen (as one column of 29 rows it was taller).
     */
    @Test
    void f1ListsEveryMenuShortcutInADialogThatFitsALaptop() throws Exception {
        openSample();
        LaptopWindow.resize();
        MonocleKeys.readyFor(robot, stage);
        robot.type(javafx.scene.input.KeyCode.F1);
        FxWait.until(10, () -> dialog("shortcutsDialog") != null);
        WaitForAsyncUtils.sleep(500, TimeUnit.MILLISECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        Window shown = dialog("shortcutsDialog").getScene().getWindow();
        Shots.save(shown, "shortcuts-dialog");
        assertTrue(shown.getHeight() <= 800 && shown.getWidth() <= 1280, shown.getWidth() + "x" + shown.getHeight());
        java.util.Set<String> listed = new java.util.HashSet<>();
        for (String[][] column : HelpDialogs.SHORTCUTS) {
            for (String[] row : column) {
                if (row[0] != null && !row[0].isEmpty()) {
                    for (String k : row[0].split(" / ")) {
                        listed.add(keyName(k.strip()));
                    }
                }
            }
        }
        List<String> missing = new java.util.ArrayList<>();
        MenuBar bar = robot.lookup(".menu-bar").queryAs(MenuBar.class);
        for (javafx.scene.control.Menu m : bar.getMenus()) {
            for (MenuItem i : m.getItems()) {
                if (i.getAccelerator() != null) {
                    String keys = keyName(i.getAccelerator().getName().replace("Shortcut", "Ctrl"));
                    if (!listed.contains(keys)) {
                        missing.add(i.getText() + " (" + keys + ")");
                    }
                }
            }
        }
        assertEquals(List.of(), missing, "menu shortcuts missing from the F1 list " + listed);
        robot.interact(() -> ((javafx.scene.control.Button) dialog("shortcutsDialog").lookupButton(ButtonType.OK))
                .fire());
    }

    /** "Shift+Ctrl+S" and "Ctrl+Shift+S" as one name: the modifiers sorted, the key last. */
    private static String keyName(String keys) {
        List<String> parts = new java.util.ArrayList<>(List.of(keys.split("\\+")));
        String key = parts.remove(parts.size() - 1);
        java.util.Collections.sort(parts);
        parts.add(key);
        return String.join("+", parts);
    }

    /**
     * Ctrl+Z outside a text takes back the last choice (here the category, then the decision, "Use suggested
     * decision" included) and Ctrl+Y makes it again: only typing could be undone, a mis-picked decision not.
     */
    @Test
    void ctrlZTakesBackTheLastChoiceAndCtrlYMakesItAgain() throws Exception {
        openSample();
        @SuppressWarnings("unchecked")
        javafx.scene.control.ComboBox<org.reviewdesk.domain.Decision> decision =
                robot.lookup("#decision-0").queryAs(javafx.scene.control.ComboBox.class);
        @SuppressWarnings("unchecked")
        javafx.scene.control.ComboBox<org.reviewdesk.guideline.TreatmentCategory> category =
                robot.lookup("#category-0").queryAs(javafx.scene.control.ComboBox.class);
        var decided = decision.getValue();
        var chosen = category.getValue();
        var other = decided == org.reviewdesk.domain.Decision.OVERTURNED ? org.reviewdesk.domain.Decision.UPHELD
                : org.reviewdesk.domain.Decision.OVERTURNED;
        robot.interact(() -> decision.setValue(other));
        robot.interact(() -> category.setValue(org.reviewdesk.guideline.TreatmentCategory.OTHER));
        robot.interact(() -> robot.lookup("#documentList").queryAs(ListView.class).requestFocus());

        MonocleKeys.readyFor(robot, stage);
        robot.push(javafx.scene.input.KeyCode.CONTROL, javafx.scene.input.KeyCode.Z);
        FxWait.until(10, () -> category.getValue() == chosen);
        assertEquals(other, decision.getValue(), "one choice at a time");
        assertEquals("Undone: Category of item 1.", Toasts.statusLine().get());
        MonocleKeys.readyFor(robot, stage);
        robot.push(javafx.scene.input.KeyCode.CONTROL, javafx.scene.input.KeyCode.Z);
        FxWait.until(10, () -> decision.getValue() == decided);
        assertSame(decision, focusOwner(), "the choice taken back is shown");
        MonocleKeys.readyFor(robot, stage);
        robot.push(javafx.scene.input.KeyCode.CONTROL, javafx.scene.input.KeyCode.Y);
        FxWait.until(10, () -> decision.getValue() == other);
        assertEquals(chosen, category.getValue());
        assertEquals("Redone: Decision of item 1.", Toasts.statusLine().get());
        // what was chosen is the reviewer's to keep: saved before the window closes
        WaitForAsyncUtils.sleep(3, TimeUnit.SECONDS);
    }

    /** The e-mail dialog's buttons wait for a recipient: with none, Save draft closed the dialog and did nothing. */
    @Test
    void theEmailDialogWaitsForARecipient() throws Exception {
        openSample();
        javafx.application.Platform.runLater(() -> menu("E-mail the signed letter").fire());
        FxWait.until(30, () -> dialog("emailDialog") != null);
        DialogPane p = dialog("emailDialog");
        javafx.scene.control.TextField to = (javafx.scene.control.TextField) p.lookup("#emailTo");
        // what goes out is named: the sample case has no signed letter yet, and the dialog says so
        assertEquals("IMR determination EXAMPLE-0001",
                ((javafx.scene.control.Label) p.lookup("#emailSubject")).getText());
        assertEquals("No signed letter yet: sign the letter first (Sign & Export).",
                ((javafx.scene.control.Label) p.lookup("#emailAttachment")).getText());
        List<Node> actions = WaitForAsyncUtils.asyncFx(() -> p.getButtonTypes().stream()
                .filter(b -> b != ButtonType.CANCEL).map(p::lookupButton).toList()).get(10, TimeUnit.SECONDS);
        assertEquals(2, actions.size());
        robot.interact(() -> to.setText(""));
        assertTrue(actions.stream().allMatch(Node::isDisabled), "no recipient: Save draft and Send now disabled");
        robot.interact(() -> to.setText("claims@example.org"));
        assertTrue(actions.stream().noneMatch(Node::isDisabled), "a recipient: both enabled");
        closeDialog("emailDialog");
    }

    /** Ctrl+Shift+E keeps the text selected on the page as an excerpt (the toolbar's button had no key). */
    @Test
    void ctrlShiftEKeepsTheSelectedPageTextAsAnExcerpt() throws Exception {
        openSample();
        robot.interact(() -> {
            robot.lookup("#pageTextToggle").queryAs(javafx.scene.control.ToggleButton.class).setSelected(true);
            TextArea text = robot.lookup("#recordText").queryAs(TextArea.class);
            text.requestFocus();
            text.selectRange(0, Math.min(40, text.getLength()));
        });
        WaitForAsyncUtils.waitForFxEvents();
        robot.push(javafx.scene.input.KeyCode.CONTROL, javafx.scene.input.KeyCode.SHIFT, javafx.scene.input.KeyCode.E);
        FxWait.until(20, () -> dialog("excerptDialog") != null);
        closeDialog("excerptDialog");
    }

    /**
     * An excerpt kept for an item while the case is open is cited in that item's draft ("Per the ..."): the draft
     * read the case as it was opened, so the signed letter cited no record until the case was opened again.
     */
    @Test
    void anExcerptKeptInThisSessionIsCitedInTheDraft() throws Exception {
        openSample();
        String[] quote = new String[1];
        robot.interact(() -> {
            robot.lookup("#pageTextToggle").queryAs(javafx.scene.control.ToggleButton.class).setSelected(true);
            TextArea text = robot.lookup("#recordText").queryAs(TextArea.class);
            text.requestFocus();
            int at = text.getText().indexOf("Referral question");
            text.selectRange(at, at + "Referral question: cognitive complaints".length());
            quote[0] = text.getSelectedText();
        });
        assertEquals("Referral question: cognitive complaints", quote[0]);
        WaitForAsyncUtils.waitForFxEvents();
        MonocleKeys.readyFor(robot, stage);
        robot.push(javafx.scene.input.KeyCode.CONTROL, javafx.scene.input.KeyCode.SHIFT, javafx.scene.input.KeyCode.E);
        FxWait.until(20, () -> dialog("excerptDialog") != null);
        robot.interact(() -> ((javafx.scene.control.Button) dialog("excerptDialog").lookupButton(ButtonType.OK))
                .fire());
        FxWait.until(20, () -> dialog("excerptDialog") == null
                && Toasts.statusLine().get().startsWith("Excerpt kept"));
        WaitForAsyncUtils.sleep(1, TimeUnit.SECONDS);
        TextArea rationale = robot.lookup("#rationale-0").queryAs(TextArea.class);
        robot.interact(() -> rationale.setText(""));
        robot.interact(() -> robot.lookup("#draft-0").queryAs(javafx.scene.control.Button.class).fire());
        FxWait.until(10, () -> !rationale.getText().isBlank());
        assertTrue(rationale.getText().contains("\"Referral question: cognitive complaints.\""), rationale.getText());
        WaitForAsyncUtils.sleep(3, TimeUnit.SECONDS);
    }

    /**
     * Finalize from the keyboard: Space ticks the warning that has the focus, Tab goes to the next, Enter on the last
     * finalizes (Enter on a focused tick box unticked it, and the case stayed open).
     */
    @Test
    void spaceTicksTheWarningAndEnterFinalizes() throws Exception {
        openSample();
        javafx.application.Platform.runLater(() -> robot.lookup("#finalizeButton")
                .queryAs(javafx.scene.control.Button.class).fire());
        FxWait.until(30, () -> dialog("signingDialog") != null);
        FxWait.until(10, () -> dialog("signingDialog").getScene().getFocusOwner() != null
                && "warning-0".equals(dialog("signingDialog").getScene().getFocusOwner().getId()));
        int warnings = WaitForAsyncUtils.asyncFx(() -> dialog("signingDialog").lookupAll(".check-box").size())
                .get(10, TimeUnit.SECONDS);
        assertTrue(warnings > 0, "warnings to tick");
        for (int i = 1; i < warnings; i++) {
            robot.type(javafx.scene.input.KeyCode.SPACE);
            robot.type(javafx.scene.input.KeyCode.TAB);
        }
        // the last one ticked, Enter on it
        robot.type(javafx.scene.input.KeyCode.SPACE);
        robot.type(javafx.scene.input.KeyCode.ENTER);
        FxWait.until(60, () -> robot.lookup("#lockedBadge").tryQuery().isPresent());
    }

    /** A long status line keeps a gap before the store's path at 1280 px (they ran together). */
    @Test
    void aLongStatusLineKeepsAGapBeforeTheStorePath() throws Exception {
        openSample();
        LaptopWindow.resize();
        String status = "Excerpt kept: Utilization review determination - synthetic sample, page 1. And more words "
                + "than the status bar has room for at this width.";
        robot.interact(() -> Toasts.status(status));
        WaitForAsyncUtils.sleep(500, TimeUnit.MILLISECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        double gap = WaitForAsyncUtils.asyncFx(() -> {
            javafx.scene.control.Label where = (javafx.scene.control.Label) stage.getScene().lookup("#storePath");
            javafx.scene.control.Labeled line = stage.getScene().getRoot().lookupAll(".label").stream()
                    .filter(n -> n instanceof javafx.scene.control.Labeled l && status.equals(l.getText()))
                    .map(n -> (javafx.scene.control.Labeled) n).findFirst().orElseThrow();
            double lineEnd = line.localToScene(line.getLayoutBounds()).getMaxX();
            double pathStart = where.localToScene(where.getLayoutBounds()).getMinX() + where.getPadding().getLeft();
            return pathStart - lineEnd;
        }).get(10, TimeUnit.SECONDS);
        assertTrue(gap >= 8, "a gap between the status line and the store path: " + gap);
    }
}
