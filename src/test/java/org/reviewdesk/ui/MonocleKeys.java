package org.reviewdesk.ui;

import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The headless keyboard (Monocle) as a window test finds it after the tests before it in the same JVM: Monocle sends a
 * key to the window it holds as focused and keeps the keys it holds as pressed for the whole JVM, so a key an earlier
 * test left pressed, or focus left on a window that has gone, makes a later test's key presses miss (a different one
 * in each whole-suite run). {@link #readyFor} clears both and {@link #describe} says what a missed key met.
 */
public final class MonocleKeys {
    private MonocleKeys() {
    }

    /** No key held, {@code stage} in front and focused, so the next key press goes to it. */
    public static void readyFor(FxRobot robot, Stage stage) throws Exception {
        releaseHeldKeys();
        robot.interact(() -> {
            stage.toFront();
            stage.requestFocus();
        });
        FxWait.until(10, stage::isFocused);
        WaitForAsyncUtils.sleep(100, TimeUnit.MILLISECONDS);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** The keys Monocle holds as pressed, released (through its own state change, so the windows see the release). */
    static void releaseHeldKeys() {
        if (!isMonocle()) {
            return;
        }
        try {
            Class<?> keyInput = Class.forName("com.sun.glass.ui.monocle.KeyInput");
            Class<?> keyState = Class.forName("com.sun.glass.ui.monocle.KeyState");
            Method getInstance = keyInput.getDeclaredMethod("getInstance");
            getInstance.setAccessible(true);
            Object input = getInstance.invoke(null);
            Constructor<?> newState = keyState.getDeclaredConstructor();
            newState.setAccessible(true);
            Object empty = newState.newInstance();
            Method setState = keyInput.getDeclaredMethod("setState", keyState);
            setState.setAccessible(true);
            Object now = newState.newInstance();
            Method getState = keyInput.getDeclaredMethod("getState", keyState);
            getState.setAccessible(true);
            WaitForAsyncUtils.asyncFx(() -> {
                getState.invoke(input, now);
                if (!heldKeys(now).isEmpty()) {
                    setState.invoke(input, empty);
                }
                return null;
            }).get(10, TimeUnit.SECONDS);
            WaitForAsyncUtils.waitForFxEvents();
        } catch (ReflectiveOperationException | java.util.concurrent.ExecutionException
                | java.util.concurrent.TimeoutException | InterruptedException e) {
            throw new IllegalStateException("could not read Monocle's key state", e);
        }
    }

    /** For a failure message: the keys held, the window Monocle sends keys to, the JavaFX windows showing. */
    public static String describe() {
        StringBuilder s = new StringBuilder();
        try {
            s.append(WaitForAsyncUtils.asyncFx(() -> {
                StringBuilder b = new StringBuilder();
                if (isMonocle()) {
                    Class<?> keyInput = Class.forName("com.sun.glass.ui.monocle.KeyInput");
                    Class<?> keyState = Class.forName("com.sun.glass.ui.monocle.KeyState");
                    Method getInstance = keyInput.getDeclaredMethod("getInstance");
                    getInstance.setAccessible(true);
                    Constructor<?> newState = keyState.getDeclaredConstructor();
                    newState.setAccessible(true);
                    Object now = newState.newInstance();
                    Method getState = keyInput.getDeclaredMethod("getState", keyState);
                    getState.setAccessible(true);
                    getState.invoke(getInstance.invoke(null), now);
                    b.append("keys held: ").append(heldKeys(now));
                    Class<?> manager = Class.forName("com.sun.glass.ui.monocle.MonocleWindowManager");
                    Method m = manager.getDeclaredMethod("getInstance");
                    m.setAccessible(true);
                    Method focused = manager.getDeclaredMethod("getFocusedWindow");
                    focused.setAccessible(true);
                    Object w = focused.invoke(m.invoke(null));
                    b.append("; Monocle's focused window: ").append(w == null ? "none" : glassWindow(w));
                }
                List<String> windows = new ArrayList<>();
                for (Window w : Window.getWindows()) {
                    windows.add(w.getClass().getSimpleName() + (w instanceof Stage st ? " \"" + st.getTitle() + "\"" : "")
                            + (w.isShowing() ? " showing" : " hidden") + (w.isFocused() ? " focused" : "")
                            + " focus owner " + (w.getScene() == null || w.getScene().getFocusOwner() == null ? "none"
                                    : w.getScene().getFocusOwner().getClass().getSimpleName() + "#"
                                            + w.getScene().getFocusOwner().getId())
                            + (w.getScene() != null && w.getScene().getRoot() instanceof javafx.scene.control.DialogPane p
                                    ? " saying \"" + p.getHeaderText() + ": " + p.getContentText() + "\"" : ""));
                }
                b.append("; JavaFX windows: ").append(windows);
                return b.toString();
            }).get(10, TimeUnit.SECONDS));
        } catch (Exception e) {
            s.append("(key state not readable: ").append(e).append(')');
        }
        return s.toString();
    }

    private static List<Integer> heldKeys(Object keyState) throws ReflectiveOperationException {
        Method keys = keyState.getClass().getDeclaredMethod("getKeysPressed");
        keys.setAccessible(true);
        Object set = keys.invoke(keyState);
        Method size = set.getClass().getDeclaredMethod("size");
        size.setAccessible(true);
        Method get = set.getClass().getDeclaredMethod("get", int.class);
        get.setAccessible(true);
        List<Integer> held = new ArrayList<>();
        for (int i = 0; i < (int) size.invoke(set); i++) {
            held.add((Integer) get.invoke(set, i));
        }
        return held;
    }

    private static String glassWindow(Object w) {
        try {
            Method width = com.sun.glass.ui.Window.class.getMethod("getWidth");
            Method height = com.sun.glass.ui.Window.class.getMethod("getHeight");
            Method visible = com.sun.glass.ui.Window.class.getMethod("isVisible");
            return w.getClass().getSimpleName() + " " + width.invoke(w) + "x" + height.invoke(w)
                    + (Boolean.TRUE.equals(visible.invoke(w)) ? " visible" : " not visible");
        } catch (ReflectiveOperationException e) {
            return String.valueOf(w);
        }
    }

    private static boolean isMonocle() {
        return "Monocle".equals(System.getProperty("glass.platform"));
    }
}
