package org.reviewdesk.ui.precedent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import javafx.application.Application;
import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
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
 * Importing published letters in the real window, from an empty library: the status bar's first-run offer, the
 * Similar decisions section's Import button, the progress dialog, the report with the letter that did not parse
 * and why, the section filling in, and a second import through the File menu that adds nothing twice. The folder
 * chooser is the one part replaced (the native dialog cannot be driven headless): it answers a prepared folder.
 */
class ImportDialogWindowTest {
    private static final String PASSWORD = "sample password 1";
    private static final Path LETTERS = Path.of("../shared/data/imr-letters");

    @TempDir
    Path tmp;
    private Application app;
    private final FxRobot robot = new FxRobot();
    private final Set<String> dialogsSeen = new CopyOnWriteArraySet<>();
    private final ListChangeListener<Window> watch = c -> {
        while (c.next()) {
            for (Window w : c.getAddedSubList()) {
                if (w.getScene() != null && w.getScene().getRoot() instanceof DialogPane p && p.getId() != null) {
                    dialogsSeen.add(p.getId());
                }
            }
        }
    };
    private Function<Window, java.io.File> chooserBefore;

    @BeforeEach
    void start() throws Exception {
        Workbench.create(tmp.resolve("data"), PASSWORD.toCharArray(), false).close();
        FxToolkit.registerPrimaryStage();
        app = FxToolkit.setupApplication(() -> new ReviewDeskApp(tmp.resolve("data")));
        chooserBefore = Precedents.folderChooser;
        robot.interact(() -> Window.getWindows().addListener(watch));
    }

    @AfterEach
    void stop() throws Exception {
        Precedents.folderChooser = chooserBefore;
        robot.interact(() -> {
            Window.getWindows().removeListener(watch);
            List.copyOf(Window.getWindows()).forEach(w -> {
                if (w instanceof Stage s && s.getOwner() != null) {
                    s.close();
                }
            });
        });
        FxToolkit.cleanupApplication(app);
        FxToolkit.cleanupStages();
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

    private void closeReport() throws Exception {
        robot.interact(() -> ((Button) dialog("importReport").lookupButton(ButtonType.OK)).fire());
        waitUntil(() -> dialog("importReport") == null);
    }

    @Test
    void lettersImportFromTheEmptyLibraryWithProgressAndTheFailuresListedAndNothingTwice() throws Exception {
        Path folder = tmp.resolve("letters");
        Files.createDirectories(folder);
        for (String n : List.of("CM16-0213037", "CM16-0240524", "CM17-0014449")) {
            Files.copy(LETTERS.resolve("pdf/" + n + ".pdf"), folder.resolve(n + ".pdf"));
        }
        Files.write(folder.resolve("cut.pdf"), java.util.Arrays.copyOf(Files.readAllBytes(
                LETTERS.resolve("pdf/CM16-0219557.pdf")), 4000));
        Precedents.folderChooser = w -> folder.toFile();

        robot.interact(() -> {
            robot.lookup("#password").queryAs(javafx.scene.control.PasswordField.class).setText(PASSWORD);
            robot.lookup("#unlockButton").queryAs(Button.class).fire();
        });
        waitUntil(() -> robot.lookup("#caseTable").tryQuery().isPresent()
                && !node("#caseTable", TableView.class).getItems().isEmpty());
        // the first-run offer: in the status bar while the library is empty, never in the focus order
        waitUntil(() -> node("#precedentOffer", Node.class).isVisible());
        assertFalse(node("#precedentOfferImport", Hyperlink.class).isFocusTraversable());
        robot.interact(() -> { });
        robot.doubleClickOn("EXAMPLE-0001");
        waitUntil(() -> robot.lookup("#similarImport-0").tryQuery().isPresent());
        assertEquals("The precedent library is empty.", node("#similarSummary-0", Label.class).getText());

        robot.interact(() -> node("#similarImport-0", Button.class).fire());
        waitUntil(() -> dialog("importReport") != null);
        assertTrue(dialogsSeen.contains("importDialog"), "the progress dialog was shown: " + dialogsSeen);
        DialogPane report = dialog("importReport");
        assertEquals("3 letters added, 0 already in the library, 1 not read.", report.getHeaderText());
        @SuppressWarnings("unchecked")
        ListView<String> failures = (ListView<String>) report.lookup("#importFailures");
        assertEquals(1, failures.getItems().size());
        assertTrue(failures.getItems().get(0).startsWith("cut.pdf: ") && failures.getItems().get(0).contains("damaged"),
                failures.getItems().get(0));
        closeReport();

        // the item's section looks again by itself, and the offer is gone
        waitUntil(() -> node("#similarSummary-0", Label.class).getText().contains("similar:"));
        assertFalse(node("#precedentOffer", Node.class).isVisible());
        assertTrue(robot.lookup("#similarImport-0").tryQuery().isEmpty());

        // the same folder again, from the File menu: nothing is added twice
        dialogsSeen.clear();
        MenuItem again = robot.lookup(n -> n instanceof MenuBar).queryAs(MenuBar.class).getMenus().stream()
                .flatMap(m -> m.getItems().stream()).filter(i -> "importDecisionsMenu".equals(i.getId())).findFirst()
                .orElseThrow();
        robot.interact(again::fire);
        waitUntil(() -> dialog("importReport") != null);
        assertEquals("0 letters added, 3 already in the library, 1 not read.", dialog("importReport").getHeaderText());
        closeReport();
        assertEquals(3, Precedents.service().letterCount());
    }
}
