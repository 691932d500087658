package org.reviewdesk.guideline;

/** A library file that is not valid; the message names the file (when known) and the JSON path of the bad value. */
public final class GuidelineFormatException extends Exception {
    private final String jsonPath;
    private final String problem;

    public GuidelineFormatException(String jsonPath, String problem) {
        this(null, jsonPath, problem);
    }

    private GuidelineFormatException(String file, String jsonPath, String problem) {
        super((file == null ? "" : file + ": ") + jsonPath + ": " + problem);
        this.jsonPath = jsonPath;
        this.problem = problem;
    }

    /**
     * A file that is not JSON, with the line of the fault; a file past Jackson's limits (nesting deeper than
     * 1,000, a string of 20 million characters) has no location.
     */
    static GuidelineFormatException notJson(com.fasterxml.jackson.core.JsonProcessingException e) {
        var at = e.getLocation();
        return new GuidelineFormatException("$", "not JSON: " + e.getOriginalMessage()
                + (at == null || at.getLineNr() < 1 ? "" : " (line " + at.getLineNr() + ")"));
    }

    /** A file that could not be read at all (a folder, no permission), named. */
    static GuidelineFormatException unreadable(String file, java.io.IOException e) {
        String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return new GuidelineFormatException(file, "$", "cannot be read: " + why);
    }

    /** Where in the JSON the problem is, e.g. {@code $.entries[3].sections[0].name}. */
    public String jsonPath() {
        return jsonPath;
    }

    /** The same problem, told about a named file. */
    GuidelineFormatException inFile(String file) {
        return new GuidelineFormatException(file, jsonPath, problem);
    }
}
