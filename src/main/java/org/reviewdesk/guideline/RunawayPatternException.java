package org.reviewdesk.guideline;

/**
 * A pattern of a rules file that did not finish matching a text within its budget ({@link RulePattern}): it
 * backtracks without end, typically a counted repetition of alternatives that match the same text
 * ("(x|x){1,99}") or a back reference. The message names the file and the entry; the text is not quoted (it may be a
 * patient's).
 */
public final class RunawayPatternException extends RuntimeException {
    private final String where;

    /** {@code where}: the file and the entry; {@code textLength}: the length of the text it was matched against. */
    public RunawayPatternException(String where, int textLength) {
        super(where + ": the pattern takes too long to match a text of " + textLength + " characters (it backtracks "
                + "without end, typically a counted repetition of alternatives that match the same text, such as "
                + "(a|a){1,50}, or a back reference); write it more simply and try again");
        this.where = where;
    }

    /** The file and the entry whose pattern ran away, e.g. {@code /data/rules.json: $.categoryRules[0] (imaging).match}. */
    public String where() {
        return where;
    }
}
