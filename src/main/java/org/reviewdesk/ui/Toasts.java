package org.reviewdesk.ui;

import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.util.Duration;
import org.controlsfx.control.Notifications;

/**
 * Confirmations that do not stop the work: a short notification in the window's corner and the
 * same words on the status line (imports, excerpts, saves, exports).
 */
public final class Toasts {
    private static final StringProperty STATUS = new SimpleStringProperty("");

    private Toasts() {
    }

    /** The status line's text. */
    public static ReadOnlyStringProperty statusLine() {
        return STATUS;
    }

    /** Only the status line (frequent events such as an autosave). */
    public static void status(String text) {
        STATUS.set(text);
    }

    /** A notification that fades after a few seconds, and the status line. */
    public static void show(javafx.stage.Window owner, String text) {
        STATUS.set(text);
        if (owner == null || !owner.isShowing()) {
            return;
        }
        Notifications.create().owner(owner).text(text).hideAfter(Duration.seconds(4))
                .position(javafx.geometry.Pos.BOTTOM_RIGHT).hideCloseButton().showInformation();
    }
}
