package org.reviewdesk.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.flywaydb.core.Flyway;
import org.h2.api.ErrorCode;
import org.h2.tools.ChangeFileEncryption;
import org.reviewdesk.files.PrivateFiles;

/**
 * The encrypted case store: one H2 file ({@code reviewdesk.mv.db}) in the data folder, AES-encrypted
 * under the reviewer's password, migrated by Flyway. Holds one connection; close it when done.
 */
public final class Store implements AutoCloseable {
    static final String DB_NAME = "reviewdesk";
    private static final String FILE_NAME = DB_NAME + ".mv.db";
    /** Where a password change or key migration builds the re-encrypted copy before swapping it in. */
    static final String REKEY_DIR = ".rekey";
    /** Where a restore unpacks the backup before swapping it in. */
    static final String RESTORE_DIR = ".restore";
    /** Files and folders an interrupted operation of this or an earlier version may leave behind. */
    private static final List<String> LEFTOVERS = List.of(REKEY_DIR, RESTORE_DIR, ".inspect", "temp.db",
            FILE_NAME + ".before-passwd",
            // the header's temp file, when a kill landed inside PrivateFiles.writeAtomically (the header itself
            // is renamed over in one step, so the old or the new one is whole)
            "." + StoreKeys.HEADER + ".tmp");

    /** Held strongly: java.util.logging forgets levels set on loggers nobody references. */
    private static final Logger FLYWAY_LOG = Logger.getLogger("org.flywaydb");
    /** On Java 23+ Lucene 9 notes at every start that it could use a newer Vector API: not the reviewer's concern. */
    private static final Logger LUCENE_VECTOR_LOG = Logger.getLogger("org.apache.lucene.internal.vectorization");

    private final Path dir;
    private final Connection connection;
    private final StoreKeys.Kdf kdf;
    private final byte[] storeKey;
    private final byte[] secret;
    private final boolean readOnly;
    private final List<String> notes = new ArrayList<>();

    private Store(Path dir, Connection connection, StoreKeys.Kdf kdf, byte[] storeKey, byte[] secret,
                  boolean readOnly) {
        this.dir = dir;
        this.connection = connection;
        this.kdf = kdf;
        this.storeKey = storeKey;
        this.secret = secret;
        this.readOnly = readOnly;
    }

    /** Whether {@code password} is the store's password (for unlocking an idle-locked window). */
    public boolean checkPassword(char[] password) {
        return MessageDigest.isEqual(storeKey, StoreKeys.storeKey(password, kdf));
    }

    /**
     * THE way to get a key for another part of ReviewDesk: a 32-byte key for one purpose, derived
     * (HKDF-SHA256) from this store's secret, which only the password unlocks. The audit log's HMAC uses
     * "audit-hmac"; the search index picks its own purpose name (e.g. "search-index"). The same purpose
     * always gives the same key for this store, also after a password change; different purposes give
     * unrelated keys.
     */
    public byte[] deriveSubkey(String purpose) {
        return StoreKeys.deriveSubkey(secret, purpose);
    }

    /** Whether the store was opened read-only (read-only media or folder): nothing can be saved. */
    public boolean readOnly() {
        return readOnly;
    }

    /** What was found and done on opening (an interrupted operation finished or rolled back), for the reviewer. */
    public List<String> notes() {
        return List.copyOf(notes);
    }

    public static boolean exists(Path dir) {
        return Files.isRegularFile(dir.resolve(FILE_NAME))
                || Files.isRegularFile(dir.resolve(FILE_NAME + ".before-restore"));
    }

    /** The folder of the encrypted search index (rebuilt from the store whenever it is missing or unreadable). */
    public static Path indexDir(Path dir) {
        return dir.resolve("index");
    }

    /** The search index's key: derived from the store key, never stored. */
    public byte[] indexKey() {
        return deriveSubkey(ContentKeys.SEARCH_INDEX);
    }

    /** The key of one purpose ({@link ContentKeys}), derived from the store key. */
    byte[] contentKey(String purpose) {
        return deriveSubkey(purpose);
    }

    /** The database file, for checks and backups. */
    public static Path file(Path dir) {
        return dir.resolve(FILE_NAME);
    }

    /** The key header beside the database file. */
    public static Path header(Path dir) {
        return dir.resolve(StoreKeys.HEADER);
    }

