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
 * Backups of the whole store: H2's own consistent copy of the (still encrypted) database file in a
 * zip, written under a temporary name and renamed, so a crash mid-backup leaves earlier ones intact.
 */
public final class Backups {
    private static final DateTimeFormatter NAME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");
    private static final long MAX_BYTES = 64L * 1024 * 1024 * 1024;

    /** What a backup holds. */
    public record BackupInfo(Path file, int cases, OffsetDateTime newestChange, long bytes) {
    }

    private Backups() {
    }

    /** The copy of the key header inside a backup (salt and parameters; no secret). */
    static final String HEADER_ENTRY = StoreKeys.HEADER;
    /** The audit head at the time of the backup: an anchor {@code audit verify} compares with. */
    public static final String AUDIT_HEAD_ENTRY = "audit-head.txt";

    /** Writes a backup of the open store into {@code dir}, keeping the newest {@code keep} backups there. */
    public static Path backup(Store store, Path dir, int keep) throws StoreException {
        Path part = dir.resolve("reviewdesk-" + NAME.format(LocalDateTime.now()) + ".zip.part");
        try {
            org.reviewdesk.files.PrivateFiles.privateDirectory(dir);
            Path done = dir.resolve(part.getFileName().toString().replace(".part", ""));
            Files.deleteIfExists(part);
            AuditLog.Head head;
            synchronized (store.connection()) {
                head = store.audit().head();
                try (PreparedStatement ps = store.connection().prepareStatement("BACKUP TO ?")) {
                    ps.setString(1, part.toAbsolutePath().toString());
                    ps.execute();
                }
            }
            org.reviewdesk.files.PrivateFiles.restrict(part, false);
            addEntries(part, store, head);
            org.reviewdesk.files.PrivateFiles.moveAtomically(part, done);
            store.audit().append("BACKUP", null, done.getFileName().toString());
            prune(dir, keep);
            return done;
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

    /** Adds the key header and the audit head to the zip H2 wrote. */
    private static void addEntries(Path zip, Store store, AuditLog.Head head) throws IOException {
        try (java.nio.file.FileSystem fs = java.nio.file.FileSystems.newFileSystem(zip, java.util.Map.of())) {
            Path header = Store.header(store.dir());
            if (Files.exists(header)) {
                Files.copy(header, fs.getPath("/" + HEADER_ENTRY), StandardCopyOption.REPLACE_EXISTING);
            }
            Files.writeString(fs.getPath("/" + AUDIT_HEAD_ENTRY), head.text() + "\n");
        }
    }

    /** The audit head a backup recorded, or null for backups of earlier versions. */
    public static AuditLog.Head auditHead(Path backup) {
        try (ZipFile zip = new ZipFile(backup.toFile())) {
            ZipEntry e = zip.getEntry(AUDIT_HEAD_ENTRY);
            if (e == null || e.getSize() > 200) {
                return null;
            }
            try (InputStream in = zip.getInputStream(e)) {
                return AuditLog.Head.parse(new String(in.readNBytes(200), java.nio.charset.StandardCharsets.US_ASCII)
                        .strip());
            }
        } catch (IOException e) {
            return null;
        }
    }

    /** The newest backup in {@code dir} (by its name), if any. */
    public static java.util.Optional<Path> newest(Path dir) {
        if (dir == null || !Files.isDirectory(dir)) {
            return java.util.Optional.empty();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().matches("reviewdesk-\\d{8}-\\d{6}\\.zip")).max(
                    java.util.Comparator.comparing(p -> p.getFileName().toString()));
        } catch (IOException e) {
            return java.util.Optional.empty();
        }
    }

    private static void prune(Path dir, int keep) throws IOException {
        List<Path> all;
        try (Stream<Path> s = Files.list(dir)) {
            all = s.filter(p -> p.getFileName().toString().matches("reviewdesk-\\d{8}-\\d{6}\\.zip")).sorted()
                    .toList();
        }
        for (int i = 0; i < all.size() - Math.max(1, keep); i++) {
            Files.delete(all.get(i));
        }
    }

    /** Opens a backup (its database is still encrypted) in a scratch folder and says what it holds. */
    public static BackupInfo inspect(Path backup, Path scratch, char[] password) throws StoreException {
        try (OpLock lock = OpLock.acquire(scratch.toAbsolutePath().getParent())) {
            Path dir = extract(backup, scratch);
            try (Store s = Store.open(dir, password)) {
                synchronized (s.connection()) {
                    try (PreparedStatement ps = s.connection().prepareStatement(
                            "SELECT COUNT(*), MAX(updated_at) FROM cases"); ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        return new BackupInfo(backup, rs.getInt(1), rs.getObject(2, OffsetDateTime.class),
                                Files.size(backup));
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
                        Files.size(Store.file(s.dir())));
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
                StoreKeys.Kdf kdf;
                try (Store s = Store.open(extracted, password)) {
                    kdf = s.kdf();
                }
                // opening may have settled or upgraded the copy's key: take the header it has now
                kdf = StoreKeys.readHeader(extracted).current();
                Store.swapIn(dataDir, Store.file(extracted), kdf);
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

    private static Path extract(Path backup, Path scratch) throws StoreException {
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
