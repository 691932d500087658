package org.reviewdesk.guideline;

/** A library file that is not valid; the message names the JSON path of the bad value. */
public final class GuidelineFormatException extends Exception {
    private final String jsonPath;

    public GuidelineFormatException(String jsonPath, String problem) {
        super((jsonPath == null || jsonPath.isEmpty() ? "$" : jsonPath) + ": " + problem);
        this.jsonPath = jsonPath == null || jsonPath.isEmpty() ? "$" : jsonPath;
    }

    public GuidelineFormatException(String source, String jsonPath, String problem) {
        super(source + ": " + (jsonPath == null || jsonPath.isEmpty() ? "$" : jsonPath) + ": " + problem);
        this.jsonPath = jsonPath == null || jsonPath.isEmpty() ? "$" : jsonPath;
    }

    /** Where in the JSON the problem is, e.g. {@code entries[3].sections[0].name}. */
    public String jsonPath() {
        return jsonPath;
    }
}
