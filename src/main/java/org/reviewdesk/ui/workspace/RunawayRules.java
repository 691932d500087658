package org.reviewdesk.ui.workspace;

import java.util.HashSet;
import java.util.Set;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.scene.Node;
import org.reviewdesk.guideline.RunawayPatternException;
import org.reviewdesk.ui.Dialogs;

/**
 * A pattern of the reviewer's own {@code rules.json} that backtracks without end ({@link RunawayPatternException})
 * as the window reports it: one error dialog that names the file and the entry and says what to do, never a stack
 * trace, and the case stays open. The window reads {@code rules.json} once per session (when it unlocks the store),
 * so a fixed file is used after a restart.
 * Work the reviewer did not ask for (a suggested category, a checklist, the ranking as they type) reports an entry
 * once per session; an action the reviewer asked for (Draft) reports it each time.
 */
final class RunawayRules {
    /** The entries already reported for work the reviewer did not ask for; FX thread only. */
    private static final Set<String> REPORTED = new HashSet<>();

    private RunawayRules() {
    }

    /**
     * What {@code work} returns, or what {@code otherwise} gives when a pattern of rules.json ran away (reported
     * once per entry: {@code failed} heads the dialog, {@code kept} says what the window does until the restart).
     */
    static <T> T orElse(Node near, String failed, String kept, Supplier<T> work, Supplier<T> otherwise) {
        try {
            return work.get();
        } catch (RunawayPatternException e) {
            if (REPORTED.add(e.where())) {
                // after the current event: a pane being built has no window yet, and a dialog must not open mid-layout
                Platform.runLater(() -> report(near, failed, kept, e));
            }
            return otherwise.get();
        }
    }

    /** The error dialog: {@code failed} as its heading, the file, the entry and what to do as its text. */
    static void report(Node near, String failed, String kept, RunawayPatternException e) {
        Dialogs.error(near.getScene() == null ? null : near.getScene().getWindow(), failed,
                new IllegalStateException(message(e, kept), e));
    }

    static String message(RunawayPatternException e, String kept) {
        return e.getMessage() + ".\n\n" + Dialogs.RESTART_ADVICE + " " + kept;
    }
}
