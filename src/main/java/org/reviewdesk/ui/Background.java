package org.reviewdesk.ui;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.concurrent.Task;

/** Runs store and file work off the FX thread, one job at a time, and reports back on it. */
public final class Background {
    private static final ExecutorService EXECUTOR = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "reviewdesk-worker");
        t.setDaemon(true);
        return t;
    });

    private static final ExecutorService LOW = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "reviewdesk-low-priority");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        return t;
    });

    private Background() {
    }

    /**
     * Runs long work that nobody waits for (the daily backup) on its own low-priority thread, so the store work
     * the reviewer waits for is not queued behind it.
     */
    public static <T> Task<T> runLowPriority(Callable<T> work, Consumer<T> onDone, Consumer<Throwable> onError) {
        Task<T> task = task(work, onDone, onError);
        LOW.execute(task);
        return task;
    }

    private static <T> Task<T> task(Callable<T> work, Consumer<T> onDone, Consumer<Throwable> onError) {
        Task<T> task = new Task<>() {
            @Override
            protected T call() throws Exception {
                return work.call();
            }
        };
        task.setOnSucceeded(e -> onDone.accept(task.getValue()));
        task.setOnFailed(e -> onError.accept(task.getException()));
        return task;
    }

    public static <T> Task<T> run(Callable<T> work, Consumer<T> onDone, Consumer<Throwable> onError) {
        Task<T> task = task(work, onDone, onError);
        if (Platform.isFxApplicationThread()) {
            EXECUTOR.execute(task);
        } else {
            Platform.runLater(() -> EXECUTOR.execute(task));
        }
        return task;
    }
}
