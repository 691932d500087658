package org.reviewdesk.record;

import java.util.Objects;

/**
 * A record file as {@link PageImages} shows it: held in memory, or (a large PDF) read in blocks where it is kept. Two instances with the same {@code id} (a
 * document id or the content's SHA-256) are the same record, so images cached for one serve the other.
 */
public final class RecordFile {
    private final String id;
    private final String fileName;
    private final RecordSource content;

    public RecordFile(String id, String fileName, byte[] bytes) {
        this(id, fileName, RecordSource.of(bytes));
    }

    public RecordFile(String id, String fileName, RecordSource content) {
        this.id = Objects.requireNonNull(id, "id");
        this.fileName = Objects.requireNonNull(fileName, "fileName");
        this.content = Objects.requireNonNull(content, "content");
    }

    public String id() {
        return id;
    }

    public String fileName() {
        return fileName;
    }

    /** The content itself, not a copy: records can be large, and nobody here changes them. */
    RecordSource content() {
        return content;
    }

    /**
     * The whole content, for kinds read whole (images, text): those are held in memory; a large record kept
     * elsewhere is always a PDF (the import refuses other large files).
     */
    byte[] bytes() throws RecordFileException {
        byte[] b = content.inMemory();
        if (b == null) {
            throw new RecordFileException(fileName, fileName + " is too large to be read whole");
        }
        return b;
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
