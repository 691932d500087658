package org.reviewdesk.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.VBox;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reviewdesk.app.ReviewDeskApp;
import org.reviewdesk.guideline.SearchHit;
import org.reviewdesk.guideline.TreatmentCategory;
import org.reviewdesk.service.Workbench;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The builder on a case it was not written from: a lumbar MRI opens the Cite dialog on MTUS Low Back
 * "Special Studies", a compounded cream lands in the topical category, and an unknown required answer
 * shows "Cannot suggest yet"; the draft names the patient's facts.
 */
class GuidedBuilderWindowTest {
    private static final String PASSWORD = "sample password 1";
    private static final String CASE = "{\"format\":\"reviewdesk-case/1\",\"caseNumber\":\"CM99-0000010\","
            + "\"priority\":\"STANDARD\",\"dateOfInjury\":\"2015-03-02\",\"dateAssigned\":\"2016-12-01\","
            + "\"clinicalSummary\":\"The injured worker is a 52 year old male who sustained an industrial injury on "
            + "3-2-2015. Diagnoses included lumbar radiculopathy and lumbar disc protrusion. The progress note of "
            + "11-14-2016 documents low back pain 7/10 radiating to the left leg.\","
            + "\"items\":[{\"request\":\"MRI of the lumbar spine without contrast\"},"
            + "{\"request\":\"Cyclobenzaprine 5% in cream base, 120 gm (DOS: 11/11/2016)\"}]}";

    @TempDir
    Path data;
    @TempDir
    Path tmp;
    private Application app;
    private final FxRobot robot = new FxRobot();

    @BeforeEach
    void start() throws Exception {
        Path caseFile = tmp.resolve("case.json");
        Files.writeString(caseFile, CASE);
        try (Workbench w = Workbench.create(data, PASSWORD.toCharArray(), false)) {
            w.cases().importPath(caseFile, false);
        }
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
        robot.interact(() -> ((ComboBox<String>) node("#q-0-" + key, Node.class)).setValue(value));
    }

    private void openCase() throws Exception {
        // unlocked through the controls, not typed keys, which a window left behind by another test could catch
        robot.interact(() -> {
            robot.lookup("#password").queryAs(javafx.scene.control.PasswordField.class).setText(PASSWORD);
            robot.lookup("#unlockButton").queryAs(javafx.scene.control.Button.class).fire();
        });
        waitUntil(() -> robot.lookup("#caseTable").tryQuery().isPresent()
                && !node("#caseTable", TableView.class).getItems().isEmpty());
        robot.doubleClickOn("CM99-0000010");
        waitUntil(() -> robot.lookup("#draft-1").tryQuery().isPresent());
    }

