package org.reviewdesk.service;

import me.gosimple.nbvcxz.Nbvcxz;
import me.gosimple.nbvcxz.scoring.Result;

/**
 * How hard a new store password is to guess, by nbvcxz (a maintained zxcvbn-style estimator with
 * dictionaries, keyboard patterns, dates and leet speak), not by a home-made rule. The store itself only
 * enforces the minimum length; the window shows the estimate and refuses "very weak".
 */
public final class PasswordStrength {
    /** The shortest store password accepted (the store refuses shorter ones too). */
    public static final int MIN_LENGTH = 10;
    private static final String[] LABELS = {"Very weak", "Weak", "Fair", "Strong", "Very strong"};
    private static Nbvcxz estimator;

    /** The estimate: score 0 (very weak) to 4 (very strong), a label, and advice (may be empty). */
    public record Estimate(int score, String label, String advice, boolean longEnough) {
        /** Whether the window accepts it: long enough and not very weak. */
        public boolean acceptable() {
            return longEnough && score >= 1;
        }
    }

    private PasswordStrength() {
    }

    private static synchronized Nbvcxz estimator() {
        if (estimator == null) {
            estimator = new Nbvcxz();
        }
        return estimator;
    }

    public static Estimate estimate(CharSequence password) {
        if (password.length() == 0) {
            return new Estimate(0, "", "", false);
        }
        Result r = estimator().estimate(password.toString());
        int score = Math.max(0, Math.min(4, r.getBasicScore()));
        boolean longEnough = password.length() >= MIN_LENGTH;
        String advice;
        if (!longEnough) {
            advice = "Use at least " + MIN_LENGTH + " characters; a few unrelated words are easy to remember.";
        } else if (score >= 3) {
            // the estimator's warning is about the weakest part ("This is a top-10 common password" for a strong
            // passphrase that contains the word password): beside "Strong" it reads as a contradiction
            advice = "";
        } else {
            var f = r.getFeedback();
            advice = f == null ? "" : (f.getWarning() != null ? f.getWarning()
                    : f.getSuggestion() == null || f.getSuggestion().isEmpty() ? "" : f.getSuggestion().get(0));
        }
        return new Estimate(score, LABELS[score], advice == null ? "" : advice, longEnough);
    }
}
