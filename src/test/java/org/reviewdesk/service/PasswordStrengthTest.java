package org.reviewdesk.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The strength shown under a new store password: a label and advice that agree with each other. */
class PasswordStrengthTest {
    @Test
    void aStrongPassphraseIsNotWarnedAboutOneCommonWordInIt() {
        PasswordStrength.Estimate e = PasswordStrength.estimate("window serves password");
        assertTrue(e.score() >= 3, e.label());
        assertEquals("", e.advice());
        assertTrue(e.acceptable());
    }

    @Test
    void weakPasswordsGetTheEstimatorsAdvice() {
        PasswordStrength.Estimate e = PasswordStrength.estimate("password123");
        assertTrue(e.score() <= 1, e.label());
        assertFalse(e.advice().isEmpty());
        PasswordStrength.Estimate shortOne = PasswordStrength.estimate("Tr0ub4d&");
        assertFalse(shortOne.longEnough());
        assertTrue(shortOne.advice().startsWith("Use at least 10 characters"), shortOne.advice());
        assertFalse(shortOne.acceptable());
    }
}
