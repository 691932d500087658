package org.reviewdesk.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reviewdesk.app.ReviewDeskApp;
import org.reviewdesk.domain.StoredDocument;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * While the window has the store open, commands from another terminal (real processes) run on it instead of
 * being refused, with their password checked; a records add shows in the open case at once; the window's close
 * stops the serving and closes the store (docs/decisions/0021-the-window-serves-commands.md).
 */
class WindowServesCommandsTest {
    private static final String PASSWORD = "window serves password";

    @TempDir
    Path tmp;
    private Path data;
    private Application app;
    private final FxRobot robot = new FxRobot();

    record Run(int status, String out, String err) {
    }

    @BeforeEach
    void startWindow() throws Exception {
        data = tmp.resolve("data");
        FxToolkit.registerPrimaryStage();
        // whatever an earlier test class left open must not take the focus or the lookups
        FxToolkit.cleanupStages();
        app = FxToolkit.setupApplication(() -> new ReviewDeskApp(data));
    }

    @AfterEach
    void stopWindow() throws Exception {
        if (app != null) {
            FxToolkit.cleanupApplication(app);
        }
        FxToolkit.cleanupStages();
    }

    private Run run(String password, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "org.reviewdesk.app.Main", "--data", data.toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(tmp.toFile());
        pb.environment().remove("REVIEWDESK_DATA");
        pb.environment().put("REVIEWDESK_PASSWORD", password);
        pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        Path out = Files.createTempFile(tmp, "out", ".txt");
        Path err = Files.createTempFile(tmp, "err", ".txt");
        pb.redirectOutput(out.toFile());
        pb.redirectError(err.toFile());
        Process p = pb.start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the command did not finish");
        return new Run(p.exitValue(), Files.readString(out), Files.readString(err));
    }

    /** Waits for {@code condition}, evaluated on the FX thread (the scene changes there while the test looks). */
    private void waitUntil(java.util.concurrent.Callable<Boolean> condition) throws Exception {
        org.reviewdesk.ui.FxWait.until(90, condition);
    }

    @Test
    void commandsFromAnotherTerminalRunOnTheWindowsStoreAndARecordsAddShowsInTheOpenCase() throws Exception {
        // the fields are filled directly: typing is another test's subject, and typed keys go to whichever window
        // has the focus (on a busy machine not always this one yet)
        waitUntil(() -> robot.lookup("#unlockButton").tryQuery().isPresent());
        WaitForAsyncUtils.asyncFx(() -> {
            robot.lookup("#password").queryAs(javafx.scene.control.TextInputControl.class).setText(PASSWORD);
            robot.lookup("#confirmPassword").queryAs(javafx.scene.control.TextInputControl.class).setText(PASSWORD);
            robot.lookup("#unlockButton").queryAs(javafx.scene.control.Button.class).fire();
        }).get(10, TimeUnit.SECONDS);
        waitUntil(() -> robot.lookup("#caseTable").tryQuery().isPresent()
                && !robot.lookup("#caseTable").queryAs(TableView.class).getItems().isEmpty());
        Path socket = data.resolve("reviewdesk.sock");
        waitUntil(() -> Files.exists(socket));

        Run listed = run(PASSWORD, "list");
        assertEquals(0, listed.status(), listed.err());
        assertTrue(listed.out().startsWith("EXAMPLE-0001"), listed.out());

        Run wrong = run("not the password", "list");
        assertEquals(1, wrong.status());
        assertTrue(wrong.err().contains("The password is not correct"), wrong.err());
        assertFalse(wrong.out().contains("EXAMPLE-0001"), wrong.out());

        // a command the window does not serve is refused as before, and says what does run
        Run audit = run(PASSWORD, "audit");
        assertTrue(audit.status() != 0, audit.out());
        assertTrue(audit.err().contains("close it there first") && audit.err().contains("list, show"), audit.err());

        Run stop = run(PASSWORD, "serve", "--stop");
        assertEquals(1, stop.status());
        assertTrue(stop.err().contains("the ReviewDesk window serves the store"), stop.err());
        assertTrue(Files.exists(socket), "serve --stop does not stop the window's serving");

        // the laptop size, where the document list is narrow and needs a scroll bar for four documents
        org.reviewdesk.ui.LaptopWindow.resize();
        WaitForAsyncUtils.asyncFx(() -> {
            robot.lookup("#caseTable").queryAs(TableView.class).getSelectionModel().select(0);
            robot.lookup("#openCaseButton").queryAs(javafx.scene.control.Button.class).fire();
        }).get(10, TimeUnit.SECONDS);
        waitUntil(() -> robot.lookup("#documentList").tryQuery().isPresent());
        @SuppressWarnings("unchecked")
        ListView<StoredDocument> docs = robot.lookup("#documentList").queryAs(ListView.class);
        waitUntil(() -> docs.getItems().size() == 3);

        Run before = run(PASSWORD, "records", "list", "EXAMPLE-0001");
        assertEquals(0, before.status(), before.err());
        Path pdf = org.reviewdesk.TestPdfs.progressNote(tmp, "added-note.pdf", 3);
        Run added = run(PASSWORD, "records", "add", "--no-ocr", "EXAMPLE-0001", "added-note.pdf");
        assertEquals(0, added.status(), added.err());
        // the open case shows the new file without being opened again
        waitUntil(() -> docs.getItems().size() == 4);
        assertTrue(Files.exists(pdf));
        // each document's two wrapped lines fit in its cell, also now that the list needs a scroll bar
        WaitForAsyncUtils.sleep(1, TimeUnit.SECONDS);
        List<String> overflowing = WaitForAsyncUtils.asyncFx(() -> {
            List<String> bad = new ArrayList<>();
            for (javafx.scene.Node n : docs.lookupAll(".list-cell")) {
                if (n instanceof javafx.scene.control.ListCell<?> c && c.getItem() != null && c.getGraphic() != null
                        && c.isVisible()) {
                    double room = c.getHeight() - c.snappedTopInset() - c.snappedBottomInset();
                    double need = c.getGraphic().getLayoutBounds().getHeight();
                    if (need > room + 1) {
                        bad.add(((StoredDocument) c.getItem()).document().id() + ": " + need + " > " + room);
                    }
                }
            }
            return bad;
        }).get(10, TimeUnit.SECONDS);
        assertEquals(List.of(), overflowing);

        FxToolkit.cleanupApplication(app);
        app = null;
        assertFalse(Files.exists(socket), "the window's close removes its socket");
        // the store was closed properly: a command now opens it in its own process
        Run after = run(PASSWORD, "records", "list", "EXAMPLE-0001");
        assertEquals(0, after.status(), after.err());
        assertTrue(after.out().lines().count() > before.out().lines().count(), before.out() + "\n--\n" + after.out());
    }

