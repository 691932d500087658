package org.reviewdesk.ui;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.reviewdesk.files.RecentlyUsed;

/**
 * The window's file dialogs. GTK adds each file picked or saved in them to the desktop's recently used list, in plain
 * text, and a record's file name may carry a patient's name: the files picked in this session (kept in memory only)
 * are taken out of that list a moment after each dialog (GTK writes it shortly after) and again when the window
 * closes. Nothing else of the list is touched.
 */
public final class FilePicks {
    private static final Logger LOG = Logger.getLogger(FilePicks.class.getName());
    private static final Set<Path> PICKED = ConcurrentHashMap.newKeySet();
    private static final ScheduledExecutorService LATER = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "recently-used-cleanup");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        return t;
    });

    private FilePicks() {
    }

    /** {@link FileChooser#showOpenDialog}, the file then left out of the recently used list. */
    public static File open(FileChooser chooser, Window owner) {
        return picked(chooser.showOpenDialog(owner));
    }

    /** {@link FileChooser#showOpenMultipleDialog}, likewise. */
    public static List<File> openMultiple(FileChooser chooser, Window owner) {
        List<File> files = chooser.showOpenMultipleDialog(owner);
        if (files != null) {
            files.forEach(FilePicks::picked);
        }
        return files;
    }

    /** {@link FileChooser#showSaveDialog}, likewise. */
    public static File save(FileChooser chooser, Window owner) {
        return picked(chooser.showSaveDialog(owner));
    }

    /** {@link DirectoryChooser#showDialog}, likewise. */
    public static File folder(DirectoryChooser chooser, Window owner) {
        return picked(chooser.showDialog(owner));
    }

    private static File picked(File f) {
        if (f != null) {
            PICKED.add(f.toPath().toAbsolutePath().normalize());
            // GTK saves the list on a short timer after the dialog: taken out after it, and once more later
            LATER.schedule(FilePicks::forgetNow, 2, TimeUnit.SECONDS);
            LATER.schedule(FilePicks::forgetNow, 15, TimeUnit.SECONDS);
        }
        return f;
    }

    /** Takes the files picked so far out of the recently used list now (the window calls it when it closes). */
    public static void forgetNow() {
        if (PICKED.isEmpty()) {
            return;
        }
        try {
            RecentlyUsed.forget(RecentlyUsed.file(), new ArrayList<>(PICKED));
        } catch (java.io.IOException | RuntimeException e) {
            // the list is the desktop's: never fail the reviewer's work over it (no path in the log: it may name a patient)
            LOG.log(Level.FINE, "the recently used list could not be cleaned: " + e.getClass().getSimpleName());
        }
    }
}
