package org.reviewdesk.ui;

import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Waiting in the window tests for a condition on the scene, evaluated on the JavaFX thread: a look-up from the
 * test's own thread races with the scene graph's changes (CI saw {@code IndexOutOfBoundsException} inside
 * {@code Parent.lookupAll} while a case opened, and a {@code ConcurrentModificationException} in another test).
 */
public final class FxWait {
    private FxWait() {
    }

    /** Waits up to {@code seconds} for {@code condition}, then lets the pending JavaFX events run. */
    public static void until(long seconds, Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, () -> onFx(condition));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static boolean onFx(Callable<Boolean> condition) throws Exception {
        if (Platform.isFxApplicationThread()) {
            return Boolean.TRUE.equals(condition.call());
        }
        return Boolean.TRUE.equals(WaitForAsyncUtils.asyncFx(condition).get(30, TimeUnit.SECONDS));
    }
}
