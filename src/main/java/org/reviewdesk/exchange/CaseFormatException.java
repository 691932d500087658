package org.reviewdesk.exchange;

/** A case file or packet that does not follow the case file format; the message names the JSON path. */
public class CaseFormatException extends Exception {
    private final String path;

    public CaseFormatException(String path, String problem) {
        super(path == null || path.isEmpty() ? problem : path + ": " + problem);
        this.path = path;
    }

    public CaseFormatException(String problem, Throwable cause) {
        super(problem, cause);
        this.path = null;
    }

    /** The JSON path of the offending value, e.g. {@code items[0].decision}, or null. */
    public String path() {
        return path;
    }
}
