package org.reviewdesk.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Backups of the whole store that cost in proportion to what changed. The database file is already
 * encrypted by H2; a backup takes H2's own consistent copy of it (H2 stops reusing free space while it
 * copies) and cuts it into 256 KB chunks named by their SHA-256, kept once in the backup folder's
 * {@code chunks/} and shared by every backup that has them; the backup itself is a small manifest
 * ({@code reviewdesk-YYYYMMDD-HHMMSS.rdbk}) listing its chunks. Unchanged parts of the file are not
 * written again, so a backup after a day's work writes the new parts only. Manifests and chunks are
 * written under temporary names and renamed, so a crash mid-backup leaves earlier ones intact.
 * Old backups are pruned by count, age and total size; chunks no backup lists are deleted. Backups
 * written as one {@code .zip} by earlier versions are still restored.
 */
public final class Backups {
    private static final DateTimeFormatter NAME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");
    private static final long MAX_BYTES = 64L * 1024 * 1024 * 1024;
    static final int CHUNK = 256 << 10;
    private static final String MANIFEST = ".rdbk";
    private static final String FORMAT = "reviewdesk-backup/2";
    private static final java.util.regex.Pattern BACKUP_NAME =
            java.util.regex.Pattern.compile("reviewdesk-\\d{8}-\\d{6}\\.(zip|rdbk)");
    /** The copy of the key header inside a zip backup (salt and parameters; no secret). */
    static final String HEADER_ENTRY = StoreKeys.HEADER;
    /** The audit head at the time of the backup: an anchor {@code audit verify} compares with. */
    public static final String AUDIT_HEAD_ENTRY = "audit-head.txt";
    /** Backups older than this are pruned (the newest is always kept). */
    static final java.time.Duration MAX_AGE = java.time.Duration.ofDays(180);

    /** What a backup holds. */
    /**
     * What a store or a backup holds. {@code origin}: the hash of the store's first audit entry (its creation), the
     * same in every backup of one store and different in any other store (the entry's HMAC key is the store's own);
     * null when there is none.
     */
    public record BackupInfo(Path file, int cases, OffsetDateTime newestChange, long bytes, String origin) {
        /** Whether both are known and differ: the backup was taken of another store. */
        public boolean otherStoreThan(BackupInfo current) {
            return origin != null && current != null && current.origin != null && !origin.equals(current.origin);
        }
    }

    private static String origin(java.sql.Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT hash FROM audit_events ORDER BY id LIMIT 1");
                ResultSet rs = ps.executeQuery()) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    /** What one backup run wrote: the manifest, and the bytes of chunks that were new. */
    public record Written(Path manifest, long fileBytes, long newBytes, int chunks, int newChunks) {
    }

    private Backups() {
    }

    /** Whether a file name is one of ours (a manifest or an old zip backup). */
    public static boolean isBackupName(String name) {
        return BACKUP_NAME.matcher(name).matches();
    }

    /** Writes a backup of the open store into {@code dir}, keeping the newest {@code keep} backups there. */
    public static Path backup(Store store, Path dir, int keep) throws StoreException {
        return backupIncremental(store, dir, keep).manifest();
    }

    /**
     * One backup at a time in this process (the daily one, "Back up now" and the one at exit can overlap), and in
     * a folder across processes: the prune at the end of one deletes the chunks no finished backup lists, which
     * would include the chunks another is still writing.
     */
    private static final java.util.concurrent.locks.ReentrantLock ONE_AT_A_TIME =
            new java.util.concurrent.locks.ReentrantLock();

    /** As {@link #backup}, and says how much was new. */
    public static Written backupIncremental(Store store, Path dir, int keep) throws StoreException {
        return backupIncremental(store, dir, keep, org.reviewdesk.files.WorkProgress.NONE);
    }

