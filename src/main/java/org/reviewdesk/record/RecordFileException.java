package org.reviewdesk.record;

/** A record file that cannot be read; the message names the file and says what the reviewer can do. */
public final class RecordFileException extends Exception {
    private static final long serialVersionUID = 1L;

    private final String fileName;

    public RecordFileException(String fileName, String message) {
        super(message);
        this.fileName = fileName;
    }

    public RecordFileException(String fileName, String message, Throwable cause) {
        super(message, cause);
        this.fileName = fileName;
    }

    /** The name of the file that was refused. */
    public String fileName() {
        return fileName;
    }
}
