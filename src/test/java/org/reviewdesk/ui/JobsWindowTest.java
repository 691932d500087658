package org.reviewdesk.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The status bar's job indicator: a long job shows its name, step and percentage with a progress bar and a Stop
 * button; Stop ends it and says so; a job that cannot be stopped has no Stop button; quitting while a job runs asks,
 * Wait keeps the window and the job, "Stop it and quit" stops the job before the window closes.
 */
class JobsWindowTest {
    private static final String PASSWORD = "jobs window password 1";

    @TempDir
    Path data;
    private Application app;
    private final FxRobot robot = new FxRobot();

    @BeforeEach
    void start() throws Exception {
        app = UnlockedWindow.start(data, PASSWORD);
    }

    @AfterEach
    void stop() throws Exception {
        if (app != null) {
            FxToolkit.cleanupApplication(app);
        }
        FxToolkit.cleanupStages();
    }

    private Node indicator() {
        return robot.lookup("#jobIndicator").query();
    }

    private String title() {
        return robot.lookup("#jobTitle").queryAs(Label.class).getText();
    }

    /** A stoppable job that reports {@code percent} of 100 until it is stopped. */
    private Jobs.Job holdAt(String name, long percent, AtomicBoolean stopped, AtomicReference<Throwable> failed,
                            CountDownLatch ended) {
        AtomicReference<Jobs.Job> job = new AtomicReference<>();
        robot.interact(() -> job.set(Jobs.start(name, true, progress -> {
            try {
                while (true) {
                    progress.update("Copying", percent, 100);
                    Thread.sleep(20);
                }
            } finally {
                ended.countDown();
            }
        }, r -> { }, failed::set, () -> stopped.set(true))));
        return job.get();
    }

    @Test
    void aLongJobShowsItsProgressAndStopsOnStop() throws Exception {
        assertFalse(indicator().isVisible(), "nothing runs: no indicator");
        AtomicBoolean stopped = new AtomicBoolean();
        AtomicReference<Throwable> failed = new AtomicReference<>();
        CountDownLatch ended = new CountDownLatch(1);
        holdAt("Archiving CASE-1", 40, stopped, failed, ended);
        FxWait.until(10, () -> indicator().isVisible() && title().contains("40 %"));
        assertEquals("Archiving CASE-1: Copying 40 %", title());
        Shots.save(indicator().getScene().getWindow(), "job-indicator");
        assertEquals(0.4, robot.lookup("#jobProgress").queryAs(ProgressBar.class).getProgress(), 1e-9);
        Button stop = robot.lookup("#jobStop").queryAs(Button.class);
        assertTrue(stop.isVisible());
        robot.clickOn(stop);
        assertTrue(ended.await(10, java.util.concurrent.TimeUnit.SECONDS), "the job ended");
        FxWait.until(10, () -> stopped.get() && !indicator().isVisible());
        assertEquals(null, failed.get(), "a stopped job is not reported as failed");

        // the keyboard's way: File > Stop the running job, on only while a job can be stopped
        javafx.scene.control.MenuBar bar = robot.lookup(".menu-bar").queryAs(javafx.scene.control.MenuBar.class);
        javafx.scene.control.Menu file = bar.getMenus().get(0);
        javafx.scene.control.MenuItem stopItem = file.getItems().stream()
                .filter(i -> "stopJobMenu".equals(i.getId())).findFirst().orElseThrow();
        robot.interact(() -> file.getOnShowing().handle(null));
        assertTrue(stopItem.isDisable(), "nothing to stop");
        AtomicBoolean stoppedByMenu = new AtomicBoolean();
        CountDownLatch endedByMenu = new CountDownLatch(1);
        holdAt("Backing up the store", 20, stoppedByMenu, failed, endedByMenu);
        FxWait.until(10, () -> indicator().isVisible() && title().contains("20 %"));
        robot.interact(() -> file.getOnShowing().handle(null));
        assertFalse(stopItem.isDisable());
        robot.interact(stopItem::fire);
        assertTrue(endedByMenu.await(10, java.util.concurrent.TimeUnit.SECONDS));
        FxWait.until(10, () -> stoppedByMenu.get() && !indicator().isVisible());

        // a job that cannot be stopped (sending by SMTP) has no Stop button; a second one waits behind it
        CountDownLatch release = new CountDownLatch(1);
        AtomicReference<String> result = new AtomicReference<>();
        robot.interact(() -> {
            Jobs.start("Sending the letter of CASE-1", false, progress -> {
                progress.update("to someone", 0, 0);
                release.await();
                return "sent";
            }, result::set, t -> { }, () -> { });
            Jobs.start("Backing up the store", true, progress -> "done", r -> { }, t -> { }, () -> { });
        });
        FxWait.until(10, () -> indicator().isVisible() && title().contains("to someone"));
        assertEquals("Sending the letter of CASE-1: to someone (1 waiting)", title());
        assertFalse(robot.lookup("#jobStop").queryAs(Button.class).isVisible());
        assertTrue(robot.lookup("#jobProgress").queryAs(ProgressBar.class).isIndeterminate());
        release.countDown();
        FxWait.until(10, () -> "sent".equals(result.get()) && !indicator().isVisible());
    }