    @Test
    @SuppressWarnings("unchecked")
    void imagingOpensOnMtusSpecialStudiesCreamIsTopicalAndUnknownCannotSuggest() throws Exception {
        openCase();
        assertEquals(TreatmentCategory.IMAGING, node("#category-0", ComboBox.class).getValue());
        assertEquals(TreatmentCategory.TOPICAL, node("#category-1", ComboBox.class).getValue(),
                "a compounded cream is a topical, not a muscle relaxant");

        robot.interact(() -> node("#cite-0", Button.class).fire());
        waitUntil(() -> robot.lookup("#guidelineHits").tryQuery().isPresent());
        ListView<SearchHit> hits = node("#guidelineHits", ListView.class);
        SearchHit first = hits.getItems().get(0);
        assertEquals("mtus-low-back-2004", first.entry().id());
        assertEquals("Special Studies", first.section().name());
        // A topic the library lacks is cited as free text under the ODG chapter the dialog preselects.
        ComboBox<org.reviewdesk.guideline.GuidelineEntry> chapter = node("#freeTextChapter", ComboBox.class);
        assertTrue(chapter.getValue() != null && chapter.getValue().name().matches(".*(Low Back|Lumbar).*"),
                String.valueOf(chapter.getValue()));
        robot.interact(() -> node("#freeTextTopic", javafx.scene.control.TextField.class)
                .setText("MRI, repeat without new findings"));
        robot.interact(() -> node("#citeFreeText", Button.class).fire());
        String preview = node("#citationPreview", Label.class).getText();
        assertTrue(preview.endsWith(chapter.getValue().name() + ", MRI, repeat without new findings."), preview);
        dialogScreenshot("cite-dialog-free-text.png");
        robot.interact(() -> ((javafx.stage.Stage) node("#guidelinePicker", DialogPane.class).getScene().getWindow())
                .close());
        WaitForAsyncUtils.waitForFxEvents();

        answer("objectiveFindings", "yes");
        answer("conservativeCare", "yes");
        answer("surgeryConsidered", "unknown");
        robot.interact(() -> node("#draft-0", Button.class).fire());
        Label suggestion = node("#suggestion-0", Label.class);
        assertTrue(suggestion.getText().startsWith("Cannot suggest yet"), suggestion.getText());
        VBox list = node("#suggestionList-0", VBox.class);
        assertEquals(1, list.getChildren().size());
        assertTrue(((Label) list.getChildren().get(0)).getText().contains("surgery"),
                ((Label) list.getChildren().get(0)).getText());
        assertTrue(!node("#useSuggestion-0", Button.class).isVisible(), "nothing to use yet");

        answer("surgeryConsidered", "no");
        // The first draft is in the rationale now; clear it so that drafting again does not ask to replace it.
        robot.interact(() -> node("#rationale-0", TextArea.class).setText(""));
        robot.interact(() -> node("#draft-0", Button.class).fire());
        assertTrue(suggestion.getText().startsWith("Suggested decision: Upheld"), suggestion.getText());
        String text = node("#rationale-0", TextArea.class).getText();
        assertTrue(text.contains("sustained an industrial injury on 3/2/2015"), text);
        assertTrue(text.contains("lumbar radiculopathy and lumbar disc protrusion"), text);
        assertTrue(text.endsWith("is not medically necessary."), text);

        robot.interact(() -> node("#draft-1", Button.class).fire());
        String cream = node("#rationale-1", TextArea.class).getText();
        assertTrue(cream.contains("the request is for cyclobenzaprine 5% in cream base, 120 gm.")
                || cream.contains("the request is for Cyclobenzaprine 5% in cream base, 120 gm."), cream);
        assertTrue(!cream.contains("DOS"), cream);
        // The cream gets the compound checklist and is judged ingredient by ingredient.
        assertTrue(robot.lookup("#q-1-neuropathicPain").tryQuery().isPresent(), "the compound checklist's questions");
        assertTrue(cream.contains("no evidence for the use of any muscle relaxant as a topical product"), cream);
        assertTrue(node("#suggestion-1", Label.class).getText().startsWith("Suggested decision: Upheld"),
                node("#suggestion-1", Label.class).getText());
        screenshot("builder-compound-1280x800.png", 1280, 800, "#rationale-1");
        screenshot("builder-compound-1920x1080.png", 1920, 1080, "#rationale-1");
        screenshot("builder-drafted-1280x800.png", 1280, 800, "#suggestion-0");
        screenshot("builder-drafted-1920x1080.png", 1920, 1080, "#suggestion-0");
        // The drafted rationale itself, with the patient's facts (diagnosis, date of injury).
        screenshot("builder-rationale-facts-1280x800.png", 1280, 800, "#rationale-0");
        screenshot("builder-rationale-facts-1920x1080.png", 1920, 1080, "#rationale-0");
    }

    /** With -Dreviewdesk.screenshots=DIR, a PNG of the Cite dialog. */
    private void dialogScreenshot(String name) throws Exception {
        String dir = System.getProperty("reviewdesk.screenshots");
        if (dir == null) {
            return;
        }
        AtomicReference<WritableImage> image = new AtomicReference<>();
        robot.interact(() -> image.set(node("#guidelinePicker", DialogPane.class).getScene().snapshot(null)));
        WritableImage img = image.get();
        BufferedImage out = new BufferedImage((int) img.getWidth(), (int) img.getHeight(), BufferedImage.TYPE_INT_ARGB);
        PixelReader r = img.getPixelReader();
        for (int y = 0; y < out.getHeight(); y++) {
            for (int x = 0; x < out.getWidth(); x++) {
                out.setRGB(x, y, r.getArgb(x, y));
            }
        }
        Files.createDirectories(Path.of(dir));
        ImageIO.write(out, "png", Path.of(dir, name).toFile());
    }

