package org.reviewdesk.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reviewdesk.app.ReviewDeskApp;
import org.reviewdesk.service.PrecedentService;
import org.reviewdesk.service.Workbench;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The precedent features in the real window: the sample case's item shows similar decisions from the imported
 * public letters, Cite the same puts a precedent's citation into the item, a precedent opens whole, and the
 * dashboard shows its charts. Screenshots go to target/screenshots when -Dreviewdesk.screenshots is set.
 */
class PrecedentWindowTest {
    private static final String PASSWORD = "sample password 1";
    private static final Path LETTERS = Path.of("../shared/data/imr-letters/txt");

    @TempDir
    Path data;
    private Application app;
    private final FxRobot robot = new FxRobot();

    @BeforeEach
    void start() throws Exception {
        try (Workbench w = Workbench.create(data, PASSWORD.toCharArray(), false)) {
            PrecedentService.ImportReport r = w.precedents().importLetters(List.of(LETTERS),
                    PrecedentService.Progress.NONE, () -> false);
            assertEquals(194, r.added().size());
        }
        FxToolkit.registerPrimaryStage();
        app = FxToolkit.setupApplication(() -> new ReviewDeskApp(data));
    }

    @AfterEach
    void stop() throws Exception {
        // the precedent reader and the dashboard are windows of their own: close them, so that no later window
        // test clicks into one left behind
        robot.interact(() -> List.copyOf(Window.getWindows()).forEach(w -> {
            if (w instanceof Stage s && s.getOwner() != null) {
                s.close();
            }
        }));
        FxToolkit.cleanupApplication(app);
        FxToolkit.cleanupStages();
    }

    private <T extends Node> T node(String query, Class<T> type) {
        return robot.lookup(query).queryAs(type);
    }

    private void waitUntil(java.util.concurrent.Callable<Boolean> condition) throws Exception {
        org.reviewdesk.ui.FxWait.until(90, condition);
    }

    private void openSampleCase() throws Exception {
        // unlocked through the controls, not typed keys, which a window left behind by another test could catch
        robot.interact(() -> {
            robot.lookup("#password").queryAs(javafx.scene.control.PasswordField.class).setText(PASSWORD);
            robot.lookup("#unlockButton").queryAs(javafx.scene.control.Button.class).fire();
        });
        waitUntil(() -> robot.lookup("#caseTable").tryQuery().isPresent()
                && !node("#caseTable", TableView.class).getItems().isEmpty());
        robot.interact(() -> { });
        robot.doubleClickOn("EXAMPLE-0001");
        waitUntil(() -> robot.lookup("#similarSummary-0").tryQuery().isPresent());
        waitUntil(() -> node("#similarSummary-0", Label.class).getText().contains("similar:"));
    }

