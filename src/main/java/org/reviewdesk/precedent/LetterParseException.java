package org.reviewdesk.precedent;

/** A determination letter that could not be read into a precedent; the message says why. */
public final class LetterParseException extends Exception {
    private final String source;

    public LetterParseException(String source, String reason) {
        super(reason);
        this.source = source;
    }

    public LetterParseException(String source, String reason, Throwable cause) {
        super(reason, cause);
        this.source = source;
    }

    /** The file (or other source) that did not parse. */
    public String source() {
        return source;
    }
}
