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

    @Test
    void aRunawayPatternOfTheReviewersRulesSaysWhatToDoWhereverItFails() {
        var runaway = new org.reviewdesk.guideline.RunawayPatternException("/data/rules.json: $.categoryRules[0] (psych)"
                + ".match", 42);
        String said = Dialogs.message("The case could not be checked", new java.util.concurrent.CompletionException(
                new IllegalStateException("checking failed", runaway)));
        assertEquals(runaway.getMessage() + ".\n\n" + Dialogs.RESTART_ADVICE, said);
        // a message that already says it is shown as it is
        String own = runaway.getMessage() + ".\n\n" + Dialogs.RESTART_ADVICE + " Until then, choose the category.";
        assertEquals(own, Dialogs.message(TITLE, new IllegalStateException(own, runaway)));
    }

    @Test
    void aStatusLineSaysTheSameReasonAfterItsOwnWords() {
        // "Similar decisions could not be looked up: " + ...: a runaway pattern with what to do, as the dialogs
        var runaway = new org.reviewdesk.guideline.RunawayPatternException("/data/rules.json: $.categoryRules[0] (psych)"
                + ".match", 42);
        assertEquals(runaway.getMessage() + ".\n\n" + Dialogs.RESTART_ADVICE, Dialogs.reasonForLabel(
                new java.util.concurrent.CompletionException(new IllegalStateException("lookup failed", runaway))));
        // never "null" after the colon
        assertEquals("an unexpected error (NullPointerException)", Dialogs.reasonForLabel(
                new java.util.concurrent.CompletionException(new NullPointerException())));
        assertEquals("The disk is full.", Dialogs.reasonForLabel(new java.io.IOException("The disk is full.")));
    }

    @Test
    void aFolderThatMayNotBeWrittenIsNamedWithWhatToDo() {
        // what an atomic write raises: the hidden temporary file's path is the whole message
        var denied = new java.nio.file.AccessDeniedException("/home/reviewer/letters/.CM1-determination.pdf.tmp");
        assertEquals("ReviewDesk may not write in /home/reviewer/letters (permission denied). Choose another folder.",
                Dialogs.message("The letter could not be exported", new java.io.UncheckedIOException(denied)));
    }
}
