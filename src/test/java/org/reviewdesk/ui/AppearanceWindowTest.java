package org.reviewdesk.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.scene.text.Text;
import javafx.stage.Window;
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
 * View > Theme and View > Text size: the dark theme and a larger text reach the window, a dialog opened later and the
 * record's search hits (whose text is drawn with fonts and colours of their own), and both are there again, before
 * the unlock, at the next start.
 */
class AppearanceWindowTest {
    private static final String PASSWORD = "appearance window password 1";

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
        // the look is the application's: the next test starts from the default
        robot.interact(() -> {
            Appearance.setTheme(Appearance.Theme.LIGHT);
            Appearance.setTextSize(100);
        });
        FxToolkit.cleanupStages();
    }

    private void start() throws Exception {
        app = FxToolkit.setupApplication(() -> new ReviewDeskApp(data));
        FxWait.until(30, () -> robot.lookup("#password").tryQuery().isPresent());
    }

    private void unlock() throws Exception {
        robot.interact(() -> {
            robot.lookup("#password").queryAs(javafx.scene.control.PasswordField.class).setText(PASSWORD);
            robot.lookup("#unlockButton").queryAs(Button.class).fire();
        });
        FxWait.until(90, () -> robot.lookup("#caseTable").tryQuery().isPresent()
                && !robot.lookup("#caseTable").queryAs(TableView.class).getItems().isEmpty());
        LaptopWindow.resize();
    }

    private void fire(String id) {
        MenuBar bar = robot.lookup(n -> n instanceof MenuBar).queryAs(MenuBar.class);
        MenuItem item = bar.getMenus().stream().flatMap(m -> m.getItems().stream())
                .flatMap(i -> i instanceof javafx.scene.control.Menu m ? m.getItems().stream()
                        : java.util.stream.Stream.of(i))
                .filter(i -> id.equals(i.getId())).findFirst().orElseThrow(() -> new AssertionError("no " + id));
        robot.interact(item::fire);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** The mean brightness (0 black, 1 white) of a window's picture. */
    private double brightness(Window w) {
        double[] sum = {0};
        int[] n = {0};
        robot.interact(() -> {
            WritableImage img = w.getScene().snapshot(null);
            var px = img.getPixelReader();
            for (int y = 0; y < img.getHeight(); y += 4) {
                for (int x = 0; x < img.getWidth(); x += 4) {
                    sum[0] += px.getColor(x, y).getBrightness();
                    n[0]++;
                }
            }
        });
        return sum[0] / n[0];
    }

    private double fontSize(String query) {
        return robot.lookup(query).queryAs(javafx.scene.control.Labeled.class).getFont().getSize();
    }

    @Test
    void theDarkThemeAndALargerTextReachEveryWindowAndAreKept() throws Exception {
        start();
        unlock();
        Window main = robot.lookup("#caseTable").query().getScene().getWindow();
        double light = brightness(main);
        assertTrue(light > 0.8, "light theme: " + light);
        assertEquals(14, fontSize("#openCaseButton"), 0.01);

        fire("theme-dark");
        fire("textSize-130");
        assertEquals(new PrimerDark().getUserAgentStylesheet(), Application.getUserAgentStylesheet());
        double dark = brightness(main);
        assertTrue(dark < 0.35, "dark theme: " + dark + " (light " + light + ")");
        assertEquals(18.2, fontSize("#openCaseButton"), 0.01);
        Shots.save(main, "appearance-dark-130-case-list");

        // a dialog opened afterwards: F1's shortcuts, dark and at the same size
        fire("shortcutsMenu");
        FxWait.until(10, () -> robot.lookup("#shortcutsDialog").tryQuery().isPresent());
        Node dialog = robot.lookup("#shortcutsDialog").query();
        Label anyKey = (Label) dialog.lookupAll(".label").stream().filter(l -> l instanceof Label x
                && "F1".equals(x.getText())).findFirst().orElseThrow();
        assertEquals(18.2, anyKey.getFont().getSize(), 0.01);
        assertTrue(brightness(dialog.getScene().getWindow()) < 0.35, "the dialog is dark too");
        Shots.save(dialog.getScene().getWindow(), "appearance-dark-130-shortcuts");
        // F1 again brings the list forward: one list, not another copy
        fire("shortcutsMenu");
        assertEquals(1, robot.lookup("#shortcutsDialog").queryAll().size(), "one shortcuts list");
        robot.interact(() -> dialog.getScene().getWindow().hide());

        // the record's hits: light text on the dark list, in the chosen size
        robot.interact(() -> robot.lookup("#openCaseButton").queryAs(Button.class).fire());
        FxWait.until(60, () -> robot.lookup("#recordSearch").tryQuery().isPresent());
        robot.interact(() -> {
            TextField search = robot.lookup("#recordSearch").queryAs(TextField.class);
            search.setText("cervical");
            search.fireEvent(new javafx.event.ActionEvent());
        });
        FxWait.until(30, () -> robot.lookup(".hit-text").tryQuery().isPresent());
        WaitForAsyncUtils.waitForFxEvents();
        Text hit = robot.lookup(".hit-text").queryAs(Text.class);
        assertTrue(((Color) hit.getFill()).getBrightness() > 0.7, "hit text on a dark list: " + hit.getFill());
        assertEquals(13 * 1.3, hit.getFont().getSize(), 0.01);
        Text mark = robot.lookup(".hit-mark").queryAs(Text.class);
        assertTrue(((Color) mark.getFill()).getBrightness() > 0.5, "marked word: " + mark.getFill());
        Shots.save(main, "appearance-dark-130-workspace");
        robot.interact(() -> robot.lookup("#recordSearch").queryAs(TextField.class).clear());
        robot.interact(() -> main.getScene().getRoot().requestFocus());
        // the empty search field's hint, to be looked at on the dark background
        Shots.save(main, "appearance-dark-130-search-hint");

        String kept = Files.readString(data.resolve("window.properties"));
        assertTrue(kept.contains("look.theme=dark") && kept.contains("look.textSize=130"), kept);
        assertFalse(kept.contains("EXAMPLE") || kept.contains("cervical"), "no case data: " + kept);

        // the next start: dark and large from the unlock screen on
        FxToolkit.cleanupApplication(app);
        app = null;
        robot.interact(() -> Appearance.setTheme(Appearance.Theme.LIGHT));
        robot.interact(() -> Appearance.setTextSize(100));
        // setting them back wrote the file: the kept look of the first run is put back as the reviewer left it
        Files.writeString(data.resolve("window.properties"), kept);
        start();
        assertEquals(new PrimerDark().getUserAgentStylesheet(), Application.getUserAgentStylesheet());
        assertEquals(18.2, fontSize("#unlockButton"), 0.01);
        assertTrue(brightness(robot.lookup("#unlockButton").query().getScene().getWindow()) < 0.35);

        // back to light and normal: as at first
        unlock();
        fire("theme-light");
        fire("textSize-100");
        assertEquals(new PrimerLight().getUserAgentStylesheet(), Application.getUserAgentStylesheet());
        assertEquals(14, fontSize("#openCaseButton"), 0.01);
        assertTrue(brightness(robot.lookup("#caseTable").query().getScene().getWindow()) > 0.8);
    }

    @Test
    void aHandEditedLookThatIsNoneOfTheChoicesIsTheDefault() throws Exception {
        Files.writeString(data.resolve("window.properties"), "look.theme=purple\nlook.textSize=400\n");
        start();
        assertEquals(new PrimerLight().getUserAgentStylesheet(), Application.getUserAgentStylesheet());
        assertEquals(14, fontSize("#unlockButton"), 0.01);
    }
}
