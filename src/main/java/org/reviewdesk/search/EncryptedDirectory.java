package org.reviewdesk.search;

import java.io.EOFException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.zip.CRC32;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.apache.lucene.index.CorruptIndexException;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.FilterDirectory;
import org.apache.lucene.store.IOContext;
import org.apache.lucene.store.IndexInput;
import org.apache.lucene.store.IndexOutput;
import org.apache.lucene.store.NIOFSDirectory;

/**
 * A Lucene directory whose files are encrypted on disk: every file is a 12-byte header (magic and a
 * random 8-byte file id) followed by blocks of {@value #BLOCK} plaintext bytes, each sealed with
 * AES-256-GCM under the index key (nonce = file id and block number; the additional data says whether
 * the block is the file's last, so a truncated file does not decrypt). Lucene writes its files once and
 * never changes them, which makes per-block sealing exact; a random read decrypts only its block.
 * Nothing readable reaches the disk: Lucene's buffers stay in memory, and file names are Lucene's own.
 */
public final class EncryptedDirectory extends FilterDirectory {
    static final int BLOCK = 4096;
    static final int TAG = 16;
    private static final int SEALED = BLOCK + TAG;
    private static final byte[] MAGIC = {'R', 'D', 'X', '1'};
    static final int HEADER = MAGIC.length + 8;
    private static final byte[] LAST = {1};
    private static final byte[] NOT_LAST = {0};
    private static final ThreadLocal<Cipher> CIPHERS = ThreadLocal.withInitial(() -> {
        try {
            return Cipher.getInstance("AES/GCM/NoPadding");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available in this Java runtime", e);
        }
    });

    private final SecretKeySpec key;
    private final SecureRandom random = new SecureRandom();
    private final BlockCache cache;

    public EncryptedDirectory(Path folder, byte[] key) throws IOException {
        this(folder, key, 16 << 20);
    }

    /** With a cache of decrypted blocks of at most {@code cacheBytes} (in memory only, shared by all reads). */
    public EncryptedDirectory(Path folder, byte[] key, int cacheBytes) throws IOException {
        super(new NIOFSDirectory(folder));
        this.cache = new BlockCache(Math.max(1, cacheBytes / BLOCK));
        if (key.length != 32) {
            throw new IllegalArgumentException("the index key must be 256 bits");
        }
        this.key = new SecretKeySpec(key, "AES");
    }

    @Override
    public IndexOutput createOutput(String name, IOContext context) throws IOException {
        IndexOutput out = in.createOutput(name, context);
        ownerOnly(out.getName());
        return new SealedOutput(out);
    }

    @Override
    public IndexOutput createTempOutput(String prefix, String suffix, IOContext context) throws IOException {
        IndexOutput out = in.createTempOutput(prefix, suffix, context);
        ownerOnly(out.getName());
        return new SealedOutput(out);
    }

    /** A new file of the index 0600, as every file of the data folder (before any byte of it is written). */
    private void ownerOnly(String name) {
        if (in instanceof FSDirectory fs) {
            try {
                Files.setPosixFilePermissions(fs.getDirectory().resolve(name),
                        PosixFilePermissions.fromString("rw-------"));
            } catch (IOException | UnsupportedOperationException e) {
                // a file system without modes: the data folder's own protection applies
            }
        }
    }

    @Override
    public IndexInput openInput(String name, IOContext context) throws IOException {
        IndexInput raw = in.openInput(name, context);
        try {
            return SealedInput.open(raw, name, key, cache);
        } catch (IOException | RuntimeException e) {
            raw.close();
            throw e;
        }
    }

    @Override
    public long fileLength(String name) throws IOException {
        return plainLength(in.fileLength(name), name);
    }

    /** The plaintext length of a sealed file of {@code raw} bytes. */
    static long plainLength(long raw, String name) throws CorruptIndexException {
        long body = raw - HEADER;
        long rem = body % SEALED;
        if (body < TAG || rem < TAG) {
            throw new CorruptIndexException("sealed file is truncated (" + raw + " bytes)", name);
        }
        return body / SEALED * BLOCK + rem - TAG;
    }