    @Test
    void theSampleItemShowsSimilarDecisionsAndCitesTheSame() throws Exception {
        openSampleCase();
        String summary = node("#similarSummary-0", Label.class).getText();
        // "N similar: U upheld, O overturned; most cited: ..."
        assertTrue(summary.matches("\\d+ similar: \\d+ upheld, \\d+ overturned; most cited: .+"), summary);
        assertTrue(summary.contains("Physical medicine treatment") || summary.contains("Neck"), summary);
        VBox rows = node("#similarRows-0", VBox.class);
        assertEquals(5, rows.getChildren().size());
        assertTrue(robot.lookup("#similarOpen-0-0").tryQuery().isPresent());
        // no "insert as reference"
        assertTrue(robot.lookup(n -> n instanceof Button b && b.getText().toLowerCase().contains("reference"))
                .queryAll().isEmpty());
        // the first precedent is about physical therapy, the sample's request
        String firstRow = rows.getChildren().get(0).lookupAll(".label").stream()
                .map(n -> ((Label) n).getText()).reduce("", (a, b) -> a + "\n" + b);
        assertTrue(firstRow.toLowerCase().contains("therapy"), firstRow);
        // no button or label of the section cut off (JavaFX's ellipsis) at either size (the headless screen is
        // 1920x1080, pom.xml)
        double[] before = new double[2];
        List<String> cut = new java.util.ArrayList<>();
        for (int[] size : new int[][] {{1280, 800}, {1920, 1080}}) {
            robot.interact(() -> {
                Stage main = (Stage) node("#similar-0", Node.class).getScene().getWindow();
                before[0] = main.getWidth();
                before[1] = main.getHeight();
                var screen = javafx.stage.Screen.getPrimary().getBounds();
                main.setWidth(Math.min(size[0], screen.getWidth()));
                main.setHeight(Math.min(size[1], screen.getHeight()));
            });
            WaitForAsyncUtils.waitForFxEvents();
            robot.interact(() -> {
                Node panel = node("#similar-0", Node.class);
                for (Node p = panel.getParent(); p != null; p = p.getParent()) {
                    if (p instanceof javafx.scene.control.ScrollPane sp) {
                        double y = sp.getContent().sceneToLocal(panel.localToScene(panel.getBoundsInLocal())).getMinY();
                        double range = sp.getContent().getBoundsInLocal().getHeight()
                                - sp.getViewportBounds().getHeight();
                        sp.setVvalue(range <= 0 ? 0 : Math.min(1, (y - 40) / range));
                        break;
                    }
                }
            });
            WaitForAsyncUtils.sleep(800, TimeUnit.MILLISECONDS);
            WaitForAsyncUtils.waitForFxEvents();
            robot.interact(() -> {
                Node panel = node("#similar-0", Node.class);
                assertTrue(Ellipsis.labels(panel) >= 20, "labels seen: " + Ellipsis.labels(panel));
                Ellipsis.truncated(panel).forEach(t -> cut.add(size[0] + "x" + size[1] + ": " + t));
                // every row's buttons are inside the section, not pushed past its right edge
                double right = panel.localToScene(panel.getBoundsInLocal()).getMaxX();
                for (int i = 0; i < VBoxRows.count(rows); i++) {
                    Node b = node("#similarCite-0-" + i, Node.class);
                    assertTrue(b.localToScene(b.getBoundsInLocal()).getMaxX() <= right + 0.5,
                            size[0] + "x" + size[1] + ": Cite the same of row " + i + " past the section's edge");
                }
            });
            shoot("similar-decisions-" + size[0] + "x" + size[1]);
        }
        assertTrue(cut.isEmpty(), "cut off:\n" + String.join("\n", cut));
        robot.interact(() -> {
            Stage main = (Stage) node("#similar-0", Node.class).getScene().getWindow();
            main.setWidth(before[0]);
            main.setHeight(before[1]);
        });

        TextArea reviewer = node("#reviewerGuideline-0", TextArea.class);
        robot.interact(() -> reviewer.setText(""));
        String cited = firstRow.lines().filter(l -> l.startsWith("Cited: ")).findFirst().orElseThrow()
                .substring("Cited: ".length());
        robot.interact(() -> node("#similarCite-0-0", Button.class).fire());
        String line = reviewer.getText();
        assertTrue(line.startsWith("Decision based on "), line);
        // what the precedent cited (its first guideline's name) is now the item's citation
        String firstName = cited.split(";")[0].split(",")[0].replaceFirst("^MTUS ", "");
        assertTrue(line.contains(firstName), line + " / " + cited);

        robot.interact(() -> node("#similarOpen-0-0", Button.class).fire());
        waitUntil(() -> robot.lookup("#precedentDialog").tryQuery().isPresent());
        assertFalse(node("#precedentSummary", TextArea.class).getText().isBlank());
        shoot("precedent-open");
    }

