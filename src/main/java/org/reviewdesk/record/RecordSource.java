package org.reviewdesk.record;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Objects;
import org.apache.pdfbox.io.RandomAccessRead;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;
import org.apache.pdfbox.io.RandomAccessReadView;

/**
 * The bytes of a record file, wherever they are: held in memory (most files), read from the file being added
 * (a large PDF, which is never held whole), or read in blocks from the encrypted store (a large stored PDF).
 * A large record is read a block at a time, so the heap it needs does not grow with its size. Nothing here
 * writes anything.
 */
public abstract sealed class RecordSource permits RecordSource.InMemory, RecordSource.InFile,
        RecordSource.InBlocks {
    /** The first bytes that tell a file's format ({@link FileFormat} samples as many for text). */
    static final int HEAD = 64 * 1024;

    /** Reads {@code len} bytes at {@code position} of content kept elsewhere (the store); returns how many. */
    @FunctionalInterface
    public interface Blocks {
        int read(long position, byte[] into, int offset, int len) throws IOException;
    }

    private RecordSource() {
    }

    public static RecordSource of(byte[] bytes) {
        return new InMemory(bytes);
    }

    /** A file read where it lies (its size as of now): for large PDFs being added. */
    public static RecordSource of(Path file, long size) {
        return new InFile(file, size);
    }

    /** Content of {@code size} bytes read through {@code blocks}, {@code blockSize} bytes at a time. */
    public static RecordSource inBlocks(long size, int blockSize, Blocks blocks) {
        return new InBlocks(size, blockSize, blocks);
    }

    public abstract long size();

    /** The whole content when it is held in memory, else null (large content is only read in parts). */
    public abstract byte[] inMemory();

    /** A reader of its own for PDFBox (readers are not shared between threads); closing it frees its buffers. */
    abstract RandomAccessRead open() throws IOException;

    /** The whole content as a stream, read a part at a time (an export of a record larger than the heap). */
    public final java.io.InputStream stream() throws IOException {
        RandomAccessRead r = open();
        return new org.apache.pdfbox.io.RandomAccessInputStream(r) {
            @Override
            public void close() throws IOException {
                r.close();
            }
        };
    }

    /** Up to {@code len} bytes from {@code position}. */
    public final byte[] read(long position, int len) throws IOException {
        int n = (int) Math.max(0, Math.min(len, size() - position));
        byte[] out = new byte[n];
        try (RandomAccessRead r = open()) {
            r.seek(position);
            r.readFully(out);
        }
        return out;
    }

    /** The first bytes, enough to tell the format. */
    byte[] head() {
        byte[] all = inMemory();
        if (all != null) {
            return all;
        }
        try {
            return read(0, HEAD);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The last {@code len} bytes (where the PDF's end-of-file marker is). */
    byte[] tail(int len) throws IOException {
        byte[] all = inMemory();
        if (all != null) {
            return all;
        }
        return read(Math.max(0, size() - len), len);
    }

    static final class InMemory extends RecordSource {
        private final byte[] bytes;

        InMemory(byte[] bytes) {
            this.bytes = Objects.requireNonNull(bytes, "bytes");
        }

        @Override
        public long size() {
            return bytes.length;
        }

        @Override
        public byte[] inMemory() {
            return bytes;
        }

        @Override
        RandomAccessRead open() {
            return new RandomAccessReadBuffer(bytes);
        }
    }

    static final class InFile extends RecordSource {
        private final Path file;
        private final long size;

        InFile(Path file, long size) {
            this.file = Objects.requireNonNull(file, "file");
            this.size = size;
        }

        @Override
        public long size() {
            return size;
        }

        @Override
        public byte[] inMemory() {
            return null;
        }

        @Override
        RandomAccessRead open() throws IOException {
            RandomAccessReadBufferedFile r = new RandomAccessReadBufferedFile(file.toFile());
            if (r.length() != size) {
                r.close();
                throw new IOException(file.getFileName() + " changed while it was being read");
            }
            return r;
        }
    }

    static final class InBlocks extends RecordSource {
        /** Blocks kept for all readers of this content (a few MB): parsing jumps between the end and the objects. */
        private static final int KEPT = 8;
        private final long size;
        private final int blockSize;
        private final Blocks blocks;
        private final java.util.LinkedHashMap<Long, byte[]> kept = new java.util.LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(java.util.Map.Entry<Long, byte[]> eldest) {
                return size() > KEPT;
            }
        };

        InBlocks(long size, int blockSize, Blocks blocks) {
            if (blockSize < 1) {
                throw new IllegalArgumentException("block size " + blockSize);
            }
            this.size = size;
            this.blockSize = blockSize;
            this.blocks = Objects.requireNonNull(blocks, "blocks");
        }

        @Override
        public long size() {
            return size;
        }

        @Override
        public byte[] inMemory() {
            return null;
        }

        @Override
        RandomAccessRead open() {
            return new BlockReader(this);
        }

        /** Block {@code index}, from the blocks kept or read now; thread-safe. */
        byte[] block(long index) throws IOException {
            synchronized (kept) {
                byte[] b = kept.get(index);
                if (b != null) {
                    return b;
                }
            }
            long start = index * blockSize;
            int len = (int) Math.min(blockSize, size - start);
            byte[] b = new byte[len];
            int done = 0;
            while (done < len) {
                int n = blocks.read(start + done, b, done, len - done);
                if (n <= 0) {
                    throw new IOException("the record ends after " + (start + done) + " of " + size + " bytes");
                }
                done += n;
            }
            synchronized (kept) {
                kept.put(index, b);
            }
            return b;
        }
    }

    /**
     * Reads content a block at a time, with a position of its own; the blocks are shared by all readers of the
     * content. A view (a PDF stream) is a reader of its own too, as PDFBox's own readers give each view its own copy,
     * so reading a view never moves this reader.
     */
    static final class BlockReader implements RandomAccessRead {
        private final InBlocks content;
        private byte[] block;
        private long blockIndex = -1;
        private long position;
        private boolean closed;

        BlockReader(InBlocks content) {
            this.content = content;
        }

        private boolean load() throws IOException {
            if (position >= content.size) {
                return false;
            }
            long index = position / content.blockSize;
            if (index != blockIndex) {
                block = content.block(index);
                blockIndex = index;
            }
            return true;
        }

        private void checkOpen() throws IOException {
            if (closed) {
                throw new IOException("the record reader is closed");
            }
        }

        @Override
        public int read() throws IOException {
            checkOpen();
            if (!load()) {
                return -1;
            }
            int b = block[(int) (position - blockIndex * content.blockSize)] & 0xff;
            position++;
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            checkOpen();
            if (len == 0) {
                return 0;
            }
            if (!load()) {
                return -1;
            }
            int at = (int) (position - blockIndex * content.blockSize);
            int n = Math.min(len, block.length - at);
            System.arraycopy(block, at, b, off, n);
            position += n;
            return n;
        }

        @Override
        public long getPosition() {
            return position;
        }

        @Override
        public void seek(long newPosition) throws IOException {
            checkOpen();
            if (newPosition < 0) {
                throw new IOException("invalid position " + newPosition);
            }
            position = Math.min(newPosition, content.size);
        }

        @Override
        public long length() {
            return content.size;
        }

        @Override
        public boolean isClosed() {
            return closed;
        }

        @Override
        public boolean isEOF() {
            return position >= content.size;
        }

        @Override
        public RandomAccessReadView createView(long startPosition, long streamLength) throws IOException {
            checkOpen();
            return new RandomAccessReadView(new BlockReader(content), startPosition, streamLength, true);
        }

        @Override
        public void close() {
            closed = true;
            block = null;
            blockIndex = -1;
        }
    }
}
