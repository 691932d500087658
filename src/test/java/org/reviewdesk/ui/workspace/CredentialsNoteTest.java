package org.reviewdesk.ui.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The line above the workspace's credential fields, in the cases a reviewer meets. */
class CredentialsNoteTest {
    private static final List<String> NONE = List.of();

    /** No profile filled in and none on the case: a warning that says what to do (it read "From your profile:  / ."). */
    @Test
    void noCredentialsAnywhereIsAWarningThatSaysWhereToSetThem() {
        String note = WorkspacePane.credentialsNote(NONE, NONE, NONE, NONE);
        assertTrue(note.startsWith("⚠ No credentials yet"), note);
        assertTrue(note.contains("Settings (Ctrl+,)"), note);
        assertFalse(note.contains(" / ."), note);
    }

    @Test
    void thePartOfTheProfileThatIsMissingIsNamed() {
        assertEquals("From your profile: California / no specialty.",
                WorkspacePane.credentialsNote(List.of("California"), NONE, NONE, NONE));
        assertEquals("From your profile: California / Physical Medicine and Rehabilitation.",
                WorkspacePane.credentialsNote(List.of("California"), List.of("Physical Medicine and Rehabilitation"),
                        NONE, NONE));
    }

    @Test
    void theCasesOwnCredentialsAreNamedAsSuch() {
        assertEquals("The case's own credentials (the same as your profile's).", WorkspacePane.credentialsNote(
                List.of("California"), List.of("Family Practice"), List.of("California"), List.of("Family Practice")));
        assertTrue(WorkspacePane.credentialsNote(List.of("California"), List.of("Family Practice"),
                List.of("Texas"), NONE).startsWith("⚠ The case carries its own credentials, different from your "
                + "profile (California / Family Practice)"));
        assertTrue(WorkspacePane.credentialsNote(NONE, NONE, List.of("Texas"), NONE)
                .contains("your profile has none"));
    }
}
