package org.reviewdesk.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.VBox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reviewdesk.app.ReviewDeskApp;
import org.reviewdesk.domain.Decision;
import org.reviewdesk.guideline.TreatmentCategory;
import org.reviewdesk.service.Workbench;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** The sample case's item taken through the physical therapy checklist, as a reviewer would. */
class RationaleBuilderWindowTest {
    private static final String PASSWORD = "sample password 1";

    @TempDir
    Path data;
    private Application app;
    private final FxRobot robot = new FxRobot();

    @BeforeEach
    void start() throws Exception {
        Workbench.create(data, PASSWORD.toCharArray(), false).close();
        FxToolkit.registerPrimaryStage();
        app = FxToolkit.setupApplication(() -> new ReviewDeskApp(data));
    }

    @AfterEach
    void stop() throws Exception {
        FxToolkit.cleanupApplication(app);
        FxToolkit.cleanupStages();
    }

    private <T extends Node> T node(String query, Class<T> type) {
        return robot.lookup(query).queryAs(type);
    }

    private void waitUntil(java.util.concurrent.Callable<Boolean> condition) throws Exception {
        org.reviewdesk.ui.FxWait.until(90, condition);
    }

    @SuppressWarnings("unchecked")
    private void answer(String key, String value) {
        Node n = node("#q-0-" + key, Node.class);
        robot.interact(() -> {
            if (n instanceof ComboBox<?> box) {
                ((ComboBox<String>) box).setValue(value);
            } else {
                ((TextField) n).setText(value);
            }
        });
    }

    /** The keys of item 1's findings, read on the JavaFX thread (the checks are redrawn as the case changes). */
    private List<String> checkKeys() {
        java.util.concurrent.Callable<List<String>> read = () -> node("#checks-0", VBox.class).getChildren().stream()
                .map(Node::getUserData).filter(k -> k != null).map(Object::toString).toList();
        try {
            return javafx.application.Platform.isFxApplicationThread() ? read.call()
                    : WaitForAsyncUtils.asyncFx(read).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void thePhysicalTherapyChecklistDraftsARationaleThatAgreesWithUpheld() throws Exception {
        // unlocked through the controls, not typed keys, which a window left behind by another test could catch
        robot.interact(() -> {
            robot.lookup("#password").queryAs(javafx.scene.control.PasswordField.class).setText(PASSWORD);
            robot.lookup("#unlockButton").queryAs(javafx.scene.control.Button.class).fire();
        });
        waitUntil(() -> robot.lookup("#caseTable").tryQuery().isPresent()
                && !node("#caseTable", TableView.class).getItems().isEmpty());
        robot.doubleClickOn("EXAMPLE-0001");
        waitUntil(() -> robot.lookup("#draft-0").tryQuery().isPresent());

        assertEquals(TreatmentCategory.PHYSICAL_THERAPY, node("#category-0", ComboBox.class).getValue());
        TextArea rationale = node("#rationale-0", TextArea.class);
        robot.interact(() -> rationale.setText(""));
        answer("requested", "12");
        answer("priorTherapy", "yes");
        answer("priorVisitsDocumented", "no");
        answer("functionalImprovement", "no");
        answer("remainingDeficits", "no");
        answer("homeProgramReason", "no");
        robot.interact(() -> node("#draft-0", javafx.scene.control.Button.class).fire());

        String text = rationale.getText();
        assertTrue(text.contains("9-10 visits"), text);
        assertTrue(text.contains("not documented") || text.contains("not specified"), text);
        assertTrue(text.endsWith("Therefore, the request for 12 sessions of physical therapy for the cervical spine "
                + "is not medically necessary."), text);
        assertTrue(node("#suggestion-0", Label.class).getText().startsWith("Suggested decision: Upheld"));
        assertEquals(Decision.UPHELD, node("#decision-0", ComboBox.class).getValue());

        waitUntil(() -> (!checkKeys().isEmpty() && !checkKeys().contains("empty-rationale"))
                || node("#checks-0", VBox.class).getChildren().stream()
                .anyMatch(n -> n instanceof Label l && l.getText().startsWith("✓")));
        WaitForAsyncUtils.sleep(800, TimeUnit.MILLISECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        List<String> withUpheld = checkKeys();
        assertFalse(withUpheld.contains("conclusion-contradicts-decision"), withUpheld.toString());
        assertTrue(withUpheld.stream().allMatch(k -> k.equals("reading-grade") || k.equals("long-sentence")), "no warning with Upheld: "
                + withUpheld);

        robot.interact(() -> node("#decision-0", ComboBox.class).setValue(Decision.OVERTURNED));
        waitUntil(() -> checkKeys().contains("conclusion-contradicts-decision"));
        assertTrue(checkKeys().contains("quantity-over-limit"), checkKeys().toString());
    }
}
