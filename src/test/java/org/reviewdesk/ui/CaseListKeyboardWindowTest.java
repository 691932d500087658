package org.reviewdesk.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reviewdesk.TestData;
import org.reviewdesk.app.ReviewDeskApp;
import org.reviewdesk.domain.CaseSummary;
import org.reviewdesk.service.Workbench;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A reviewer's day with several cases, from the keyboard (found by driving the real window with a dozen cases
 * under Xvfb): finding a case by its number, going back to the list, switching between open cases.
 */
// In three whole-suite runs a different key press of these tests missed the window (alone they passed): each press now
// first has Monocle release any key an earlier test left held and focus this window (MonocleKeys), and a wait after a
// key says what the key met
class CaseListKeyboardWindowTest {
    private static final String PASSWORD = "case list password 1";

    @TempDir
    Path data;
    private Application app;
    private final FxRobot robot = new FxRobot();
    private Stage stage;

    @BeforeEach
    void register() throws Exception {
        stage = FxToolkit.registerPrimaryStage();
        try (Workbench w = Workbench.create(data, PASSWORD.toCharArray(), false)) {
            for (Path p : TestData.letterCases().subList(0, 4)) {
                w.cases().importPath(p, false);
            }
        }
    }

    @AfterEach
    void stop() throws Exception {
        // no key left held for the next test, and what was typed saved (autosave, 1.5 s): else closing the window
        // asks about unsaved changes and that question outlives the test, taking the next window test's keys
        robot.release(new KeyCode[0]);
        MonocleKeys.releaseHeldKeys();
        WaitForAsyncUtils.sleep(3, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        if (app != null) {
            FxToolkit.cleanupApplication(app);
        }
        FxToolkit.cleanupStages();
    }

    @SuppressWarnings("unchecked")
    private TableView<CaseSummary> table() {
        return robot.lookup("#caseTable").queryAs(TableView.class);
    }

    private void unlock() throws Exception {
        app = FxToolkit.setupApplication(() -> new ReviewDeskApp(data));
        robot.interact(() -> {
            robot.lookup("#password").queryAs(javafx.scene.control.PasswordField.class).setText(PASSWORD);
            robot.lookup("#unlockButton").queryAs(javafx.scene.control.Button.class).fire();
        });
        FxWait.until(90, () -> robot.lookup("#caseTable").tryQuery().isPresent() && table().getItems().size() == 5);
        WaitForAsyncUtils.sleep(1, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** The keys pressed together and released, after {@link MonocleKeys#readyFor}. */
    private void push(KeyCode... keys) throws Exception {
        MonocleKeys.readyFor(robot, stage);
        robot.push(keys);
    }

    /** A key pressed alone. */
    private void type(KeyCode key) throws Exception {
        MonocleKeys.readyFor(robot, stage);
        robot.type(key);
    }

    /** {@link FxWait#until} after a key press: a time-out says what the key met. */
    private void afterKeys(long seconds, String what, java.util.concurrent.Callable<Boolean> condition)
            throws Exception {
        try {
            FxWait.until(seconds, condition);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError(what + " (focus owner " + focusOwnerName() + ", selected tab " + selectedTab()
                    + "; " + MonocleKeys.describe() + ")", e);
        }
    }

    private String focusOwnerName() throws Exception {
        Node n = focusOwner();
        return n == null ? "none" : n.getClass().getSimpleName() + "#" + n.getId();
    }

    private Node focusOwner() throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> stage.getScene().getFocusOwner()).get(10, TimeUnit.SECONDS);
    }

    /** The node {@code selector} in the window's selected tab (every open case has its own). On the FX thread. */
    private Node inSelectedTab(String selector) {
        TabPane tabs = stage.getScene().getRoot().lookupAll(".tab-pane").stream().map(n -> (TabPane) n)
                .filter(t -> t.getTabs().stream().anyMatch(x -> "casesTab".equals(x.getId()))).findFirst().orElseThrow();
        return java.util.Objects.requireNonNull(tabs.getSelectionModel().getSelectedItem().getContent().lookup(selector),
                selector);
    }

    private String selectedTab() throws Exception {
        TabPane tabs = WaitForAsyncUtils.asyncFx(() -> stage.getScene().getRoot().lookupAll(".tab-pane").stream()
                .map(n -> (TabPane) n).filter(t -> t.getTabs().stream().anyMatch(x -> "casesTab".equals(x.getId())))
                .findFirst().orElseThrow()).get(10, TimeUnit.SECONDS);
        return WaitForAsyncUtils.asyncFx(() -> tabs.getSelectionModel().getSelectedItem().getText())
                .get(10, TimeUnit.SECONDS);
    }

    private void openCaseTyped(String number) throws Exception {
        openCaseTyped(number, false);
    }

    /** {@code byKeys}: Ctrl+L, then Ctrl+F into the filter; else the filter is given the focus directly. */
    private void openCaseTyped(String number, boolean byKeys) throws Exception {
        if (byKeys) {
            push(KeyCode.CONTROL, KeyCode.L);
            // Ctrl+L gives the list the focus in a later pulse: Ctrl+F pressed before it would be undone by it
            afterKeys(10, "Ctrl+L gives the case list the focus", () -> "caseTable".equals(focusOwner().getId()));
            push(KeyCode.CONTROL, KeyCode.F);
            afterKeys(10, "Ctrl+F on the case list goes to its filter", () -> "caseFilter".equals(focusOwner().getId()));
        } else {
            robot.interact(() -> {
                stage.getScene().getRoot().lookupAll(".tab-pane").stream().map(n -> (TabPane) n)
                        .filter(t -> t.getTabs().stream().anyMatch(x -> "casesTab".equals(x.getId()))).findFirst()
                        .orElseThrow().getSelectionModel().select(0);
                robot.lookup("#caseFilter").queryAs(TextField.class).requestFocus();
            });
            FxWait.until(10, () -> "caseFilter".equals(focusOwner().getId()));
        }
        // as typed (robot.write lost its characters after another test here)
        robot.interact(() -> robot.lookup("#caseFilter").queryAs(TextField.class).replaceSelection(number));
        if (byKeys) {
            type(KeyCode.ENTER);
        } else {
            // what Enter in the filter does (that key itself: aCaseNumberTypedInTheFilterAndEnterOpensThatCase)
            robot.interact(() -> robot.lookup("#caseFilter").queryAs(TextField.class)
                    .fireEvent(new javafx.event.ActionEvent()));
        }
        afterKeys(60, "the typed case opens", () -> number.equals(selectedTab()) && robot.lookup("#draft-0").tryQuery().isPresent());
        WaitForAsyncUtils.sleep(500, TimeUnit.MILLISECONDS);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /**
     * Part of a case number typed into the filter and Enter opens that case: the one row left was not selected,
     * Open stayed off and Enter did nothing; Down goes on into the list; the count says how many are shown.
     */
    @Test
    void aCaseNumberTypedInTheFilterAndEnterOpensThatCase() throws Exception {
        unlock();
        String wanted = WaitForAsyncUtils.asyncFx(() -> table().getItems().get(3).caseNumber())
                .get(10, TimeUnit.SECONDS);
        TextField filter = robot.lookup("#caseFilter").queryAs(TextField.class);
        robot.interact(() -> {
            table().getSelectionModel().clearSelection();
            filter.requestFocus();
        });
        robot.interact(() -> filter.replaceSelection(wanted.substring(wanted.length() - 5)));
        assertEquals(1, table().getItems().size(), "one case left");
        String count = WaitForAsyncUtils.asyncFx(() -> stage.getScene().getRoot().lookupAll(".label").stream()
                .map(n -> ((Label) n).getText()).filter(t -> t != null && t.endsWith(" cases")).findFirst()
                .orElse("")).get(10, TimeUnit.SECONDS);
        assertEquals("1 of 5 cases", count, "the count says the filter hides some");
        assertEquals(wanted, table().getSelectionModel().getSelectedItem() == null ? null
                : table().getSelectionModel().getSelectedItem().caseNumber(), "the case left is selected");
        type(KeyCode.DOWN);
        afterKeys(10, "Down in the filter goes into the list", () -> table() == focusOwner());
        robot.interact(filter::requestFocus);
        type(KeyCode.ENTER);
        afterKeys(60, "Enter in the filter opens the case", () -> wanted.equals(selectedTab()));
    }

    /** Ctrl+L back to the list puts the keys in it: Down and Enter open the next case (Enter pressed Import…). */
    @Test
    void ctrlLPutsTheFocusInTheCaseList() throws Exception {
        unlock();
        String first = WaitForAsyncUtils.asyncFx(() -> table().getItems().get(0).caseNumber()).get(10, TimeUnit.SECONDS);
        String second = WaitForAsyncUtils.asyncFx(() -> table().getItems().get(1).caseNumber()).get(10, TimeUnit.SECONDS);
        type(KeyCode.ENTER);
        afterKeys(60, "Enter in the list opens the first case", () -> first.equals(selectedTab()) && robot.lookup("#draft-0").tryQuery().isPresent());
        WaitForAsyncUtils.sleep(500, TimeUnit.MILLISECONDS);
        push(KeyCode.CONTROL, KeyCode.L);
        afterKeys(10, "Ctrl+L goes to the case list and gives it the focus",
                () -> "Cases".equals(selectedTab()) && table() == focusOwner());
        type(KeyCode.DOWN);
        type(KeyCode.ENTER);
        afterKeys(60, "Down and Enter open the second case", () -> second.equals(selectedTab()));
    }

    /** A click on a column's title sorts the list by it (the filtered list could not be sorted: nothing happened). */
    @Test
    @SuppressWarnings("unchecked")
    void aColumnTitleSortsTheList() throws Exception {
        unlock();
        List<String> before = WaitForAsyncUtils.asyncFx(() -> table().getItems().stream()
                .map(CaseSummary::caseNumber).toList()).get(10, TimeUnit.SECONDS);
        robot.interact(() -> {
            TableColumn<CaseSummary, ?> number = table().getColumns().get(0);
            number.setSortType(TableColumn.SortType.DESCENDING);
            table().getSortOrder().setAll(number);
        });
        List<String> after = WaitForAsyncUtils.asyncFx(() -> table().getItems().stream()
                .map(CaseSummary::caseNumber).toList()).get(10, TimeUnit.SECONDS);
        List<String> expected = before.stream().sorted(java.util.Comparator.reverseOrder()).toList();
        assertEquals(expected, after, "sorted by case number, descending");
        assertTrue(!expected.equals(before), "the order changed");
    }

    /**
     * Ctrl+Page Up / Ctrl+Page Down go to the previous / next open case from inside a case (its document list, its
     * rationale), and Ctrl+Tab too outside a text: the tab pane took them only on its own headers.
     */
    @Test
    @org.junit.jupiter.api.Order(1)
    void ctrlPageUpAndDownSwitchBetweenOpenCases() throws Exception {
        unlock();
        List<String> numbers = WaitForAsyncUtils.asyncFx(() -> table().getItems().stream()
                .map(CaseSummary::caseNumber).toList()).get(10, TimeUnit.SECONDS);
        String a = numbers.get(1);
        String b = numbers.get(2);
        openCaseTyped(a);
        openCaseTyped(b);
        robot.interact(() -> inSelectedTab("#documentList").requestFocus());
        push(KeyCode.CONTROL, KeyCode.PAGE_UP);
        afterKeys(10, "Ctrl+Page Up goes to the previous case", () -> a.equals(selectedTab()));
        robot.interact(() -> inSelectedTab("#rationale-0").requestFocus());
        push(KeyCode.CONTROL, KeyCode.PAGE_DOWN);
        afterKeys(10, "Ctrl+Page Down goes to the next case", () -> b.equals(selectedTab()));
        push(KeyCode.CONTROL, KeyCode.PAGE_DOWN);
        afterKeys(10, "Ctrl+Page Down from the last case goes to the case list", () -> "Cases".equals(selectedTab()));
        push(KeyCode.CONTROL, KeyCode.TAB);
        afterKeys(10, "Ctrl+Tab goes to the next tab", () -> a.equals(selectedTab()));
        push(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.TAB);
        afterKeys(10, "Ctrl+Shift+Tab goes to the previous tab", () -> "Cases".equals(selectedTab()));
    }

    /** Ctrl+Y redoes what Ctrl+Z undid in a text, as the Edit menu and the shortcut list say (on Linux it did not). */
    @Test
    void ctrlYRedoesInTheClinicalSummary() throws Exception {
        unlock();
        String a = WaitForAsyncUtils.asyncFx(() -> table().getItems().get(0).caseNumber()).get(10, TimeUnit.SECONDS);
        openCaseTyped(a);
        javafx.scene.control.TextArea summary = WaitForAsyncUtils.asyncFx(() ->
                (javafx.scene.control.TextArea) inSelectedTab("#clinicalSummary")).get(10, TimeUnit.SECONDS);
        String before = summary.getText();
        robot.interact(() -> {
            summary.requestFocus();
            summary.end();
        });
        robot.interact(() -> summary.replaceSelection(" Added words."));
        String typed = summary.getText();
        assertTrue(typed.endsWith(" Added words."), typed);
        push(KeyCode.CONTROL, KeyCode.Z);
        afterKeys(10, "Ctrl+Z undoes", () -> !summary.getText().equals(typed));
        push(KeyCode.CONTROL, KeyCode.Y);
        afterKeys(10, "Ctrl+Y redoes", () -> summary.getText().equals(typed));
        assertTrue(!typed.equals(before));
    }

    /**
     * Closing a case just after typing asks whether to save; "Discard changes" keeps the stored case as it was: the
     * pending autosave ran while the question was shown (or after the tab had closed) and kept the typing.
     */
    @Test
    void discardChangesWhenClosingRightAfterTypingKeepsTheStoredCase() throws Exception {
        unlock();
        String a = WaitForAsyncUtils.asyncFx(() -> table().getItems().get(0).caseNumber()).get(10, TimeUnit.SECONDS);
        openCaseTyped(a);
        javafx.scene.control.TextArea summary = WaitForAsyncUtils.asyncFx(() ->
                (javafx.scene.control.TextArea) inSelectedTab("#clinicalSummary")).get(10, TimeUnit.SECONDS);
        String before = summary.getText();
        robot.interact(() -> summary.appendText(" Typed and then not wanted."));
        javafx.scene.control.MenuItem close = robot.lookup(".menu-bar").queryAs(javafx.scene.control.MenuBar.class)
                .getMenus().get(0).getItems().stream().filter(i -> "Close case".equals(i.getText())).findFirst()
                .orElseThrow();
        javafx.application.Platform.runLater(close::fire);
        FxWait.until(20, () -> saveQuestion() != null);
        assertEquals("Case " + a + " has unsaved changes.", saveQuestion().getContentText());
        // longer than the autosave's pause
        WaitForAsyncUtils.sleep(3, TimeUnit.SECONDS);
        robot.interact(() -> saveQuestion().getButtonTypes().stream().filter(b -> b.getText().equals("Discard changes"))
                .map(b -> (javafx.scene.control.Button) saveQuestion().lookupButton(b)).findFirst().orElseThrow()
                .fire());
        FxWait.until(20, () -> saveQuestion() == null && "Cases".equals(selectedTab()));
        WaitForAsyncUtils.sleep(3, TimeUnit.SECONDS);
        openCaseTyped(a);
        String reopened = WaitForAsyncUtils.asyncFx(() -> ((javafx.scene.control.TextArea)
                inSelectedTab("#clinicalSummary")).getText()).get(10, TimeUnit.SECONDS);
        assertEquals(before, reopened, "the discarded typing is not in the stored case");
    }

    private static javafx.scene.control.DialogPane saveQuestion() {
        for (javafx.stage.Window w : javafx.stage.Window.getWindows()) {
            if (w.isShowing() && w.getScene() != null && w.getScene().getRoot() instanceof javafx.scene.control.DialogPane p
                    && p.getHeaderText() != null && p.getHeaderText().startsWith("Save the changes to")) {
                return p;
            }
        }
        return null;
    }
}
