package org.reviewdesk.service;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

/** Dates as the letter prints them. */
final class LetterComposerDates {
    private LetterComposerDates() {
    }

    static String today() {
        return DateTimeFormatter.ofPattern("MM/dd/yyyy").format(LocalDate.now());
    }
}
