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
     * A file that is not JSON, with where (line, column, JSON path) and what was expected in plain words; a file
     * past the parser's limits (nesting deeper than 1,000, a string of 20 million characters) too.
     */
    static GuidelineFormatException notJson(com.fasterxml.jackson.core.JsonParser parser, Exception e) {
        org.reviewdesk.files.JsonErrors.Problem p = org.reviewdesk.files.JsonErrors.of(parser, e);
        String near = p.path().isEmpty() ? "" : "near $." + p.path();
        String where = p.line() == 0 ? near : "line " + p.line() + ", column " + p.column()
                + (near.isEmpty() ? "" : ", " + near);
        return new GuidelineFormatException("$", "not JSON" + (where.isEmpty() ? "" : " at " + where) + ": "
                + p.problem());
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
