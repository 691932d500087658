package org.reviewdesk.guideline;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A pattern written in a rules file, matched within a budget. A clinician's own pattern may backtrack without
 * end ("(a+)+$", "(x|x)*y": exponential in the length of the text), which would hang the builder, {@code suggest}
 * and {@code check}. Every match therefore reads its text through a count of the characters the matcher looks
 * at (Java's matcher reads nothing else); past {@link #BASE} plus {@link #PER_CHAR} reads per character of the
 * text, the match stops with a {@link RunawayPatternException} that names the file and the entry. The shipped
 * rules read at most 73 characters per character of the text and 3,500 in all (measured over the guideline
 * tests, 636,000 matches), over a hundred times less, so their results are unchanged.
 */
final class RulePattern {
    /** The reads every match may make, whatever the length of the text. */
    static final long BASE = 1_000_000;
    /** The reads a match may make per character of the text. */
    static final long PER_CHAR = 10_000;

    private final Pattern pattern;
    private final String where;

    private RulePattern(Pattern pattern, String where) {
        this.pattern = pattern;
        this.where = where;
    }

    /**
     * The pattern of a rules file; {@code where} names the file and the entry ({@code rules.json:
     * $.categoryRules[3] (imaging).match}) for the message when a match runs away.
     */
    static RulePattern compile(String regex, String where) {
        return new RulePattern(Pattern.compile(regex), where);
    }

    /** The pattern's source, as written (and wrapped) in the file. */
    String pattern() {
        return pattern.pattern();
    }

    /** A matcher over the text that stops with a {@link RunawayPatternException} past its budget. */
    Matcher matcher(CharSequence text) {
        return pattern.matcher(new Budgeted(text, this));
    }

    /** Whether the pattern is found in the text (within the budget). */
    boolean find(CharSequence text) {
        return matcher(text).find();
    }

    String where() {
        return where;
    }

    @Override
    public String toString() {
        return pattern.pattern();
    }

    /** The text as the matcher sees it, each character read counted against the budget. */
    private static final class Budgeted implements CharSequence {
        private final CharSequence text;
        private final RulePattern owner;
        private final long limit;
        private long reads;

        Budgeted(CharSequence text, RulePattern owner) {
            this.text = text;
            this.owner = owner;
            this.limit = BASE + PER_CHAR * text.length();
        }

        @Override
        public char charAt(int index) {
            if (++reads > limit) {
                throw new RunawayPatternException(owner.where, text.length());
            }
            return text.charAt(index);
        }

        @Override
        public int length() {
            return text.length();
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return text.subSequence(start, end);
        }

        @Override
        public String toString() {
            return text.toString();
        }
    }
}