    private static byte[] nonce(byte[] fileId, long block) {
        byte[] iv = new byte[12];
        System.arraycopy(fileId, 0, iv, 0, 8);
        int b = (int) block;
        iv[8] = (byte) (b >>> 24);
        iv[9] = (byte) (b >>> 16);
        iv[10] = (byte) (b >>> 8);
        iv[11] = (byte) b;
        return iv;
    }

    /** Buffers one block of plaintext, seals it, writes it; the last (possibly empty) block is marked. */
    private final class SealedOutput extends IndexOutput {
        private final IndexOutput raw;
        private final byte[] fileId = new byte[8];
        private final byte[] plain = new byte[BLOCK];
        private final byte[] sealed = new byte[SEALED];
        private final CRC32 crc = new CRC32();
        private int fill;
        private long block;
        private long written;
        private boolean closed;

        SealedOutput(IndexOutput raw) throws IOException {
            super("sealed(" + raw + ")", raw.getName());
            this.raw = raw;
            random.nextBytes(fileId);
            raw.writeBytes(MAGIC, MAGIC.length);
            raw.writeBytes(fileId, fileId.length);
        }

        @Override
        public void writeByte(byte b) throws IOException {
            plain[fill++] = b;
            crc.update(b);
            written++;
            if (fill == BLOCK) {
                seal(false);
            }
        }

        @Override
        public void writeBytes(byte[] b, int offset, int length) throws IOException {
            crc.update(b, offset, length);
            written += length;
            int off = offset;
            int left = length;
            while (left > 0) {
                int n = Math.min(left, BLOCK - fill);
                System.arraycopy(b, off, plain, fill, n);
                fill += n;
                off += n;
                left -= n;
                if (fill == BLOCK) {
                    seal(false);
                }
            }
        }

