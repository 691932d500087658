package org.reviewdesk.ui;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import javafx.application.Application;
import javafx.collections.ListChangeListener;
import javafx.scene.Scene;
import javafx.stage.Window;

/**
 * The window's look for a whole working day: a light or dark theme and the size of the text, chosen in
 * View and kept in {@code window.properties} beside the window places (a word and a number, no case data).
 * Both apply at once to every window, dialog, menu and tooltip: the theme is the application's user-agent
 * stylesheet (AtlantaFX's Primer), the size a one-rule stylesheet on every window's scene (the theme sizes its
 * controls' text in em of the root's 14 px).
 */
public final class Appearance {
    /** The themes offered. */
    public enum Theme {
        LIGHT("Light"), DARK("Dark");

        private final String label;

        Theme(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** The text sizes offered, in percent of the theme's 14 px. */
    public static final List<Integer> SIZES = List.of(90, 100, 115, 130, 150);

    static final String THEME_KEY = "look.theme";
    static final String SIZE_KEY = "look.textSize";
    private static final double THEME_PX = 14;

    private static Theme theme = Theme.LIGHT;
    private static int size = 100;
    private static String sizeSheet;
    private static boolean following;

    private Appearance() {
    }

    /** Reads the look kept with the window places ({@link WindowPlaces#load} first) and applies it. FX thread. */
    public static void load() {
        theme = Theme.LIGHT;
        String t = WindowPlaces.setting(THEME_KEY);
        for (Theme x : Theme.values()) {
            if (x.name().toLowerCase(Locale.ROOT).equals(t)) {
                theme = x;
            }
        }
        size = 100;
        try {
            String s = WindowPlaces.setting(SIZE_KEY);
            if (s != null && SIZES.contains(Integer.parseInt(s.trim()))) {
                size = Integer.parseInt(s.trim());
            }
        } catch (NumberFormatException e) {
            // a hand-edited value that is no size: the default
        }
        apply();
    }

    public static Theme theme() {
        return theme;
    }

    /** The text size in percent of the theme's. */
    public static int textSize() {
        return size;
    }

    /** The factor for text drawn with an explicit font size (1 at 100 %). */
    public static double scale() {
        return size / 100.0;
    }

    /** Chooses the theme, keeps it and applies it to every open window. FX thread. */
    public static void setTheme(Theme t) {
        theme = t;
        WindowPlaces.keep(THEME_KEY, t.name().toLowerCase(Locale.ROOT));
        apply();
    }

    /** Chooses the text size (one of {@link #SIZES}), keeps it and applies it to every open window. FX thread. */
    public static void setTextSize(int percent) {
        if (!SIZES.contains(percent)) {
            throw new IllegalArgumentException("text size " + percent + " %: one of " + SIZES);
        }
        size = percent;
        WindowPlaces.keep(SIZE_KEY, Integer.toString(percent));
        apply();
    }

    /** The root font size the text size gives, in px. */
    static double rootFontPx() {
        return THEME_PX * size / 100.0;
    }

    private static void apply() {
        Application.setUserAgentStylesheet(theme == Theme.DARK ? new PrimerDark().getUserAgentStylesheet()
                : new PrimerLight().getUserAgentStylesheet());
        String old = sizeSheet;
        sizeSheet = size == 100 ? null : "data:text/css;base64," + Base64.getEncoder().encodeToString(
                String.format(Locale.ROOT, ".root { -fx-font-size: %.1fpx; }", rootFontPx())
                        .getBytes(StandardCharsets.UTF_8));
        for (Window w : List.copyOf(Window.getWindows())) {
            style(w.getScene(), old);
        }
        if (!following) {
            following = true;
            // dialogs, menus, tooltips and popped-out windows opened later take the size as they show
            Window.getWindows().addListener((ListChangeListener<Window>) c -> {
                while (c.next()) {
                    for (Window w : c.getAddedSubList()) {
                        style(w.getScene(), null);
                        w.sceneProperty().addListener((o, was, now) -> style(now, null));
                    }
                }
            });
        }
    }

    /** Gives a new scene of a window already showing the chosen text size. */
    public static void dress(Scene scene) {
        style(scene, null);
    }

    private static void style(Scene scene, String old) {
        if (scene == null) {
            return;
        }
        if (old != null) {
            scene.getStylesheets().remove(old);
        }
        if (sizeSheet != null && !scene.getStylesheets().contains(sizeSheet)) {
            scene.getStylesheets().add(sizeSheet);
        }
    }
}
