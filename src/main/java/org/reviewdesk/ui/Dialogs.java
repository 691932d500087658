package org.reviewdesk.ui;

import java.util.Optional;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.stage.Window;

/** The few dialogs the window needs, in one place. */
public final class Dialogs {
    private Dialogs() {
    }

    public static void error(Window owner, String title, Throwable t) {
        String message = message(title, t);
        Alert a = new Alert(Alert.AlertType.ERROR, message, ButtonType.OK);
        a.initOwner(owner);
        a.setTitle(title);
        a.setHeaderText(title);
        a.getDialogPane().setId("errorDialog");
        a.showAndWait();
    }

    /**
     * What an error dialog says about {@code t}: its message, or, when it has none (a NullPointerException, a
     * wrapper around one), what failed in words with the class in brackets, never a bare class name.
     */
    static String message(String title, Throwable t) {
        String why = reason(t);
        if (why != null) {
            return why;
        }
        String what = title == null || title.isBlank() ? "The action failed" : title.strip();
        return what + ": " + unexpected(t) + ".";
    }

    /**
     * What a status line says after "... could not be ...: ": the reason a dialog would give (a runaway pattern of
     * the reviewer's rules.json with what to do about it), or "an unexpected error (class)".
     */
    public static String reasonForLabel(Throwable t) {
        String why = reason(t);
        return why != null ? why : unexpected(t);
    }

    private static String reason(Throwable t) {
        for (Throwable c = t; c != null && c.getCause() != c; c = c.getCause()) {
            if (c instanceof org.reviewdesk.guideline.RunawayPatternException r
                    && (t.getMessage() == null || !t.getMessage().contains(RESTART))) {
                // the reviewer's own rules.json (Sign & Export, or anything else that suggests or checks)
                return r.getMessage() + ".\n\n" + RESTART_ADVICE;
            }
        }
        for (Throwable c = t; c != null && c.getCause() != c; c = c.getCause()) {
            if (c instanceof java.nio.file.AccessDeniedException denied && denied.getFile() != null) {
                // its message is only the file's path (often a hidden temporary name beside the one chosen)
                java.nio.file.Path f = java.nio.file.Path.of(denied.getFile());
                java.nio.file.Path folder = f.getParent() == null ? f : f.getParent();
                return "ReviewDesk may not write in " + folder + " (permission denied). Choose another folder.";
            }
        }
        Throwable e = innermostWithWords(t);
        return blank(e.getMessage()) ? null : e.getMessage();
    }

    private static String unexpected(Throwable t) {
        return "an unexpected error (" + innermostWithWords(t).getClass().getSimpleName() + ")";
    }

    /** A wrapper without words of its own (its message is only its cause's toString()) says its cause's. */
    private static Throwable innermostWithWords(Throwable t) {
        Throwable e = t;
        while (e.getCause() != null && e.getCause() != e
                && (blank(e.getMessage()) || e.getMessage().equals(e.getCause().toString()))) {
            e = e.getCause();
        }
        return e;
    }

    private static final String RESTART = "restart ReviewDesk";

    /** What to do about a pattern of the reviewer's rules.json that runs away (RunawayPatternException). */
    public static final String RESTART_ADVICE = "Fix or delete this pattern, or remove the file, then " + RESTART
            + ": it reads rules.json once per session.";

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    /**
     * Opens {@code d} with the focus on {@code field}, the control the reviewer fills in first (a dialog otherwise
     * gives it to its default button, and what is typed goes nowhere).
     */
    public static void focusOnShown(javafx.scene.control.Dialog<?> d, javafx.scene.Node field) {
        d.addEventHandler(javafx.scene.control.DialogEvent.DIALOG_SHOWN,
                e -> javafx.application.Platform.runLater(field::requestFocus));
    }

    public static boolean confirm(Window owner, String title, String message, String yes) {
        ButtonType ok = new ButtonType(yes, ButtonType.OK.getButtonData());
        Alert a = new Alert(Alert.AlertType.CONFIRMATION, message, ok, ButtonType.CANCEL);
        a.initOwner(owner);
        a.setTitle(title);
        a.setHeaderText(title);
        return a.showAndWait().filter(ok::equals).isPresent();
    }

    /** Save, discard, or cancel: empty means cancel. */
    public static Optional<Boolean> saveChanges(Window owner, String what) {
        ButtonType save = new ButtonType("Save");
        ButtonType discard = new ButtonType("Discard changes");
        String sentence = what.isEmpty() ? what : Character.toUpperCase(what.charAt(0)) + what.substring(1);
        Alert a = new Alert(Alert.AlertType.WARNING, sentence + " has unsaved changes.", save, discard,
                ButtonType.CANCEL);
        a.initOwner(owner);
        a.setTitle("Unsaved changes");
        a.setHeaderText("Save the changes to " + what + "?");
        Optional<ButtonType> r = a.showAndWait();
        if (r.isEmpty() || r.get() == ButtonType.CANCEL) {
            return Optional.empty();
        }
        return Optional.of(r.get() == save);
    }
}
