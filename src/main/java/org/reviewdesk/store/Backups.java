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

    /** Writes a backup of the open store into {@code dir}, keeping the newest {@code keep} backups there. */
    public static Path backup(Store store, Path dir, int keep) throws StoreException {
        try {
            Files.createDirectories(dir);
            Path part = dir.resolve("reviewdesk-" + NAME.format(LocalDateTime.now()) + ".zip.part");
            Path done = dir.resolve(part.getFileName().toString().replace(".part", ""));
            Files.deleteIfExists(part);
            synchronized (store.connection()) {
                try (PreparedStatement ps = store.connection().prepareStatement("BACKUP TO ?")) {
                    ps.setString(1, part.toAbsolutePath().toString());
                    ps.execute();
                }
            }
            Files.move(part, done, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            store.audit().append("BACKUP", null, done.getFileName().toString());
            prune(dir, keep);
            return done;
        } catch (IOException | SQLException e) {
            throw new StoreException("The backup could not be written to " + dir + ": " + e.getMessage()
                    + "; earlier backups are untouched.", e);
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
            throw new StoreException("The backup " + backup.getFileName() + " could not be read: " + e.getMessage(), e);
        } finally {
            deleteTree(dir);
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
     * Replaces the (closed) store in {@code dataDir} with the backup. The current file is kept aside
     * until the restored one has opened with the password; on any failure it is put back.
     */
    public static void restore(Path backup, Path dataDir, char[] password) throws StoreException {
        Path scratch = dataDir.resolve(".restore");
        Path aside = dataDir.resolve("reviewdesk.mv.db.before-restore");
        Path extracted = extract(backup, scratch);
        try {
            Store.open(extracted, password).close();
            if (Files.exists(Store.file(dataDir))) {
                Files.move(Store.file(dataDir), aside, StandardCopyOption.REPLACE_EXISTING);
            }
            Files.move(Store.file(extracted), Store.file(dataDir), StandardCopyOption.ATOMIC_MOVE);
            // the index described the replaced store: it is rebuilt from the restored one in the background
            Store.deleteTree(Store.indexDir(dataDir));
            try (Store s = Store.open(dataDir, password)) {
                s.audit().append("RESTORE", null, backup.getFileName().toString());
            }
            Files.deleteIfExists(aside);
        } catch (IOException | StoreException e) {
            try {
                if (Files.exists(aside)) {
                    Files.move(aside, Store.file(dataDir), StandardCopyOption.REPLACE_EXISTING);
                }
            } catch (IOException again) {
                e.addSuppressed(again);
            }
            if (e instanceof StoreException se) {
                throw se;
            }
            throw new StoreException("The backup could not be restored; the store is unchanged: " + e.getMessage(), e);
        } finally {
            deleteTree(scratch);
        }
    }

    private static Path extract(Path backup, Path scratch) throws StoreException {
        try (ZipFile zip = new ZipFile(backup.toFile())) {
            ZipEntry entry = zip.getEntry(Store.DB_NAME + ".mv.db");
            if (entry == null) {
                throw new StoreException(backup.getFileName() + " is not a ReviewDesk backup (no store inside).");
            }
            deleteTree(scratch);
            Files.createDirectories(scratch);
            try (InputStream in = zip.getInputStream(entry);
                 OutputStream out = Files.newOutputStream(scratch.resolve(Store.DB_NAME + ".mv.db"))) {
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