    /** Creates a new, empty store in {@code dir}: owner-only folder and files, a fresh random salt. */
    public static Store create(Path dir, char[] password) throws StoreException {
        if (exists(dir)) {
            throw new StoreException.AlreadyExists(dir);
        }
        StoreKeys.checkNewPassword(password);
        StoreKeys.Kdf plain = StoreKeys.Kdf.fresh();
        byte[] key = StoreKeys.storeKey(password, plain);
        StoreKeys.Kdf kdf = plain.withWrappedSecret(StoreKeys.wrap(StoreKeys.newSecret(), key));
        try {
            PrivateFiles.privateDirectory(dir);
            StoreKeys.writeHeader(dir, new StoreKeys.Header(kdf, List.of()));
        } catch (IOException e) {
            throw new StoreException("The data folder " + dir + " cannot be created: " + PrivateFiles.describe(e), e);
        }
        Store s = connect(dir, password, kdf, key, false);
        PrivateFiles.restrictQuietly(file(dir));
        return s;
    }

    /**
     * Starts stretching the key of the store in {@code dir} on a background thread, for a short command
     * that will open it in a moment ({@link #open} takes the key when everything matches, else derives it
     * itself). Does nothing when there is no store in {@code dir}.
     */
    public static void startKeyDerivation(Path dir, char[] password) {
        EarlyKey.start(dir, password);
    }

    /**
     * Opens an existing store; a wrong password or a store in use changes nothing on disk. Leftovers of an
     * interrupted restore or password change are finished or rolled back first (see {@link #notes()}), and
     * a store still under the old fixed-salt key is moved to a salted Argon2id key.
     */
    public static Store open(Path dir, char[] password) throws StoreException {
        // the database's classes load on another thread while this one stretches the key
        java.util.concurrent.CompletableFuture.runAsync(Store::preloadDatabaseClasses);
        List<String> notes = new ArrayList<>();
        try (OpLock lock = OpLock.tryAcquire(dir)) {
            if (lock != null) {
                notes.addAll(recover(dir));
            }
            if (!Files.isRegularFile(file(dir))) {
                throw new StoreException.Missing(dir);
            }
            StoreKeys.Header header = StoreKeys.readHeader(dir);
            StoreException wrong = null;
            for (StoreKeys.Kdf k : header.candidates()) {
                byte[] early = EarlyKey.take(dir, password, k);
                byte[] key = early != null ? early : StoreKeys.storeKey(password, k);
                Store s;
                try {
                    s = connect(dir, password, k, key, true);
                } catch (StoreException.WrongPassword e) {
                    wrong = e;
                    continue;
                }
                s.notes.addAll(notes);
                if (!s.readOnly && lock != null) {
                    s = settle(s, header, k, password);
                }
                return s;
            }
            throw wrong != null ? wrong : new StoreException.WrongPassword();
        }
    }

    /** After opening with {@code used}: drop pending entries, and move a legacy store to a salted key. */
    private static Store settle(Store s, StoreKeys.Header header, StoreKeys.Kdf used, char[] password)
            throws StoreException {
        Path dir = s.dir;
        try {
            if (!header.pending().isEmpty() || !header.current().equals(used)) {
                if (!used.equals(header.current())) {
                    s.notes.add("An interrupted password change or restore was finished: the store now opens with "
                            + "the new password.");
                }
                if (!used.legacy()) {
                    StoreKeys.writeHeader(dir, new StoreKeys.Header(used, List.of()));
                }
            }
            if (used.legacy()) {
                s.close();
                StoreKeys.Kdf fresh = rekey(dir, password, used, password, StoreKeys.Kdf.fresh());
                Store again = connect(dir, password, fresh, StoreKeys.storeKey(password, fresh), true);
                again.notes.addAll(s.notes);
                again.notes.add("The store's key was upgraded to a salted Argon2id key (a one-time step).");
                try {
                    AuditLog.append(again.connection, again.auditKey(), "KEY_UPGRADED", null, fresh.toString());
                } catch (SQLException e) {
                    // the upgrade itself succeeded; the entry is only a record of it
                }
                return again;
            }
            return s;
        } catch (IOException e) {
            s.close();
            throw new StoreException("The store's key header could not be updated: " + PrivateFiles.describe(e), e);
        }
    }

