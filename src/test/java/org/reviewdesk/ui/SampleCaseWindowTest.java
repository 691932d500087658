package org.reviewdesk.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reviewdesk.app.ReviewDeskApp;
import org.reviewdesk.domain.CaseSummary;
import org.reviewdesk.domain.Decision;
import org.reviewdesk.domain.StoredDocument;
import org.reviewdesk.service.Workbench;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** The real window, driven as a reviewer would: first start, the sample case, an edit saved. */
class SampleCaseWindowTest {
    private static final String PASSWORD = "sample password 1";

    @TempDir
    Path data;
    private Application app;
    private final FxRobot robot = new FxRobot();

    @BeforeEach
    void startWindow() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    private void launch() throws Exception {
        app = FxToolkit.setupApplication(() -> new ReviewDeskApp(data));
    }

    @AfterEach
    void stopWindow() throws Exception {
        if (app != null) {
            FxToolkit.cleanupApplication(app);
        }
        FxToolkit.cleanupStages();
    }

    private <T extends javafx.scene.Node> T node(String query, Class<T> type) {
        return robot.lookup(query).queryAs(type);
    }

    private void waitUntil(java.util.concurrent.Callable<Boolean> condition) throws Exception {
        org.reviewdesk.ui.FxWait.until(90, condition);
    }

    @Test
    void firstStartCreatesTheStoreAndOpensTheSampleCaseInTheWorkspace() throws Exception {
        launch();
        robot.clickOn("#password").write(PASSWORD);
        robot.clickOn("#confirmPassword").write(PASSWORD);
        robot.clickOn("#unlockButton");

        waitUntil(() -> robot.lookup("#caseTable").tryQuery().isPresent()
                && !node("#caseTable", TableView.class).getItems().isEmpty());
        @SuppressWarnings("unchecked")
        TableView<CaseSummary> table = node("#caseTable", TableView.class);
        assertEquals(1, table.getItems().size());
        CaseSummary row = table.getItems().get(0);
        assertEquals("EXAMPLE-0001", row.caseNumber());
        assertEquals("Ready to sign", row.status().label());
        assertEquals("1/1", row.progress());
        // the sample case was assigned yesterday: its due date lies ahead, it is not overdue on day one
        assertTrue(row.dueDate().isAfter(java.time.LocalDate.now()), row.dueDate().toString());

        robot.doubleClickOn("EXAMPLE-0001");
        waitUntil(() -> robot.lookup("#clinicalSummary").tryQuery().isPresent());

        assertEquals("Case EXAMPLE-0001", node("#caseTitle", Label.class).getText());
        assertTrue(node("#clinicalSummary", TextArea.class).getText()
                .startsWith("This is a 39 year old male patient who sustained a work related injury"));
        @SuppressWarnings("unchecked")
        ListView<StoredDocument> docs = node("#documentList", ListView.class);
        waitUntil(() -> docs.getItems().size() == 3);
        assertEquals(java.util.List.of("neuropsych-2014-08-29", "progress-2015-01-19", "ur-2015-01-29"),
                docs.getItems().stream().map(d -> d.document().id()).toList(), "documents sorted by date");
        waitUntil(() -> node("#recordText", TextArea.class).getText().contains("NEUROPSYCHOLOGICAL EVALUATION"));
        assertTrue(node("#recordText", TextArea.class).getText().startsWith("SYNTHETIC SAMPLE DATA"));

        robot.clickOn(docs.lookupAll(".list-cell").stream()
                .filter(n -> n instanceof javafx.scene.control.ListCell<?> c && c.getItem() != null
                        && ((StoredDocument) c.getItem()).document().id().equals("progress-2015-01-19")).findFirst()
                .orElseThrow());
        waitUntil(() -> node("#recordText", TextArea.class).getText().contains("Date of visit: 01/19/2015"));
        waitUntil(() -> node("#pageImage", javafx.scene.image.ImageView.class).getImage() != null);
        assertEquals("Page 1 of 1", node("#pageLabel", Label.class).getText());

        // search the sample case's record and open a hit: the page opens with the hit marked
        robot.clickOn("#recordSearch").write("\"full range of motion\"").type(KeyCode.ENTER);
        @SuppressWarnings("unchecked")
        ListView<org.reviewdesk.service.SearchService.SearchHit> hits = node("#searchResults", ListView.class);
        waitUntil(() -> hits.getItems().size() == 2);
        // at the laptop size the hits column is narrow: each hit wraps inside its cell, nothing runs off under a
        // horizontal scroll bar or into the next cell
        org.reviewdesk.ui.LaptopWindow.resize();
        org.reviewdesk.ui.LaptopWindow.narrowRecordColumn(hits);
        java.util.List<String> overflowing = WaitForAsyncUtils.asyncFx(() -> {
            java.util.List<String> bad = new java.util.ArrayList<>();
            int shown = 0;
            for (javafx.scene.Node n : hits.lookupAll(".list-cell")) {
                if (n instanceof javafx.scene.control.ListCell<?> c && c.getItem() != null && c.getGraphic() != null
                        && c.isVisible()) {
                    shown++;
                    var g = c.getGraphic().getLayoutBounds();
                    double roomW = c.getWidth() - c.snappedLeftInset() - c.snappedRightInset();
                    double roomH = c.getHeight() - c.snappedTopInset() - c.snappedBottomInset();
                    // within its cell, and the cell within the list (no horizontal scrolling to read a hit)
                    if (g.getWidth() > roomW + 1 || g.getHeight() > roomH + 1 || c.getWidth() > hits.getWidth()) {
                        bad.add(g.getWidth() + "x" + g.getHeight() + " in " + roomW + "x" + roomH + ", cell " + c.getWidth()
                                + " px wide in a list of " + hits.getWidth());
                    }
                }
            }
            if (shown != 2) {
                bad.add(shown + " hit cells shown");
            }
            if (hits.getWidth() > 150) {
                bad.add("the hits column does not narrow with its divider: " + hits.getWidth() + " px");
            }
            return bad;
        }).get(10, TimeUnit.SECONDS);
        assertEquals(java.util.List.of(), overflowing);
        var urHit = hits.getItems().stream().filter(h -> h.documentId().equals("ur-2015-01-29")).findFirst()
                .orElseThrow();
        robot.interact(() -> hits.getSelectionModel().select(urHit));
        robot.clickOn(hits.lookupAll(".list-cell").stream().filter(n -> n instanceof javafx.scene.control.ListCell<?> c
                && c.getItem() == urHit).findFirst().orElseThrow());
        waitUntil(() -> node("#recordText", TextArea.class).getText().contains("UTILIZATION REVIEW DETERMINATION"));
        waitUntil(() -> "full range of motion".equals(node("#recordText", TextArea.class).getSelectedText()));
        // one mark on the page: the pane's counter says which hit it is, the page's own label stays out of the toolbar
        assertTrue(node("#hitCount", Label.class).getText().matches("hit [12] of 2"), node("#hitCount", Label.class).getText());
        assertFalse(node("#hitLabel", Label.class).isManaged());

        @SuppressWarnings("unchecked")
        ComboBox<Decision> decision = node("#decision-0", ComboBox.class);
        assertEquals(Decision.UPHELD, decision.getValue());
        assertTrue(node("#rationale-0", TextArea.class).getText().contains("up to 9-10 physical therapy visits"));
        assertTrue(node("#reviewerGuideline-0", TextArea.class).getText()
                .startsWith("Decision based on MTUS Chronic Pain Treatment Guidelines"));
        assertEquals("All changes saved", node("#saveState", Label.class).getText());
        waitUntil(() -> node("#previewStatus", Label.class).getText().equals("2 pages"));

        // the reviewer changes the decision and saves with the keyboard
        robot.interact(() -> decision.setValue(Decision.OVERTURNED));
        TextArea rationale = node("#rationale-0", TextArea.class);
        robot.interact(() -> {
            rationale.requestFocus();
            rationale.end();
        });
        robot.write(" Reviewed again.");
        assertEquals("Unsaved changes", node("#saveState", Label.class).getText());
        robot.press(KeyCode.CONTROL, KeyCode.S).release(KeyCode.S, KeyCode.CONTROL);
        waitUntil(() -> node("#saveState", Label.class).getText().equals("All changes saved"));

        FxToolkit.cleanupApplication(app);
        app = null;
        try (Workbench w = Workbench.open(data, PASSWORD.toCharArray())) {
            var item = w.cases().get("EXAMPLE-0001").items().get(0);
            assertEquals(Decision.OVERTURNED, item.decision());
            assertTrue(item.rationale().endsWith("is not established for this patient at this time. Reviewed again."),
                    item.rationale());
        }
    }

