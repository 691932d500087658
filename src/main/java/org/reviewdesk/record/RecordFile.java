package org.reviewdesk.record;

import java.util.Objects;

/**
 * A record file held in memory, as {@link PageImages} shows it. Two instances with the same {@code id} (a
 * document id or the content's SHA-256) are the same record, so images cached for one serve the other.
 */
public final class RecordFile {
    private final String id;
    private final String fileName;
    private final byte[] bytes;

    public RecordFile(String id, String fileName, byte[] bytes) {
        this.id = Objects.requireNonNull(id, "id");
        this.fileName = Objects.requireNonNull(fileName, "fileName");
        this.bytes = Objects.requireNonNull(bytes, "bytes");
    }

    public String id() {
        return id;
    }

    public String fileName() {
        return fileName;
    }

    /** The content itself, not a copy: records can be large, and nobody here changes them. */
    byte[] bytes() {
        return bytes;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RecordFile other && id.equals(other.id);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }

    @Override
    public String toString() {
        return "RecordFile[" + id + ", " + fileName + "]";
    }
}