    @Test
    void theWindowGetsAStoreKeptOpenAfterATerminalCommandAndServesItself() throws Exception {
        // the window starts on an existing store here
        FxToolkit.cleanupApplication(app);
        app = null;
        FxToolkit.cleanupStages();
        org.reviewdesk.service.Workbench.create(data, PASSWORD.toCharArray(), false).close();
        // the server a command leaves behind (ADR 0022), started as the launcher starts it: password on stdin
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "org.reviewdesk.app.Main", "--data", data.toString(),
                "serve", "--keep", "--idle-minutes", "2").directory(tmp.toFile())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD);
        pb.environment().remove("REVIEWDESK_PASSWORD");
        Process kept = pb.start();
        try {
            try (java.io.OutputStream in = kept.getOutputStream()) {
                in.write(PASSWORD.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            }
            Path socket = data.resolve("reviewdesk.sock");
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!Files.exists(socket) && kept.isAlive() && System.nanoTime() < until) {
                Thread.sleep(50);
            }
            assertTrue(Files.exists(socket) && kept.isAlive(), "the kept server runs");
            app = FxToolkit.setupApplication(() -> new ReviewDeskApp(data));

            waitUntil(() -> robot.lookup("#unlockButton").tryQuery().isPresent());
            WaitForAsyncUtils.asyncFx(() -> {
                robot.lookup("#password").queryAs(javafx.scene.control.TextInputControl.class).setText(PASSWORD);
                robot.lookup("#unlockButton").queryAs(javafx.scene.control.Button.class).fire();
            }).get(10, TimeUnit.SECONDS);
            // the unlock asks the kept server for the store, waits for it to let go, and opens it
            waitUntil(() -> robot.lookup("#caseTable").tryQuery().isPresent()
                    && !robot.lookup("#caseTable").queryAs(TableView.class).getItems().isEmpty());
            assertTrue(kept.waitFor(30, TimeUnit.SECONDS), "the kept server ended");
            // and the window serves the next command itself
            waitUntil(() -> Files.exists(socket));
            Run listed = run(PASSWORD, "list");
            assertEquals(0, listed.status(), listed.err());
            assertTrue(listed.out().startsWith("EXAMPLE-0001"), listed.out());
            Run stop = run(PASSWORD, "serve", "--stop");
            assertTrue(stop.err().contains("the ReviewDesk window serves the store"), stop.err());
        } finally {
            kept.destroyForcibly();
        }
    }
}