    @Test
    void theDashboardShowsItsCharts() throws Exception {
        // unlocked through the controls, not typed keys, which a window left behind by another test could catch
        robot.interact(() -> {
            robot.lookup("#password").queryAs(javafx.scene.control.PasswordField.class).setText(PASSWORD);
            robot.lookup("#unlockButton").queryAs(javafx.scene.control.Button.class).fire();
        });
        waitUntil(() -> robot.lookup("#caseTable").tryQuery().isPresent()
                && !node("#caseTable", TableView.class).getItems().isEmpty());
        MenuItem dashboard = robot.lookup(n -> n instanceof MenuBar).queryAs(MenuBar.class).getMenus().stream()
                .flatMap(m -> m.getItems().stream()).filter(i -> "dashboardMenu".equals(i.getId())).findFirst()
                .orElseThrow();
        robot.interact(dashboard::fire);
        waitUntil(() -> robot.lookup("#categoryChart").tryQuery().isPresent());
        @SuppressWarnings("unchecked")
        BarChart<String, Number> perWeek = node("#casesPerWeekChart", BarChart.class);
        assertEquals(1, perWeek.getData().get(0).getData().size(), "the sample case's week");
        @SuppressWarnings("unchecked")
        BarChart<String, Number> categories = node("#categoryChart", BarChart.class);
        assertEquals(2, categories.getData().size());
        XYChart.Series<String, Number> pub = categories.getData().get(1);
        assertTrue(pub.getData().size() >= 10, "public letters in most categories");
        assertTrue(pub.getData().stream().anyMatch(d -> d.getYValue().doubleValue() > 0));
        // the sample case is assigned yesterday (issue 14): open, due in 29 days, not overdue
        assertTrue(node("#dueStripTitle", Label.class).getText().contains("1 open, 0 overdue"),
                node("#dueStripTitle", Label.class).getText());
        GridPane strip = node("#dueStrip", GridPane.class);
        assertEquals(28, strip.getChildren().size());
        assertTrue(strip.getChildren().stream().noneMatch(n -> n.getStyleClass().contains("due-overdue")));
        // the strip runs from a week ago to three weeks ahead: a case due in 29 days is not on it yet
        assertEquals(0, strip.getChildren().stream().filter(n -> ((javafx.scene.layout.Pane) n).getChildren().size() > 1)
                .count(), "no day of the strip has a case due");
        Path png = data.resolve("dashboard.png");
        robot.interact(() -> {
            try {
                var m = Class.forName("org.reviewdesk.ui.precedent.DashboardWindow").getDeclaredMethod("writePng",
                        VBox.class, java.io.File.class);
                m.setAccessible(true);
                m.invoke(null, node("#dashboard", VBox.class), png.toFile());
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        });
        byte[] head = Files.readAllBytes(png);
        assertTrue(head.length > 1000 && head[1] == 'P' && head[2] == 'N' && head[3] == 'G');
        shoot("dashboard");
    }

    /** The rows the section shows. */
    private static final class VBoxRows {
        static int count(VBox rows) {
            return rows.getChildren().size();
        }
    }

    /** Saves what the windows show, for looking at (only when asked: -Dreviewdesk.screenshots=DIR). */
    private void shoot(String name) {
        String dir = System.getProperty("reviewdesk.screenshots");
        if (dir == null) {
            return;
        }
        robot.interact(() -> {
            int i = 0;
            for (Window w : List.copyOf(Window.getWindows())) {
                if (w instanceof Stage s && s.getScene() != null) {
                    try {
                        var img = s.getScene().snapshot(null);
                        java.awt.image.BufferedImage out = new java.awt.image.BufferedImage((int) img.getWidth(),
                                (int) img.getHeight(), java.awt.image.BufferedImage.TYPE_INT_ARGB);
                        for (int y = 0; y < out.getHeight(); y++) {
                            for (int x = 0; x < out.getWidth(); x++) {
                                out.setRGB(x, y, img.getPixelReader().getArgb(x, y));
                            }
                        }
                        Files.createDirectories(Path.of(dir));
                        javax.imageio.ImageIO.write(out, "png", Path.of(dir, name + "-" + (i++) + ".png").toFile());
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                }
            }
        });
    }
}