    /**
     * As {@link #backupIncremental(Store, Path, int)}, telling {@code progress} the bytes copied of the store's;
     * stopped, it writes no manifest (earlier backups stay as they were; new chunks no backup lists are pruned by
     * the next one).
     */
    public static Written backupIncremental(Store store, Path dir, int keep, org.reviewdesk.files.WorkProgress progress)
            throws StoreException {
        try {
            // waiting for another backup (the daily one) can itself be stopped
            while (!ONE_AT_A_TIME.tryLock(200, java.util.concurrent.TimeUnit.MILLISECONDS)) {
                progress.update("Waiting for the backup before it", 0, 0);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("The backup was interrupted before it began; earlier backups are untouched.", e);
        }
        try {
            org.reviewdesk.files.PrivateFiles.privateDirectory(dir);
        } catch (IOException e) {
            ONE_AT_A_TIME.unlock();
            throw new StoreException("The backup could not be written to " + dir + ": "
                    + org.reviewdesk.files.PrivateFiles.describe(e) + "; earlier backups are untouched.", e);
        }
        try (var lockFile = java.nio.channels.FileChannel.open(dir.resolve(".backup.lock"),
                java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.WRITE);
                var folder = lockFile.lock()) {
            return backupLocked(store, dir, keep, progress);
        } catch (IOException e) {
            throw new StoreException("The backup could not be written to " + dir + ": "
                    + org.reviewdesk.files.PrivateFiles.describe(e) + "; earlier backups are untouched.", e);
        } finally {
            ONE_AT_A_TIME.unlock();
        }
    }

    private static Written backupLocked(Store store, Path dir, int keep, org.reviewdesk.files.WorkProgress progress)
            throws StoreException {
        Path done = dir.resolve("reviewdesk-" + NAME.format(LocalDateTime.now()) + MANIFEST);
        Path part = dir.resolve(done.getFileName() + ".part");
        try {
            org.reviewdesk.files.PrivateFiles.privateDirectory(dir);
            org.reviewdesk.files.PrivateFiles.privateDirectory(dir.resolve("chunks"));
            Files.deleteIfExists(part);
            Chunker chunker = new Chunker(dir.resolve("chunks"), progress, Files.size(Store.file(store.dir())));
            AuditLog.Head head;
            synchronized (store.connection()) {
                head = store.audit().head();
            }
            // Not under the connection's lock: the window and the commands go on using the store while the
            // file is copied (H2's online backup: space is not reused during the copy, so what is copied is
            // not overwritten; what is written meanwhile is appended). The head read above is in the copy.
            copyConsistently(store, chunker);
            StringBuilder m = new StringBuilder(FORMAT).append('\n')
                    .append("size ").append(chunker.total).append('\n')
                    .append("chunk ").append(CHUNK).append('\n');
            for (String h : chunker.hashes) {
                m.append(h).append('\n');
            }
            // the key header (salt, parameters, the wrapped secret: nothing usable without the password)
            // travels with the backup, and the audit head anchors the log's history
            Path header = Store.header(store.dir());
            if (Files.exists(header)) {
                m.append("header ").append(java.util.Base64.getEncoder().encodeToString(Files.readAllBytes(header)))
                        .append('\n');
            }
            m.append("audit ").append(head.text()).append('\n');
            try (OutputStream out = org.reviewdesk.files.PrivateFiles.newPrivateFile(part)) {
                out.write(m.toString().getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            }
            try (var ch = java.nio.channels.FileChannel.open(part, java.nio.file.StandardOpenOption.WRITE)) {
                ch.force(true);
            }
            // the last moment the reviewer may stop it
            progress.lastStop("Finishing");
            org.reviewdesk.files.PrivateFiles.moveAtomically(part, done);
            store.audit().append("BACKUP", null, done.getFileName().toString());
            try {
                prune(dir, keep, Files.size(Store.file(store.dir())));
            } catch (IOException | RuntimeException e) {
                // the backup is written and listed: old ones are pruned next time
            }
            return new Written(done, chunker.total, chunker.newBytes, chunker.hashes.size(), chunker.newChunks);
        } catch (IOException | SQLException | RuntimeException e) {
            try {
                Files.deleteIfExists(part);
            } catch (IOException again) {
                e.addSuppressed(again);
            }
            throw new StoreException("The backup could not be written to " + dir + ": "
                    + org.reviewdesk.files.PrivateFiles.describe(e) + "; earlier backups are untouched.", e);
        }
    }

    /** The audit head a backup recorded, or null for backups of earlier versions. */
    public static AuditLog.Head auditHead(Path backup) {
        try {
            if (backup.getFileName().toString().endsWith(MANIFEST)) {
                String text = readManifest(backup).audit();
                return text == null ? null : AuditLog.Head.parse(text);
            }
            try (ZipFile zip = new ZipFile(backup.toFile())) {
                ZipEntry e = zip.getEntry(AUDIT_HEAD_ENTRY);
                if (e == null || e.getSize() > 200) {
                    return null;
                }
                try (InputStream in = zip.getInputStream(e)) {
                    return AuditLog.Head.parse(new String(in.readNBytes(200),
                            java.nio.charset.StandardCharsets.US_ASCII).strip());
                }
            }
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** The newest backup in {@code dir} (by its name), if any. */
    public static java.util.Optional<Path> newest(Path dir) {
        if (dir == null || !Files.isDirectory(dir)) {
            return java.util.Optional.empty();
        }
        try {
            List<Path> all = backups(dir);
            return all.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(all.get(all.size() - 1));
        } catch (IOException e) {
            return java.util.Optional.empty();
        }
    }

    /**
     * H2's consistent copy of its (encrypted) file, as its BACKUP command takes it, streamed into the
     * chunker instead of a zip.
     */
    private static void copyConsistently(Store store, Chunker out) throws SQLException, IOException {
        org.h2.jdbc.JdbcConnection jc = store.connection().unwrap(org.h2.jdbc.JdbcConnection.class);
        org.h2.engine.Database db = ((org.h2.engine.SessionLocal) jc.getSession()).getDatabase();
        db.getStore().flush();
        db.flush();
        synchronized (db.getLobSyncObject()) {
            db.getStore().getMvStore().getFileStore().backup(out);
        }
        out.finishChunk();
    }

    /** Receives H2's file copy (H2 writes it as a zip entry) and stores it as content-named chunks. */
    private static final class Chunker extends java.util.zip.ZipOutputStream {
        private final Path chunks;
        private final byte[] buf = new byte[CHUNK];
        private final List<String> hashes = new java.util.ArrayList<>();
        private int fill;
        private long total;
        private long newBytes;
        private int newChunks;
        private int entries;

        private final org.reviewdesk.files.WorkProgress progress;
        private final long expected;

        Chunker(Path chunks, org.reviewdesk.files.WorkProgress progress, long expected) {
            super(OutputStream.nullOutputStream());
            this.chunks = chunks;
            this.progress = progress;
            this.expected = expected;
        }

        @Override
        public void putNextEntry(ZipEntry e) throws IOException {
            if (++entries > 1) {
                throw new IOException("the store is more than one file; not backed up");
            }
        }

        @Override
        public void closeEntry() {
            // the chunk in progress is finished by finishChunk
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            int o = off;
            int left = len;
            while (left > 0) {
                int n = Math.min(left, CHUNK - fill);
                System.arraycopy(b, o, buf, fill, n);
                fill += n;
                o += n;
                left -= n;
                total += n;
                if (fill == CHUNK) {
                    finishChunk();
                    try {
                        progress.update("Copying the store", total, Math.max(total, expected));
                    } catch (java.util.concurrent.CancellationException e) {
                        // an I/O failure to H2's copy, which then ends as any failed write does
                        throw new java.io.InterruptedIOException("stopped by the reviewer");
                    }
                }
            }
        }

        void finishChunk() throws IOException {
            if (fill == 0) {
                return;
            }
            String h = sha256(buf, fill);
            Path target = chunkPath(chunks, h);
            if (!Files.exists(target) || Files.size(target) != fill) {
                Files.createDirectories(target.getParent());
                Path part = target.resolveSibling(h + ".part");
                Files.deleteIfExists(part);
                org.reviewdesk.files.PrivateFiles.newPrivateFile(part).close();
                try (var ch = java.nio.channels.FileChannel.open(part,
                        java.nio.file.StandardOpenOption.TRUNCATE_EXISTING, java.nio.file.StandardOpenOption.WRITE)) {
                    java.nio.ByteBuffer bb = java.nio.ByteBuffer.wrap(buf, 0, fill);
                    while (bb.hasRemaining()) {
                        ch.write(bb);
                    }
                    ch.force(false);
                }
                Files.move(part, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                newBytes += fill;
                newChunks++;
            }
            hashes.add(h);
            fill = 0;
        }

        @Override
        public void finish() {
            // nothing of a zip is written
        }

        @Override
        public void close() {
            // the chunks are closed as they are written
        }
    }

    static Path chunkPath(Path chunks, String sha) {
        return chunks.resolve(sha.substring(0, 2)).resolve(sha);
    }

    private static String sha256(byte[] b, int n) {
        try {
            java.security.MessageDigest md = java.security.MessageDigest.getInstance("SHA-256");
            md.update(b, 0, n);
            return java.util.HexFormat.of().formatHex(md.digest());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<Path> backups(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> isBackupName(p.getFileName().toString()))
                    .sorted(java.util.Comparator.comparing(p -> p.getFileName().toString().substring(11, 26)))
                    .toList();
        }
    }

    /**
     * The keep policy: the newest {@code keep} backups, none older than {@link #MAX_AGE}, and no more
     * than the backup folder can hold in about four copies of the store (at least 2 GB); the newest
     * backup is always kept. Chunks that no remaining backup lists are deleted.
     */
    static void prune(Path dir, int keep, long storeBytes) throws IOException {
        List<Path> all = new java.util.ArrayList<>(backups(dir));
        java.time.Instant oldest = java.time.Instant.now().minus(MAX_AGE);
        long maxBytes = Math.max(2L << 30, 4 * storeBytes);
        while (all.size() > 1) {
            Path first = all.get(0);
            boolean tooMany = all.size() > Math.max(1, keep);
            boolean tooOld = Files.getLastModifiedTime(first).toInstant().isBefore(oldest);
            boolean tooBig = !tooMany && !tooOld && folderBytes(dir, all) > maxBytes;
            if (!tooMany && !tooOld && !tooBig) {
                break;
            }
            Files.delete(first);
            all.remove(0);
        }
        collectChunks(dir, all);
    }

    /** What the backups in {@code dir} take on disk: their zips and manifests, and the chunks they list. */
    private static long folderBytes(Path dir, List<Path> backups) throws IOException {
        long n = 0;
        java.util.Set<String> listed = new java.util.HashSet<>();
        for (Path b : backups) {
            n += Files.size(b);
            if (b.toString().endsWith(MANIFEST)) {
                try {
                    listed.addAll(readManifest(b).hashes());
                } catch (IOException | RuntimeException e) {
                    // a damaged file named like a backup counts with its own size; it is pruned like the others
                }
            }
        }
        for (String h : listed) {
            Path c = chunkPath(dir.resolve("chunks"), h);
            if (Files.exists(c)) {
                n += Files.size(c);
            }
        }
        return n;
    }

    private static void collectChunks(Path dir, List<Path> kept) throws IOException {
        Path chunks = dir.resolve("chunks");
        if (!Files.isDirectory(chunks)) {
            return;
        }
        java.util.Set<String> listed = new java.util.HashSet<>();
        for (Path b : kept) {
            if (b.toString().endsWith(MANIFEST)) {
                try {
                    listed.addAll(readManifest(b).hashes());
                } catch (IOException | RuntimeException e) {
                    // a manifest that cannot be read now (damaged, or a passing read error): its chunks cannot
                    // be told from the others, so none is deleted this time
                    return;
                }
            }
        }
        try (Stream<Path> s = Files.walk(chunks)) {
            for (Path c : s.filter(Files::isRegularFile).toList()) {
                String name = c.getFileName().toString();
                if (!listed.contains(name)) {
                    Files.deleteIfExists(c);
                }
            }
        }
    }

    private record Manifest(long size, int chunk, List<String> hashes, byte[] header, String audit) {
    }

    /** A manifest lists one chunk (256 KB of store) per line of 65 bytes: 16 MB lists 64 GB, the most restored. */
    private static final long MAX_MANIFEST_BYTES = 16L * 1024 * 1024;

    private static Manifest readManifest(Path file) throws IOException {
        // a manifest is a short text file (one line per chunk); a file named like one may be anything: it is read
        // only when it is small, and as bytes, so that a zip or a PDF is told as "not a backup" (it was "Input
        // length = 1") and a large file does not fill the heap
        if (Files.size(file) > MAX_MANIFEST_BYTES) {
            throw new IOException(file.getFileName() + " is not a ReviewDesk backup (it is far larger than a "
                    + "backup's manifest)");
        }
        List<String> lines = new String(Files.readAllBytes(file), java.nio.charset.StandardCharsets.ISO_8859_1)
                .lines().toList();
        if (lines.size() < 3 || !lines.get(0).equals(FORMAT) || !lines.get(1).startsWith("size ")
                || !lines.get(2).startsWith("chunk ")) {
            throw new IOException(file.getFileName() + " is not a ReviewDesk backup");
        }
        try {
            long size = Long.parseLong(lines.get(1).substring(5));
            int chunk = Integer.parseInt(lines.get(2).substring(6));
            List<String> rest = lines.subList(3, lines.size());
            byte[] header = null;
            String audit = null;
            for (String l : rest) {
                if (l.startsWith("header ")) {
                    header = java.util.Base64.getDecoder().decode(l.substring(7).strip());
                } else if (l.startsWith("audit ")) {
                    audit = l.substring(6).strip();
                }
            }
            List<String> hashes = rest.stream().filter(l -> !l.isBlank() && !l.startsWith("header ")
                    && !l.startsWith("audit ")).toList();
            for (String h : hashes) {
                if (!h.matches("[0-9a-f]{64}")) {
                    throw new IOException(file.getFileName() + " is damaged (a chunk name is not a SHA-256)");
                }
            }
            if (chunk <= 0 || size < 0 || size > MAX_BYTES || hashes.size() != (size + chunk - 1) / chunk) {
                throw new IOException(file.getFileName() + " is damaged (its sizes do not add up)");
            }
            return new Manifest(size, chunk, hashes, header, audit);
        } catch (IllegalArgumentException e) {
            throw new IOException(file.getFileName() + " is damaged (its sizes are not numbers)", e);
        }
    }

    /** Opens a backup (its database is still encrypted) in a scratch folder and says what it holds. */
    public static BackupInfo inspect(Path backup, Path scratch, char[] password) throws StoreException {
        try (OpLock lock = OpLock.acquire(scratch.toAbsolutePath().getParent())) {
            Path dir = extract(backup, scratch);
            try (Store s = openBackup(dir, backup, password)) {
                synchronized (s.connection()) {
                    try (PreparedStatement ps = s.connection().prepareStatement(
                            "SELECT COUNT(*), MAX(updated_at) FROM cases"); ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        return new BackupInfo(backup, rs.getInt(1), rs.getObject(2, OffsetDateTime.class),
                                Files.size(Store.file(dir)), origin(s.connection()));
                    }
                }
            } catch (SQLException | IOException e) {
                throw new StoreException("The backup " + backup.getFileName() + " could not be read: "
                        + e.getMessage(), e);
            } finally {
                deleteTree(dir);
            }
        }
    }

    /** What the current store holds, to compare with a backup. */
    public static BackupInfo current(Store s) throws StoreException {
        synchronized (s.connection()) {
            try (PreparedStatement ps = s.connection().prepareStatement(
                    "SELECT COUNT(*), MAX(updated_at) FROM cases"); ResultSet rs = ps.executeQuery()) {
                rs.next();
                return new BackupInfo(Store.file(s.dir()), rs.getInt(1), rs.getObject(2, OffsetDateTime.class),
                        Files.size(Store.file(s.dir())), origin(s.connection()));
            } catch (SQLException | IOException e) {
                throw new StoreException("The store could not be read: " + e.getMessage(), e);
            }
        }
    }

    /**
     * Replaces the (closed) store in {@code dataDir} with the backup. The backup is unpacked beside the
     * store and checked to open with the password; then one atomic rename swaps it in, so at every moment
     * there is a whole store file: the old one or the restored one. An interruption is rolled back or
     * finished on the next start; no copy of the old store stays behind.
     */
    public static void restore(Path backup, Path dataDir, char[] password) throws StoreException {
        try (OpLock lock = OpLock.acquire(dataDir)) {
            Path scratch = dataDir.resolve(Store.RESTORE_DIR);
            try {
                Path extracted = extract(backup, scratch);
                try (Store s = openBackup(extracted, backup, password)) {
                    s.kdf();
                }
                // opening may have settled or upgraded the copy's key: take the header it has now
                StoreKeys.Kdf kdf = StoreKeys.readHeader(extracted).current();
                // the store may have been opened since the restore began (a window unlocked while the terminal
                // asked to confirm): what it writes would be lost with the file it writes to
                Store.requireClosed(dataDir);
                Store.swapIn(dataDir, Store.file(extracted), kdf);
                // the index described the replaced store: it is rebuilt from the restored one in the background
                Store.deleteTree(Store.indexDir(dataDir));
                try (Store s = Store.open(dataDir, password)) {
                    s.audit().append("RESTORE", null, backup.getFileName().toString());
                }
            } catch (IOException e) {
                throw new StoreException("The backup could not be restored; the store is unchanged: "
                        + org.reviewdesk.files.PrivateFiles.describe(e), e);
            } finally {
                deleteTree(scratch);
            }
        }
    }

    /** Opens an unpacked backup; a password that does not open it is told as the backup's, not the store's. */
    private static Store openBackup(Path extracted, Path backup, char[] password) throws StoreException {
        try {
            return Store.open(extracted, password);
        } catch (StoreException.WrongPassword e) {
            throw StoreException.WrongPassword.forBackup(backup);
        }
    }

    private static Path extract(Path backup, Path scratch) throws StoreException {
        if (backup.getFileName().toString().endsWith(MANIFEST)) {
            return assemble(backup, scratch);
        }
        try (ZipFile zip = new ZipFile(backup.toFile())) {
            ZipEntry entry = zip.getEntry(Store.DB_NAME + ".mv.db");
            if (entry == null) {
                throw new StoreException(backup.getFileName() + " is not a ReviewDesk backup (no store inside).");
            }
            deleteTree(scratch);
            org.reviewdesk.files.PrivateFiles.privateDirectory(scratch);
            ZipEntry header = zip.getEntry(HEADER_ENTRY);
            if (header != null && header.getSize() < 4096) {
                try (InputStream in = zip.getInputStream(header)) {
                    Files.write(scratch.resolve(StoreKeys.HEADER), in.readNBytes(4096));
                }
            }
            try (InputStream in = zip.getInputStream(entry);
                 OutputStream out = org.reviewdesk.files.PrivateFiles.newPrivateFile(
                         scratch.resolve(Store.DB_NAME + ".mv.db"))) {
                byte[] buf = new byte[1 << 16];
                long total = 0;
                int n;
                java.util.zip.CRC32 crc = new java.util.zip.CRC32();
                while ((n = in.read(buf)) > 0) {
                    total += n;
                    if (total > MAX_BYTES) {
                        throw new StoreException(backup.getFileName() + " unpacks to more than 64 GB; refused.");
                    }
                    crc.update(buf, 0, n);
                    out.write(buf, 0, n);
                }
                // ZipFile does not check the checksum itself; a damaged backup must never be restored
                if (entry.getCrc() != -1 && crc.getValue() != entry.getCrc()) {
                    throw new StoreException(backup.getFileName() + " is damaged (its checksum does not match); "
                            + "choose another backup.");
                }
            }
            return scratch;
        } catch (IOException e) {
            throw new StoreException(backup.getFileName() + " is not a readable backup: " + e.getMessage(), e);
        }
    }

    /** Puts the database file of a manifest back together from its chunks, checking each one's SHA-256. */
    private static Path assemble(Path backup, Path scratch) throws StoreException {
        Path chunks = backup.resolveSibling("chunks");
        try {
            Manifest m = readManifest(backup);
            deleteTree(scratch);
            org.reviewdesk.files.PrivateFiles.privateDirectory(scratch);
            if (m.header() != null) {
                Files.write(scratch.resolve(StoreKeys.HEADER), m.header());
            }
            try (OutputStream out = org.reviewdesk.files.PrivateFiles.newPrivateFile(
                    scratch.resolve(Store.DB_NAME + ".mv.db"))) {
                long total = 0;
                for (String h : m.hashes()) {
                    Path c = chunkPath(chunks, h);
                    if (!Files.isRegularFile(c)) {
                        throw new StoreException(backup.getFileName() + " is incomplete (a part of it, " + h
                                + ", is missing from " + chunks + "); choose another backup.");
                    }
                    if (Files.size(c) > CHUNK) {
                        throw new StoreException(backup.getFileName() + " is damaged (a part of it, " + h
                                + ", is larger than a part can be); choose another backup.");
                    }
                    byte[] b = Files.readAllBytes(c);
                    if (!sha256(b, b.length).equals(h)) {
                        throw new StoreException(backup.getFileName() + " is damaged (a part of it does not match "
                                + "its checksum); choose another backup.");
                    }
                    out.write(b);
                    total += b.length;
                }
                if (total != m.size()) {
                    throw new StoreException(backup.getFileName() + " is damaged (its size does not match).");
                }
            }
            return scratch;
        } catch (IOException e) {
            throw new StoreException(backup.getFileName() + " is not a readable backup: " + e.getMessage(), e);
        }
    }

    private static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a scratch folder that stays behind holds only encrypted data
        }
    }
}
