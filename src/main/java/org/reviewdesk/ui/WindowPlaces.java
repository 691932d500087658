package org.reviewdesk.ui;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import javafx.geometry.Rectangle2D;
import javafx.stage.Screen;
import javafx.stage.Stage;

/**
 * Where the windows were: position, size and maximised state, in {@code window.properties} in the
 * data folder, and the look chosen in View (theme and text size: {@link Appearance}). Numbers and those
 * words only (no case, no record text); read before the store is unlocked so the window opens where and as
 * it was. The open case tabs and split positions live in the encrypted store.
 */
public final class WindowPlaces {
    private static Path file;
    private static final Properties PLACES = new Properties();

    private WindowPlaces() {
    }

    /** Reads the places kept in {@code dataDir}, if any. */
    public static synchronized void load(Path dataDir) {
        file = dataDir.resolve("window.properties");
        PLACES.clear();
        if (Files.isRegularFile(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                PLACES.load(in);
            } catch (IOException | IllegalArgumentException e) {
                PLACES.clear();
            }
        }
    }

    /** True when a place is kept for {@code key}. */
    public static synchronized boolean known(String key) {
        return PLACES.containsKey(key + ".w");
    }

    /**
     * Puts the stage where it was; on a first run it opens maximised on screens up to 1920x1080, or
     * at {@code width} x {@code height} (capped to the screen) on larger ones.
     */
    public static synchronized void place(Stage stage, String key, double width, double height) {
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        if (!known(key)) {
            stage.setWidth(Math.min(width, screen.getWidth()));
            stage.setHeight(Math.min(height, screen.getHeight()));
            if (key.equals("main") && screen.getWidth() <= 1920 && screen.getHeight() <= 1080) {
                stage.setMaximized(true);
            }
            return;
        }
        double x = number(key + ".x", screen.getMinX());
        double y = number(key + ".y", screen.getMinY());
        double w = number(key + ".w", width);
        double h = number(key + ".h", height);
        // a place on a monitor no longer attached falls back onto the primary screen
        boolean onScreen = Screen.getScreensForRectangle(x, y, Math.max(1, w), Math.max(1, h)).size() > 0;
        stage.setWidth(Math.max(400, w));
        stage.setHeight(Math.max(300, h));
        if (onScreen) {
            stage.setX(x);
            stage.setY(y);
        } else {
            stage.centerOnScreen();
        }
        stage.setMaximized(Boolean.parseBoolean(PLACES.getProperty(key + ".maximized", "false")));
    }

    /** Keeps the stage's place under {@code key} and writes the file. */
    public static synchronized void remember(Stage stage, String key) {
        if (!stage.isMaximized()) {
            PLACES.setProperty(key + ".x", Double.toString(stage.getX()));
            PLACES.setProperty(key + ".y", Double.toString(stage.getY()));
            PLACES.setProperty(key + ".w", Double.toString(stage.getWidth()));
            PLACES.setProperty(key + ".h", Double.toString(stage.getHeight()));
        } else if (!known(key)) {
            PLACES.setProperty(key + ".w", Double.toString(stage.getWidth()));
            PLACES.setProperty(key + ".h", Double.toString(stage.getHeight()));
        }
        PLACES.setProperty(key + ".maximized", Boolean.toString(stage.isMaximized()));
        write();
    }

    /** A setting of the window's look kept under {@code key} (a word or a number, never case data), or null. */
    public static synchronized String setting(String key) {
        return PLACES.getProperty(key);
    }

    /** Keeps a setting of the window's look under {@code key} and writes the file. */
    public static synchronized void keep(String key, String value) {
        PLACES.setProperty(key, value);
        write();
    }

    private static double number(String key, double fallback) {
        try {
            return Double.parseDouble(PLACES.getProperty(key, Double.toString(fallback)));
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    private static void write() {
        if (file == null || !Files.isDirectory(file.getParent())) {
            return;
        }
        try (OutputStream out = Files.newOutputStream(file)) {
            PLACES.store(out, "ReviewDesk window places and look (no case data)");
        } catch (IOException e) {
            // a place not kept only means the window opens at its default size next time
        }
    }
}
