package org.reviewdesk.domain;

import java.io.IOException;
import java.io.InputStream;

/** The bytes of one record file, already checked: its size and SHA-256 are known. */
public record RecordContent(String documentId, long size, String sha256, Opener opener) {
    /** Opens the bytes again, for storing them. */
    @FunctionalInterface
    public interface Opener {
        InputStream open() throws IOException;
    }

    public InputStream open() throws IOException {
        return opener.open();
    }
}
