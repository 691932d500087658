package org.reviewdesk.cli;

import java.util.List;

/** The note a letter command prints when the case lacks header dates that every real IMR letter prints. */
final class HeaderNote {
    private HeaderNote() {
    }

    /** On stderr, as a note (the command still succeeds): the window shows the same as a warning before signing. */
    static void print(List<String> gaps) {
        if (!gaps.isEmpty()) {
            System.err.println("note: the letter's header has no " + String.join(", ", gaps) + " date"
                    + (gaps.size() == 1 ? "" : "s") + " (the case has none); real IMR letters print each");
        }
    }
}