        private void seal(boolean last) throws IOException {
            try {
                Cipher c = CIPHERS.get();
                c.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, nonce(fileId, block)));
                c.updateAAD(last ? LAST : NOT_LAST);
                int n = c.doFinal(plain, 0, fill, sealed, 0);
                raw.writeBytes(sealed, n);
            } catch (GeneralSecurityException e) {
                throw new IOException("the index block could not be encrypted", e);
            }
            java.util.Arrays.fill(plain, 0, fill, (byte) 0);
            fill = 0;
            block++;
        }

        @Override
        public void close() throws IOException {
            if (closed) {
                return;
            }
            closed = true;
            try {
                seal(true);
            } finally {
                raw.close();
            }
        }

        @Override
        public long getFilePointer() {
            return written;
        }

        @Override
        public long getChecksum() {
            return crc.getValue();
        }
    }

    /**
     * Decrypted blocks recently read, most recent kept (plaintext in memory only, never on disk): searches
     * touch the same term-dictionary and postings blocks again and again. Blocks are shared read-only.
     */
    static final class BlockCache {
        private record Key(long fileId, long block) {
        }

        private final java.util.LinkedHashMap<Key, byte[]> blocks;

        BlockCache(int maxBlocks) {
            this.blocks = new java.util.LinkedHashMap<>(1024, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(java.util.Map.Entry<Key, byte[]> eldest) {
                    return size() > maxBlocks;
                }
            };
        }

        synchronized byte[] get(long fileId, long block) {
            return blocks.get(new Key(fileId, block));
        }

        synchronized void put(long fileId, long block, byte[] plain) {
            blocks.put(new Key(fileId, block), plain);
        }
    }

    /** Reads a sealed file (or a slice of it): decrypts and checks the one block a read falls in. */
    private static final class SealedInput extends IndexInput {
        private final SecretKeySpec key;
        private final BlockCache cache;
        private final byte[] fileId;
        private final long fileNumber;
        private final long fileLength;
        private final long lastBlock;
        private final long base;
        private final long length;
        private IndexInput raw;
        private long pos;
        private byte[] plain;
        private byte[] sealed;
        private long current = -1;
        private int currentLength;
        private boolean clone;

        private SealedInput(String description, IndexInput raw, SecretKeySpec key, BlockCache cache, byte[] fileId,
                            long fileLength, long base, long length) {
            super(description);
            this.raw = raw;
            this.key = key;
            this.cache = cache;
            this.fileId = fileId;
            this.fileNumber = java.nio.ByteBuffer.wrap(fileId).getLong();
            this.fileLength = fileLength;
            this.lastBlock = fileLength / BLOCK;
            this.base = base;
            this.length = length;
        }

        static SealedInput open(IndexInput raw, String name, SecretKeySpec key, BlockCache cache) throws IOException {
            long plainLength = plainLength(raw.length(), name);
            byte[] header = new byte[HEADER];
            raw.seek(0);
            raw.readBytes(header, 0, HEADER);
            for (int i = 0; i < MAGIC.length; i++) {
                if (header[i] != MAGIC[i]) {
                    throw new CorruptIndexException("not a sealed index file", name);
                }
            }
            byte[] fileId = java.util.Arrays.copyOfRange(header, MAGIC.length, HEADER);
            return new SealedInput("sealed(" + name + ")", raw, key, cache, fileId, plainLength, 0, plainLength);
        }

        private void load(long block) throws IOException {
            byte[] cached = cache.get(fileNumber, block);
            if (cached != null) {
                plain = cached;
                currentLength = cached.length;
                current = block;
                return;
            }
            if (sealed == null) {
                sealed = new byte[SEALED];
            }
            boolean last = block == lastBlock;
            int n = last ? (int) (fileLength - block * BLOCK) + TAG : SEALED;
            raw.seek(HEADER + block * SEALED);
            raw.readBytes(sealed, 0, n);
            byte[] out = new byte[n - TAG];
            try {
                Cipher c = CIPHERS.get();
                c.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, nonce(fileId, block)));
                c.updateAAD(last ? LAST : NOT_LAST);
                currentLength = c.doFinal(sealed, 0, n, out, 0);
            } catch (AEADBadTagException e) {
                current = -1;
                throw new CorruptIndexException("block " + block + " fails its authentication (wrong key, or "
                        + "damaged)", this, e);
            } catch (GeneralSecurityException e) {
                current = -1;
                throw new IOException("the index block could not be decrypted", e);
            }
            plain = out;
            current = block;
            cache.put(fileNumber, block, out);
        }

        @Override
        public byte readByte() throws IOException {
            if (pos >= length) {
                throw new EOFException("read past the end of " + this);
            }
            long at = base + pos;
            long block = at / BLOCK;
            if (block != current) {
                load(block);
            }
            pos++;
            return plain[(int) (at - block * BLOCK)];
        }

        @Override
        public void readBytes(byte[] b, int offset, int len) throws IOException {
            if (len > length - pos) {
                throw new EOFException("read past the end of " + this);
            }
            int off = offset;
            int left = len;
            while (left > 0) {
                long at = base + pos;
                long block = at / BLOCK;
                if (block != current) {
                    load(block);
                }
                int in = (int) (at - block * BLOCK);
                int n = Math.min(left, currentLength - in);
                System.arraycopy(plain, in, b, off, n);
                pos += n;
                off += n;
                left -= n;
            }
        }

        @Override
        public void skipBytes(long numBytes) throws IOException {
            seek(pos + numBytes);
        }

        @Override
        public void seek(long p) throws IOException {
            if (p < 0 || p > length) {
                throw new EOFException("seek to " + p + " outside " + this);
            }
            pos = p;
        }

        @Override
        public long getFilePointer() {
            return pos;
        }

        @Override
        public long length() {
            return length;
        }

        @Override
        public IndexInput slice(String sliceDescription, long offset, long len) throws IOException {
            if (offset < 0 || len < 0 || offset + len > length) {
                throw new IllegalArgumentException("slice " + sliceDescription + " out of bounds of " + this);
            }
            SealedInput s = new SealedInput(getFullSliceDescription(sliceDescription), raw.clone(), key, cache, fileId,
                    fileLength, base + offset, len);
            s.clone = true;
            return s;
        }

        @Override
        public SealedInput clone() {
            SealedInput c = (SealedInput) super.clone();
            c.raw = raw.clone();
            c.plain = null;
            c.sealed = null;
            c.current = -1;
            c.clone = true;
            return c;
        }

        @Override
        public void close() throws IOException {
            if (!clone) {
                raw.close();
            }
        }
    }
}