    @Test
    void signingAnUndecidedCaseShowsWhatIsMissing() throws Exception {
        Workbench.create(data, PASSWORD.toCharArray(), false).close();
        launch();
        robot.clickOn("#password").write(PASSWORD).type(KeyCode.ENTER);
        waitUntil(() -> robot.lookup("#caseTable").tryQuery().isPresent()
                && !node("#caseTable", TableView.class).getItems().isEmpty());
        robot.doubleClickOn("EXAMPLE-0001");
        waitUntil(() -> robot.lookup("#decision-0").tryQuery().isPresent());
        @SuppressWarnings("unchecked")
        ComboBox<Decision> decision = node("#decision-0", ComboBox.class);
        robot.interact(() -> decision.setValue(null));
        robot.clickOn("#signButton");
        // the one signing dialog lists what blocks the signature; it cannot be confirmed
        waitUntil(() -> robot.lookup("#signingDialog").tryQuery().isPresent()
                && robot.lookup("#blocking-0").tryQuery().isPresent());
        String text = node("#blocking-0", Label.class).getText();
        assertEquals("✖ Item 1 (12 sessions of physical therapy for the cervica...): no decision (Upheld or "
                + "Overturned).", text);
        assertTrue(robot.lookup("#signConfirmButton").query().isDisabled());
        robot.type(KeyCode.ESCAPE);
        try (Workbench w = openAfterClose()) {
            assertEquals(null, w.cases().get("EXAMPLE-0001").items().get(0).decision(), "the edit was saved first");
            assertTrue(w.letters().signedLetter("EXAMPLE-0001").isEmpty());
        }
    }

    private Workbench openAfterClose() throws Exception {
        FxToolkit.cleanupApplication(app);
        app = null;
        return Workbench.open(data, PASSWORD.toCharArray());
    }

    @Test
    void aLaterStartAsksForThePasswordAndRefusesAWrongOne() throws Exception {
        Workbench.create(data, PASSWORD.toCharArray(), false).close();
        launch();
        assertTrue(robot.lookup("#confirmPassword").tryQuery().isEmpty(), "no confirmation when unlocking");
        robot.clickOn("#password").write("wrong password");
        robot.type(KeyCode.ENTER);
        waitUntil(() -> node("#unlockError", Label.class).getText().contains("password is not correct"));
        javafx.scene.control.PasswordField field = node("#password", javafx.scene.control.PasswordField.class);
        assertEquals("wrong password", field.getSelectedText(), "the wrong password is selected, ready to retype");
        robot.write(PASSWORD).type(KeyCode.ENTER);
        waitUntil(() -> robot.lookup("#caseTable").tryQuery().isPresent()
                && !node("#caseTable", TableView.class).getItems().isEmpty());
    }
}
