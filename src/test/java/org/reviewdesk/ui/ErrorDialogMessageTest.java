package org.reviewdesk.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

/** An error dialog says what failed in words, never only an exception's class name. */
class ErrorDialogMessageTest {
    private static final String TITLE = "The letter could not be signed";

    @Test
    void anExceptionWithoutAMessageIsSaidInWords() {
        assertEquals("The letter could not be signed: an unexpected error (NullPointerException).",
                Dialogs.message(TITLE, new NullPointerException()));
        assertEquals("The letter could not be signed: an unexpected error (IllegalStateException).",
                Dialogs.message(TITLE, new IllegalStateException("  ")));
    }

    @Test
    void aWrapperWithoutWordsOfItsOwnSaysItsCause() {
        assertEquals("The letter could not be signed: an unexpected error (NullPointerException).",
                Dialogs.message(TITLE, new CompletionException(new NullPointerException())));
        assertEquals("The keystore is locked.",
                Dialogs.message(TITLE, new RuntimeException(new IllegalStateException("The keystore is locked."))));
    }

    @Test
    void aMessageIsShownAsItIs() {
        assertEquals("The disk is full.", Dialogs.message(TITLE, new java.io.IOException("The disk is full.")));
        assertEquals("Signing failed.", Dialogs.message(TITLE,
                new RuntimeException("Signing failed.", new NullPointerException())));
    }
}
