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

    /** Where in the JSON the problem is, e.g. {@code $.entries[3].sections[0].name}. */
    public String jsonPath() {
        return jsonPath;
    }

    /** The same problem, told about a named file. */
    GuidelineFormatException inFile(String file) {
        return new GuidelineFormatException(file, jsonPath, problem);
    }
}