    /** With -Dreviewdesk.screenshots=DIR, a PNG of the window for people to look at. */
    private void screenshot(String name, int width, int height, String targetId) throws Exception {
        String dir = System.getProperty("reviewdesk.screenshots");
        if (dir == null) {
            return;
        }
        AtomicReference<WritableImage> image = new AtomicReference<>();
        robot.interact(() -> {
            javafx.stage.Stage stage = (javafx.stage.Stage) node("#draft-0", Button.class).getScene().getWindow();
            stage.setWidth(width);
            stage.setHeight(height);
        });
        WaitForAsyncUtils.sleep(500, TimeUnit.MILLISECONDS);
        robot.interact(() -> {
            // Scroll the items so that the first item's builder (draft, suggestion) is in view.
            Node target = robot.lookup(targetId).query();
            for (Node n = target.getParent(); n != null; n = n.getParent()) {
                if (n instanceof javafx.scene.control.ScrollPane sp) {
                    double contentHeight = sp.getContent().getBoundsInLocal().getHeight();
                    double y = sp.getContent().sceneToLocal(target.localToScene(0, 0)).getY();
                    double viewport = sp.getViewportBounds().getHeight();
                    sp.setVvalue(Math.max(0, Math.min(1, (y - viewport * 0.55) / Math.max(1, contentHeight - viewport))));
                    break;
                }
            }
        });
        WaitForAsyncUtils.sleep(300, TimeUnit.MILLISECONDS);
        robot.interact(() -> image.set(node("#draft-0", Button.class).getScene().snapshot(null)));
        WritableImage img = image.get();
        int w = (int) img.getWidth();
        int h = (int) img.getHeight();
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        PixelReader r = img.getPixelReader();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                out.setRGB(x, y, r.getArgb(x, y));
            }
        }
        Files.createDirectories(Path.of(dir));
        ImageIO.write(out, "png", Path.of(dir, name).toFile());
    }

    /** The Cite dialog, for the keys: its stage ready for typed keys, the focus in {@code id}. */
    private javafx.stage.Stage citeDialogWithFocusIn(String id) throws Exception {
        robot.interact(() -> node("#cite-0", Button.class).fire());
        waitUntil(() -> robot.lookup("#guidelineHits").tryQuery().isPresent());
        javafx.stage.Stage dialog = (javafx.stage.Stage) node("#guidelinePicker", DialogPane.class).getScene()
                .getWindow();
        MonocleKeys.readyFor(robot, dialog);
        robot.interact(() -> node("#" + id, Node.class).requestFocus());
        WaitForAsyncUtils.waitForFxEvents();
        return dialog;
    }

    @Test
    void enterInTheCiteDialogCitesAndOkWithNothingChosenKeepsTheGuidelineLine() throws Exception {
        openCase();
        TextArea line = node("#reviewerGuideline-0", TextArea.class);
        robot.interact(() -> line.setText("My own words on the guideline."));

        // OK with nothing chosen: the line the reviewer wrote stays (it became "did not cite any evidence")
        javafx.stage.Stage dialog = citeDialogWithFocusIn("guidelineHits");
        robot.interact(() -> ((Button) node("#guidelinePicker", DialogPane.class)
                .lookupButton(javafx.scene.control.ButtonType.OK)).fire());
        waitUntil(() -> !dialog.isShowing());
        assertEquals("My own words on the guideline.", line.getText());

        // Enter after a topic typed as free text cites it, and the dialog stays open
        javafx.stage.Stage again = citeDialogWithFocusIn("freeTextTopic");
        robot.interact(() -> node("#freeTextTopic", javafx.scene.control.TextField.class).setText("Repeat imaging"));
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(again.isShowing(), "Enter in the topic field cites, it does not close");
        assertTrue(node("#citationPreview", Label.class).getText().contains("Repeat imaging"),
                node("#citationPreview", Label.class).getText());
        robot.interact(again::close);
        WaitForAsyncUtils.waitForFxEvents();

        // Enter in the search field cites the highlighted entry and closes the dialog
        javafx.stage.Stage third = citeDialogWithFocusIn("guidelineQuery");
        @SuppressWarnings("unchecked")
        ListView<org.reviewdesk.guideline.SearchHit> hits = node("#guidelineHits", ListView.class);
        String first = hits.getSelectionModel().getSelectedItem().entry().name();
        robot.type(KeyCode.ENTER);
        waitUntil(() -> !third.isShowing());
        assertTrue(line.getText().contains(first.replaceFirst("^Official Disability Guidelines(?: \\(ODG\\))?,? ", "")),
                first + " in: " + line.getText());
    }
}