    /**
     * Finds what an interrupted operation left in {@code dir} and cleans it up. Runs only under the
     * operation lock, so never while another process is in the middle of one.
     */
    static List<String> recover(Path dir) {
        List<String> notes = new ArrayList<>();
        Path before = dir.resolve(FILE_NAME + ".before-restore");
        try {
            if (Files.exists(before) && !Files.exists(file(dir))) {
                // an earlier version's restore stopped between its two renames: put the old store back
                PrivateFiles.moveAtomically(before, file(dir));
                notes.add("An interrupted restore was rolled back: the store is as it was before.");
            } else if (Files.exists(before)) {
                Files.delete(before);
                notes.add("An interrupted restore had finished; its spare copy of the old store was removed.");
            }
            for (String name : LEFTOVERS) {
                Path p = dir.resolve(name);
                if (Files.exists(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                    deleteTree(p);
                    notes.add(switch (name) {
                        case REKEY_DIR -> "An interrupted password change was rolled back: the store keeps its "
                                + "old password.";
                        case RESTORE_DIR -> "An interrupted restore was rolled back: the store is as it was before.";
                        default -> "A leftover of an interrupted operation (" + name + ") was removed.";
                    });
                }
            }
        } catch (IOException e) {
            notes.add("A leftover of an interrupted operation could not be cleaned up: " + PrivateFiles.describe(e));
        }
        return notes;
    }

    static void deleteTree(Path p) throws IOException {
        if (!Files.exists(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (var s = Files.walk(p)) {
            for (Path x : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(x);
            }
        }
    }

    private static String url(Path dir, boolean mustExist, boolean readOnly) {
        return "jdbc:h2:file:" + dir.toAbsolutePath().resolve(DB_NAME)
                + ";CIPHER=AES;TRACE_LEVEL_FILE=0;TRACE_LEVEL_SYSTEM_OUT=0;DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0"
                + (mustExist ? ";IFEXISTS=TRUE" : "")
                + (readOnly ? ";ACCESS_MODE_DATA=r" : "");
    }

    private static boolean onReadOnlyMedia(Path dir) {
        return Files.exists(file(dir)) && (!Files.isWritable(file(dir)) || !Files.isWritable(dir));
    }

    private static Store connect(Path dir, char[] password, StoreKeys.Kdf kdf, byte[] key, boolean mustExist)
            throws StoreException {
        quietLibraries();
        boolean readOnly = mustExist && onReadOnlyMedia(dir);
        String url = url(dir, mustExist, readOnly);
        char[] h2Password = StoreKeys.h2Password(key);
        Connection c;
        try {
            c = new H2DataSource(url, h2Password).getConnection();
        } catch (SQLException e) {
            throw translate(e, dir);
        }
        try {
            if (!readOnly && !Migrations.upToDate(c)) {
                Flyway.configure()
                        .dataSource(new H2DataSource(url, h2Password))
                        .locations("classpath:db/migration")
                        .outOfOrder(true)
                        .load()
                        .migrate();
            }
            c.setAutoCommit(true);
        } catch (RuntimeException | SQLException e) {
            closeQuietly(c);
            throw new StoreException("The store in " + dir + " could not be prepared: "
                    + PrivateFiles.describe(e), e);
        }
        byte[] secret;
        try {
            // a legacy store has no secret until it is upgraded: its sub-keys come from the key itself
            secret = kdf.wrappedSecret() == null ? StoreKeys.deriveSubkey(key, "legacy-secret")
                    : StoreKeys.unwrap(kdf.wrappedSecret(), key);
        } catch (StoreException e) {
            closeQuietly(c);
            throw e;
        }
        Store store = new Store(dir, c, kdf, key, secret, readOnly);
        if (readOnly) {
            store.notes.add("The store is on read-only media or in a read-only folder: it is open for reading "
                    + "only, nothing can be saved and no audit entry is written.");
        }
        return store;
    }

    private static void preloadDatabaseClasses() {
        for (String c : new String[] {"org.h2.Driver", "org.h2.engine.Engine", "org.h2.command.Parser",
            "org.h2.mvstore.MVStore", "org.h2.mvstore.db.Store", "org.h2.store.fs.encrypt.FilePathEncrypt",
            "org.h2.jdbc.JdbcConnection", "org.h2.engine.Database", "org.h2.table.Table"}) {
            try {
                Class.forName(c, true, Store.class.getClassLoader());
            } catch (ClassNotFoundException | LinkageError ignored) {
                // loaded when needed instead
            }
        }
    }

    static StoreException translate(SQLException e, Path dir) {
        switch (e.getErrorCode()) {
            case ErrorCode.FILE_ENCRYPTION_ERROR_1:
            case ErrorCode.WRONG_USER_OR_PASSWORD:
                return new StoreException.WrongPassword();
            case ErrorCode.DATABASE_ALREADY_OPEN_1:
                return new StoreException.InUse(dir);
            case ErrorCode.DATABASE_NOT_FOUND_WITH_IF_EXISTS_1:
            case ErrorCode.DATABASE_NOT_FOUND_1:
                return new StoreException.Missing(dir);
            case ErrorCode.FILE_CORRUPTED_1:
                return new StoreException("The store file in " + dir + " is damaged and cannot be opened; "
                        + "restore it from a backup.", e);
            default:
                return new StoreException("The store in " + dir + " cannot be opened: " + PrivateFiles.describe(e),
                        e);
        }
    }

    /**
     * Re-encrypts the store under a new password and a fresh salt. The store must be closed. The new file
     * is built beside the old one and swapped in with one atomic rename; at every moment the store file is
     * either the old one (old password) or the new one (new password), and nothing else stays behind.
     */
    public static void changePassword(Path dir, char[] oldPassword, char[] newPassword) throws StoreException {
        StoreKeys.checkNewPassword(newPassword);
        try (OpLock lock = OpLock.acquire(dir)) {
            StoreKeys.Kdf old;
            try (Store s = open(dir, oldPassword)) {
                if (s.readOnly) {
                    throw new StoreException("The store is on read-only media: its password cannot be changed.");
                }
                s.audit().append("PASSWORD_CHANGED", null, null);
                old = s.kdf;
            }
            rekey(dir, oldPassword, old, newPassword, StoreKeys.Kdf.fresh());
        } catch (IOException e) {
            throw new StoreException("The password could not be changed; the store keeps its old password: "
                    + PrivateFiles.describe(e), e);
        }
    }

    /** Test hook for the crash benchmark: a pause (ms) before each step of a swap, from a system property. */
    private static void step(String name) {
        String pause = System.getProperty("reviewdesk.crashtest.pause");
        if (pause != null) {
            System.out.println("step " + name);
            System.out.flush();
            try {
                Thread.sleep(Long.parseLong(pause));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    static StoreKeys.Kdf rekey(Path dir, char[] oldPassword, StoreKeys.Kdf oldKdf, char[] newPassword,
                              StoreKeys.Kdf plainNewKdf) throws StoreException, IOException {
        byte[] oldKey = StoreKeys.storeKey(oldPassword, oldKdf);
        byte[] newKey = StoreKeys.storeKey(newPassword, plainNewKdf);
        byte[] secret = oldKdf.wrappedSecret() == null ? StoreKeys.newSecret()
                : StoreKeys.unwrap(oldKdf.wrappedSecret(), oldKey);
        StoreKeys.Kdf newKdf = plainNewKdf.legacy() ? plainNewKdf
                : plainNewKdf.withWrappedSecret(StoreKeys.wrap(secret, newKey));
        Path work = dir.resolve(REKEY_DIR);
        deleteTree(work);
        PrivateFiles.privateDirectory(work);
        try {
            step("copy");
            Path copy = file(work);
            Files.copy(file(dir), copy);
            PrivateFiles.restrict(copy, false);
            step("reencrypt");
            try {
                ChangeFileEncryption.execute(work.toAbsolutePath().toString(), DB_NAME, "AES",
                        StoreKeys.filePassword(oldKey).toCharArray(), StoreKeys.filePassword(newKey).toCharArray(),
                        true);
            } catch (SQLException e) {
                throw new StoreException("The store could not be re-encrypted: " + PrivateFiles.describe(e), e);
            }
            step("check");
            connect(work, newPassword, newKdf, newKey, true).close();
            step("pending");
            StoreKeys.writeHeader(dir, new StoreKeys.Header(oldKdf, List.of(newKdf)));
            step("swap");
            PrivateFiles.moveAtomically(copy, file(dir));
            step("settle");
            StoreKeys.writeHeader(dir, new StoreKeys.Header(newKdf, List.of()));
            step("done");
            return newKdf;
        } finally {
            deleteTree(work);
        }
    }

    /**
     * Puts a store file (already checked to open with {@code kdf}) in place of the current one in one
     * atomic rename, for restore: the header lists both derivations while the file is swapped.
     */
    /**
     * Refuses when the store file is open in a process (a window unlocked meanwhile, a server): H2 holds a lock on
     * the file while it has it open. A file swapped in under it would be lost with everything written there.
     */
    static void requireClosed(Path dir) throws StoreException {
        Path f = file(dir);
        if (!Files.isRegularFile(f)) {
            return;
        }
        try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(f,
                java.nio.file.StandardOpenOption.READ, java.nio.file.StandardOpenOption.WRITE)) {
            java.nio.channels.FileLock lock;
            try {
                lock = ch.tryLock();
            } catch (java.nio.channels.OverlappingFileLockException e) {
                lock = null; // open in this process
            }
            if (lock == null) {
                throw new StoreException.InUse(dir);
            }
            lock.release();
        } catch (IOException e) {
            throw new StoreException("The store in " + dir + " could not be checked before it is replaced: "
                    + org.reviewdesk.files.PrivateFiles.describe(e), e);
        }
    }

    static void swapIn(Path dir, Path newFile, StoreKeys.Kdf newKdf) throws StoreException, IOException {
        StoreKeys.Header h = StoreKeys.readHeader(dir);
        step("pending");
        StoreKeys.writeHeader(dir, new StoreKeys.Header(Files.exists(file(dir)) ? h.current() : newKdf,
                List.of(newKdf)));
        step("swap");
        PrivateFiles.moveAtomically(newFile, file(dir));
        step("settle");
        StoreKeys.writeHeader(dir, new StoreKeys.Header(newKdf, List.of()));
    }

    /** The derivation of this store's key (for backups, which carry the header with them). */
    StoreKeys.Kdf kdf() {
        return kdf;
    }

    /** The key of the audit log's HMAC chain. */
    byte[] auditKey() {
        return deriveSubkey("audit-hmac");
    }

    /** H2 and Flyway must not write anything of their own: no trace files, no console chatter. */
    private static void quietLibraries() {
        FLYWAY_LOG.setLevel(Level.WARNING);
        LUCENE_VECTOR_LOG.setLevel(Level.SEVERE);
    }

    public Path dir() {
        return dir;
    }

    public CaseRepository cases() {
        return new CaseRepository(connection);
    }

    public AuditLog audit() {
        return new AuditLog(connection, auditKey(), readOnly);
    }

    /** The certificates whose signatures verify as VALID. */
    public TrustList trust() {
        return new TrustList(connection);
    }

    public IdentityRepository identities() {
        return new IdentityRepository(connection);
    }

    /** The raw connection, for store-level work (backups) and tests that tamper with the store. */
    java.sql.Connection connection() {
        return connection;
    }

    public RecordRepository records() {
        return new RecordRepository(connection);
    }

    public LetterRepository letters() {
        return new LetterRepository(connection);
    }

    public PrecedentRepository precedents() {
        return new PrecedentRepository(connection);
    }

    /** Steps on the store that must happen together. */
    @FunctionalInterface
    public interface Work<T> {
        T run() throws Exception;
    }

    /**
     * Runs several steps (each its own transaction alone) as one transaction: all of them are kept, or none
     * (an archive bundle's case, its signed letter and its status).
     */
    public <T> T atomically(String what, Work<T> work) throws StoreException {
        return Transactions.run(connection(), what, work::run);
    }

    public Settings settings() {
        return new Settings(connection);
    }

    @Override
    public void close() {
        try {
            if (!connection.isClosed()) {
                try (var st = connection.createStatement()) {
                    st.execute("SHUTDOWN");
                }
            }
        } catch (SQLException e) {
            // the database is closing anyway; nothing more to do
        } finally {
            closeQuietly(connection);
        }
    }

    private static void closeQuietly(Connection c) {
        try {
            c.close();
        } catch (SQLException ignored) {
            // closing a connection that already failed
        }
    }
}
