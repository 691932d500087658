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

    private Background() {
    }

    public static <T> Task<T> run(Callable<T> work, Consumer<T> onDone, Consumer<Throwable> onError) {
        Task<T> task = new Task<>() {
            @Override
            protected T call() throws Exception {
                return work.call();
            }
        };
        task.setOnSucceeded(e -> onDone.accept(task.getValue()));
        task.setOnFailed(e -> onError.accept(task.getException()));
        if (Platform.isFxApplicationThread()) {
            EXECUTOR.execute(task);
        } else {
            Platform.runLater(() -> EXECUTOR.execute(task));
        }
        return task;
    }
}
