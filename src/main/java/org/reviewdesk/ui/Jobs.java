package org.reviewdesk.ui;

import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.stage.Window;
import org.reviewdesk.files.WorkProgress;

/**
 * The long work a reviewer starts and waits for: archiving a case, backing up the store, sending a letter, importing
 * a bundle. Each runs on a thread of its own (not the store worker that draws the record's pages, so the record can
 * be read meanwhile), one after another, and is shown in the status bar: what it is, the step and how far it has
 * come, with a Stop button where stopping keeps nothing half-done. Quitting while one runs asks first.
 */
public final class Jobs {
    private static final ExecutorService EXECUTOR = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "reviewdesk-job");
        t.setDaemon(true);
        return t;
    });

    /** The jobs started and not ended, the running one first (changed on the FX thread only). */
    private static final ObservableList<Job> ACTIVE = FXCollections.observableArrayList();

    private Jobs() {
    }

    /** The work of a job; it tells {@code progress} how far it has come, and ends when told to stop. */
    @FunctionalInterface
    public interface Work<T> {
        T run(WorkProgress progress) throws Exception;
    }

    /** One job as the window shows it. */
    public static final class Job {
        private final String title;
        private final boolean stoppable;
        private final StringProperty step = new SimpleStringProperty("Waiting for the job before it");
        /** 0 to 1; negative: how far is not known. */
        private final DoubleProperty done = new SimpleDoubleProperty(-1);
        private final AtomicBoolean stopAsked = new AtomicBoolean();
        /** The newest progress not yet shown, set on the job's thread, shown on the FX thread. */
        private final AtomicReference<double[]> pendingFraction = new AtomicReference<>();
        private final AtomicReference<String> pendingStep = new AtomicReference<>();
        private final AtomicBoolean showQueued = new AtomicBoolean();
        private Future<?> future;

        private Job(String title, boolean stoppable) {
            this.title = title;
            this.stoppable = stoppable;
            canStop.set(stoppable);
        }

        /** Whether Stop still has an effect (false once the job is past its last stop). */
        public javafx.beans.property.ReadOnlyBooleanProperty canStop() {
            return canStop;
        }

        public String title() {
            return title;
        }

        public boolean stoppable() {
            return stoppable;
        }

        /** Asks the job to stop at its next step; it then keeps nothing of what it began. */
        public void stop() {
            if (canStop.get()) {
                stopAsked.set(true);
                step.set("Stopping…");
            }
        }

        public boolean stopAsked() {
            return stopAsked.get();
        }

        public StringProperty step() {
            return step;
        }

        public DoubleProperty done() {
            return done;
        }

        /** Past its last stop: it finishes, and what it throws now is a failure (set on the job's thread). */
        private final AtomicBoolean pastStopping = new AtomicBoolean();
        private final javafx.beans.property.BooleanProperty canStop = new javafx.beans.property.SimpleBooleanProperty();

        private final WorkProgress progress = new WorkProgress() {
            @Override
            public void update(String what, long d, long total) {
                if (stopAsked.get() && !pastStopping.get()) {
                    throw new CancellationException("stopped by the reviewer");
                }
                pendingStep.set(what);
                pendingFraction.set(new double[] {total > 0 ? Math.min(1, (double) d / total) : -1});
                // at most one update waits on the FX thread, however often the work reports (each 64 KB read)
                if (showQueued.compareAndSet(false, true)) {
                    Platform.runLater(Job.this::show);
                }
            }

            @Override
            public void lastStop(String what) {
                update(what, 0, 0);
                pastStopping.set(true);
                Platform.runLater(() -> canStop.set(false));
            }
        };

        private void show() {
            showQueued.set(false);
            if (stopAsked.get() && !pastStopping.get()) {
                return;
            }
            String s = pendingStep.get();
            double[] f = pendingFraction.get();
            if (s != null) {
                step.set(s);
            }
            if (f != null) {
                done.set(f[0]);
            }
        }
    }

    /**
     * Starts {@code work} after the jobs before it. {@code onDone} gets its result, {@code onError} its failure,
     * {@code onStopped} runs when the reviewer stopped it (whatever the work threw then); all on the FX thread. A job
     * that ended before it could stop reports its result as usual.
     */
    public static <T> Job start(String title, boolean stoppable, Work<T> work, Consumer<T> onDone,
                                Consumer<Throwable> onError, Runnable onStopped) {
        Job job = new Job(title, stoppable);
        Runnable enqueue = () -> {
            ACTIVE.add(job);
            job.future = EXECUTOR.submit(() -> {
                Platform.runLater(() -> {
                    if (!job.stopAsked()) {
                        job.step.set("Starting");
                    }
                });
                try {
                    if (job.stopAsked()) {
                        throw new CancellationException("stopped by the reviewer");
                    }
                    T result = work.run(job.progress);
                    Platform.runLater(() -> {
                        ACTIVE.remove(job);
                        onDone.accept(result);
                    });
                } catch (Throwable t) {
                    // a stop only when the work ended because of it: a failure after Stop is still a failure
                    boolean stopped = job.stopAsked() && byStop(t);
                    Platform.runLater(() -> {
                        ACTIVE.remove(job);
                        if (stopped) {
                            onStopped.run();
                        } else {
                            onError.accept(t);
                        }
                    });
                }
            });
        };
        if (Platform.isFxApplicationThread()) {
            enqueue.run();
        } else {
            Platform.runLater(enqueue);
        }
        return job;
    }

    /** Whether {@code t} or a cause of it is the stop a job's progress raised. */
    static boolean byStop(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof CancellationException
                    || c instanceof java.io.InterruptedIOException && "stopped by the reviewer".equals(c.getMessage())) {
                return true;
            }
            if (c.getCause() == c) {
                break;
            }
        }
        return false;
    }

    /** The running job, if it can be stopped now (FX thread). */
    public static java.util.Optional<Job> stoppable() {
        return ACTIVE.isEmpty() || !ACTIVE.get(0).canStop().get() || ACTIVE.get(0).stopAsked()
                ? java.util.Optional.empty() : java.util.Optional.of(ACTIVE.get(0));
    }

    /** The jobs started and not ended (FX thread). */
    public static ObservableList<Job> active() {
        return FXCollections.unmodifiableObservableList(ACTIVE);
    }

    /**
     * Before the window closes: true when no job runs, or when the reviewer chose to stop them and quit (the
     * stoppable ones are stopped and given some seconds to leave nothing behind). False: wait.
     */
    public static boolean confirmQuit(Window owner) {
        if (ACTIVE.isEmpty()) {
            return true;
        }
        Job first = ACTIVE.get(0);
        boolean allStoppable = ACTIVE.stream().allMatch(Job::stoppable);
        String what = first.title() + (ACTIVE.size() > 1 ? " (and " + (ACTIVE.size() - 1) + " more)" : "");
        ButtonType wait = new ButtonType("Wait", ButtonBar.ButtonData.CANCEL_CLOSE);
        ButtonType quit = new ButtonType(allStoppable ? "Stop it and quit" : "Quit anyway",
                ButtonBar.ButtonData.OK_DONE);
        Alert a = new Alert(Alert.AlertType.WARNING, allStoppable
                ? "If you quit now it is stopped, and nothing of it is kept: start it again later."
                : "If you quit now it is cut off and may not be done (an e-mail may not have gone): check it after "
                        + "the next start.", quit, wait);
        a.initOwner(owner);
        a.setTitle("Work still running");
        a.setHeaderText(what + " is still running.");
        a.getDialogPane().setId("jobsRunningDialog");
        ((Button) a.getDialogPane().lookupButton(wait)).setDefaultButton(true);
        ((Button) a.getDialogPane().lookupButton(quit)).setDefaultButton(false);
        NoTruncation.apply(a);
        if (a.showAndWait().filter(quit::equals).isEmpty()) {
            return false;
        }
        if (ACTIVE.isEmpty()) {
            // it ended while the question was open
            return true;
        }
        Job running = ACTIVE.get(0);
        for (Job j : java.util.List.copyOf(ACTIVE)) {
            j.stop();
            if (j != running && j.future != null) {
                // not begun: it never begins (an e-mail queued behind does not start sending as the window closes)
                j.future.cancel(false);
            }
        }
        if (running.future != null) {
            try {
                // a stopped archive or backup removes its part files when it ends: give it that time
                running.future.get(15, TimeUnit.SECONDS);
            } catch (Exception e) {
                // it failed, was stopped, or takes longer: the window closes anyway
            }
        }
        return true;
    }

    /** The status bar's view of the jobs: hidden when none runs. */
    public static Node indicator() {
        Label what = new Label();
        what.setId("jobTitle");
        what.setMinWidth(Region.USE_PREF_SIZE);
        ProgressBar bar = new ProgressBar();
        bar.setId("jobProgress");
        bar.setPrefWidth(140);
        Button stop = new Button("Stop");
        stop.setId("jobStop");
        // a small bordered button: flat, it read as one phrase with the status line after it ("Stop Ready")
        stop.getStyleClass().add(atlantafx.base.theme.Styles.SMALL);
        stop.setFocusTraversable(false);
        stop.setTooltip(new Tooltip("Stop this job: nothing of it is kept"));
        javafx.scene.control.Separator after = new javafx.scene.control.Separator(javafx.geometry.Orientation.VERTICAL);
        HBox box = new HBox(8, what, bar, stop, after);
        box.setId("jobIndicator");
        box.setAlignment(Pos.CENTER_LEFT);
        HBox.setMargin(box, new Insets(0, 0, 0, 12));
        Runnable refresh = new Runnable() {
            @Override
            public void run() {
                Job j = ACTIVE.isEmpty() ? null : ACTIVE.get(0);
                box.setVisible(j != null);
                box.setManaged(j != null);
                what.textProperty().unbind();
                bar.progressProperty().unbind();
                if (j == null) {
                    return;
                }
                String more = ACTIVE.size() > 1 ? " (" + (ACTIVE.size() - 1) + " waiting)" : "";
                what.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                        () -> j.title() + ": " + j.step().get() + percent(j.done().get()) + more, j.step(), j.done()));
                bar.progressProperty().bind(j.done());
                stop.setVisible(j.stoppable());
                stop.setManaged(j.stoppable());
                stop.disableProperty().unbind();
                stop.disableProperty().bind(j.canStop().not().or(j.step().isEqualTo("Stopping…")));
                stop.setOnAction(e -> j.stop());
            }
        };
        ACTIVE.addListener((ListChangeListener<Job>) c -> refresh.run());
        refresh.run();
        return box;
    }

    private static String percent(double f) {
        return f < 0 ? "" : " " + Math.round(f * 100) + " %";
    }
}