    @Test
    void aFailureAfterTheLastStopIsAFailureAndStopIsOffThen() throws Exception {
        CountDownLatch past = new CountDownLatch(1);
        CountDownLatch fail = new CountDownLatch(1);
        AtomicBoolean stopped = new AtomicBoolean();
        AtomicReference<Throwable> failed = new AtomicReference<>();
        robot.interact(() -> Jobs.start("Archiving CASE-2", true, progress -> {
            progress.update("Writing the records", 5, 10);
            progress.lastStop("Finishing");
            past.countDown();
            fail.await();
            throw new IllegalStateException("the status could not be saved");
        }, r -> { }, failed::set, () -> stopped.set(true)));
        assertTrue(past.await(10, java.util.concurrent.TimeUnit.SECONDS));
        FxWait.until(10, () -> title().contains("Finishing")
                && robot.lookup("#jobStop").queryAs(Button.class).isDisabled());
        // pressed anyway (fired: it is off): the job goes on, and its failure is reported as one
        robot.interact(() -> Jobs.active().get(0).stop());
        fail.countDown();
        FxWait.until(10, () -> failed.get() != null);
        assertEquals("the status could not be saved", failed.get().getMessage());
        assertFalse(stopped.get(), "not told as stopped: it had gone past its last stop");
    }

    @Test
    void aJobEndingWhileTheQuitQuestionIsOpenLetsTheWindowClose() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        AtomicReference<String> result = new AtomicReference<>();
        robot.interact(() -> Jobs.start("Backing up the store", true, progress -> {
            progress.update("Copying the store", 1, 2);
            release.await();
            return "written";
        }, result::set, t -> { }, () -> { }));
        FxWait.until(10, () -> indicator().isVisible());
        Window main = robot.lookup("#caseTable").query().getScene().getWindow();
        javafx.application.Platform.runLater(() -> main.fireEvent(new javafx.stage.WindowEvent(main,
                javafx.stage.WindowEvent.WINDOW_CLOSE_REQUEST)));
        DialogPane asked = waitForDialog();
        release.countDown();
        FxWait.until(10, () -> "written".equals(result.get()) && Jobs.active().isEmpty());
        robot.interact(() -> button(asked, "Stop it and quit").fire());
        FxWait.until(10, () -> !main.isShowing());
    }

    @Test
    void quittingWhileAJobRunsAsksAndWaitKeepsBoth() throws Exception {
        AtomicBoolean stopped = new AtomicBoolean();
        AtomicReference<Throwable> failed = new AtomicReference<>();
        CountDownLatch ended = new CountDownLatch(1);
        holdAt("Backing up the store", 10, stopped, failed, ended);
        FxWait.until(10, () -> indicator().isVisible());
        Window main = robot.lookup("#caseTable").query().getScene().getWindow();

        // not through interact: the question waits for an answer inside the event
        javafx.application.Platform.runLater(() -> main.fireEvent(new javafx.stage.WindowEvent(main,
                javafx.stage.WindowEvent.WINDOW_CLOSE_REQUEST)));
        DialogPane asked = waitForDialog();
        Shots.save(asked.getScene().getWindow(), "jobs-running-dialog");
        assertTrue(((Label) asked.lookup(".header-panel .label")).getText()
                .contains("Backing up the store is still running"));
        robot.interact(() -> button(asked, "Wait").fire());
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(main.isShowing(), "Wait keeps the window");
        assertEquals(1, ended.getCount(), "and the job");
        assertTrue(indicator().isVisible());

        // not through interact: the question waits for an answer inside the event
        javafx.application.Platform.runLater(() -> main.fireEvent(new javafx.stage.WindowEvent(main,
                javafx.stage.WindowEvent.WINDOW_CLOSE_REQUEST)));
        DialogPane again = waitForDialog();
        robot.interact(() -> button(again, "Stop it and quit").fire());
        assertTrue(ended.await(20, java.util.concurrent.TimeUnit.SECONDS), "the job was stopped before the close");
        WaitForAsyncUtils.waitForFxEvents();
        FxWait.until(10, () -> Jobs.active().isEmpty() && !main.isShowing());
        assertTrue(stopped.get(), "told as stopped");
        assertEquals(null, failed.get());
    }

    @Test
    void theStorePathUnderTheHomeFolderIsShownShort() {
        Path home = Path.of(System.getProperty("user.home"));
        assertEquals("~" + java.io.File.separator + Path.of(".local", "share", "reviewdesk"),
                MainWindow.shortened(home.resolve(".local/share/reviewdesk")));
        assertEquals(Path.of("/srv/data").toAbsolutePath().toString(), MainWindow.shortened(Path.of("/srv/data")));
        String was = System.getProperty("user.home");
        try {
            System.setProperty("user.home", "/");
            assertEquals("/data/rd", MainWindow.shortened(Path.of("/data/rd")), "a home folder at / shortens nothing");
        } finally {
            System.setProperty("user.home", was);
        }
    }

    private DialogPane waitForDialog() throws Exception {
        AtomicReference<DialogPane> found = new AtomicReference<>();
        FxWait.until(10, () -> {
            for (Window w : Window.getWindows()) {
                if (w.isShowing() && w.getScene() != null
                        && w.getScene().getRoot() instanceof DialogPane p && "jobsRunningDialog".equals(p.getId())) {
                    found.set(p);
                    return true;
                }
            }
            return false;
        });
        return found.get();
    }

    private static Button button(DialogPane pane, String text) {
        for (ButtonType t : pane.getButtonTypes()) {
            if (t.getText().equals(text)) {
                return (Button) pane.lookupButton(t);
            }
        }
        throw new AssertionError("no button " + text);
    }
}
