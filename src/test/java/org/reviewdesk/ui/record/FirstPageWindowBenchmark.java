package org.reviewdesk.ui.record;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyCode;
import org.reviewdesk.app.ReviewDeskApp;
import org.reviewdesk.service.Workbench;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Choosing a scanned PDF in the real window to its first page on screen (issue 11). Starts ReviewDesk's window on
 * a fresh store (with the sample case), unlocks it and opens the case through the controls, then hands the file to
 * the record pane exactly as the file chooser does ({@link RecordPane#addFiles}) and times, on the FX thread, from
 * that call to the moment the page image of the new file's page 1 is set in the viewer and to the end of the next
 * pulse (the frame that lays it out); then to the end of the import (every page stored). One measurement per
 * process (the script runs several). Usage: {@code FirstPageWindowBenchmark PDF DATADIR}.
 * Run it headless (Monocle, the tests' properties) or in a real window under Xvfb (GTK, {@code testfx.headless=false}).
 */
public final class FirstPageWindowBenchmark {
    private static final String PASSWORD = "benchmark password 1";

    private FirstPageWindowBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path pdf = Path.of(args[0]);
        Path data = Path.of(args[1]);
        if (!Files.exists(pdf)) {
            Files.write(pdf, org.reviewdesk.record.ocr.bench.ScannedImportBenchmark.packetOf(
                    Integer.parseInt(System.getProperty("pages", "600"))));
        }
        Workbench.create(data, PASSWORD.toCharArray(), false).close();
        FxRobot robot = new FxRobot();
        FxToolkit.registerPrimaryStage();
        Application app = FxToolkit.setupApplication(() -> new ReviewDeskApp(data));
        robot.interact(() -> robot.window(0).setWidth(1280));
        robot.interact(() -> robot.window(0).setHeight(800));
        robot.clickOn("#password").write(PASSWORD).type(KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> robot.lookup("#caseTable").tryQuery().isPresent()
                && !robot.lookup("#caseTable").queryAs(TableView.class).getItems().isEmpty());
        @SuppressWarnings("unchecked")
        TableView<Object> table = robot.lookup("#caseTable").queryAs(TableView.class);
        for (int i = 0; i < 3 && robot.lookup("#recordPane").tryQuery().isEmpty(); i++) {
            // the case list opens the selected case on Enter
            robot.interact(() -> {
                table.getSelectionModel().select(0);
                table.requestFocus();
            });
            robot.type(KeyCode.ENTER);
            try {
                WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> robot.lookup("#recordPane").tryQuery()
                        .isPresent());
            } catch (java.util.concurrent.TimeoutException e) {
                // clicked again
            }
        }
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> robot.lookup("#pageImage").tryQuery().isPresent()
                && robot.lookup("#pageLabel").queryAs(Label.class).getText().startsWith("Page 1 of "));
        RecordPane pane = robot.lookup("#recordPane").queryAs(RecordPane.class);
        ImageView image = robot.lookup("#pageImage").queryAs(ImageView.class);
        Label pageLabel = robot.lookup("#pageLabel").queryAs(Label.class);
        // let the case's own first page and the workspace settle: the measurement starts on an idle window
        WaitForAsyncUtils.sleep(3, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();

        String id = pdf.getFileName().toString().replaceAll("\\.pdf$", "").toLowerCase(java.util.Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "-");
        AtomicLong chosen = new AtomicLong();
        AtomicLong imageSet = new AtomicLong();
        AtomicLong framed = new AtomicLong();
        AtomicLong stored = new AtomicLong();
        robot.interact(() -> {
            Runnable[] pulse = new Runnable[1];
            pulse[0] = () -> {
                if (imageSet.get() != 0 && framed.get() == 0) {
                    framed.set(System.nanoTime());
                    Platform.runLater(() -> image.getScene().removePostLayoutPulseListener(pulse[0]));
                }
            };
            image.imageProperty().addListener((o, a, b) -> {
                if (b != null && imageSet.get() == 0 && id.equals(pane.viewerDocumentId())
                        && pageLabel.getText().startsWith("Page 1 of ")) {
                    imageSet.set(System.nanoTime());
                    image.getScene().addPostLayoutPulseListener(pulse[0]);
                }
            });
            javafx.scene.Node bar = robot.lookup("#importProgress").query().getParent();
            bar.visibleProperty().addListener((o, a, b) -> {
                if (!b && chosen.get() != 0) {
                    stored.set(System.nanoTime());
                }
            });
            chosen.set(System.nanoTime());
            pane.addFiles(List.of(pdf));
        });
        if (System.getProperty("dumpWorker") != null) {
            Thread dump = new Thread(() -> {
                for (int k = 0; k < 6 && framed.get() == 0; k++) {
                    try {
                        Thread.sleep(Long.parseLong(System.getProperty("dumpWorker")));
                    } catch (InterruptedException e) {
                        return;
                    }
                    Thread.getAllStackTraces().forEach((t, st) -> {
                        if (t.getName().startsWith("reviewdesk-worker") || t.getName().startsWith("record-import")) {
                            System.err.println("== " + t.getName() + " at " + (System.nanoTime() - chosen.get())
                                    / 1_000_000 + " ms");
                            for (int j = 0; j < st.length; j++) {
                                System.err.println("    " + st[j]);
                            }
                        }
                    });
                }
            });
            dump.setDaemon(true);
            dump.start();
        }
        WaitForAsyncUtils.waitFor(300, TimeUnit.SECONDS, () -> framed.get() != 0);
        String label = pageLabel.getText();
        System.out.printf("first page on screen: image set %d ms, next frame laid out %d ms (%s)%n",
                (imageSet.get() - chosen.get()) / 1_000_000, (framed.get() - chosen.get()) / 1_000_000, label);
        WaitForAsyncUtils.waitFor(600, TimeUnit.SECONDS, () -> stored.get() != 0);
        System.out.printf("every page stored (import finished): %d ms%n", (stored.get() - chosen.get()) / 1_000_000);
        FxToolkit.cleanupApplication(app);
        Platform.exit();
        System.exit(0);
    }
}
