package org.reviewdesk.guideline;

/** A citation string that does not follow the letters' convention or names something the library lacks. */
public final class CitationParseException extends Exception {
    private final String text;

    public CitationParseException(String text, String problem) {
        super(problem + ": \"" + (text.length() > 80 ? text.substring(0, 80) + "..." : text) + "\"");
        this.text = text;
    }

    /** The part of the citation string that could not be read. */
    public String text() {
        return text;
    }
}
