package org.reviewdesk.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.flywaydb.core.Flyway;
import org.h2.api.ErrorCode;
import org.h2.tools.ChangeFileEncryption;

/**
 * The encrypted case store: one H2 file ({@code reviewdesk.mv.db}) in the data folder, AES-encrypted
 * under the reviewer's password, migrated by Flyway. Holds one connection; close it when done.
 */
public final class Store implements AutoCloseable {
    static final String DB_NAME = "reviewdesk";
    private static final String FILE_NAME = DB_NAME + ".mv.db";

    /** Held strongly: java.util.logging forgets levels set on loggers nobody references. */
    private static final Logger FLYWAY_LOG = Logger.getLogger("org.flywaydb");

    private final Path dir;
    private final Connection connection;
    private volatile byte[] keyCheck;
    /** The stretched store key (H2's file password), from which the index and chunk keys are derived. */
    private volatile byte[] keyMaterial;

    private Store(Path dir, Connection connection) {
        this.dir = dir;
        this.connection = connection;
    }

    /** Whether {@code password} is the store's password (for unlocking an idle-locked window). */
    public boolean checkPassword(char[] password) {
        byte[] k = keyCheck;
        return k != null && java.security.MessageDigest.isEqual(k, digest(StoreKeys.filePassword(password)));
    }

    private static byte[] digest(String s) {
        try {
            return java.security.MessageDigest.getInstance("SHA-256")
                    .digest(s.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static boolean exists(Path dir) {
        return Files.isRegularFile(dir.resolve(FILE_NAME));
    }

    /** The folder of the encrypted search index (rebuilt from the store whenever it is missing or unreadable). */
    public static Path indexDir(Path dir) {
        return dir.resolve("index");
    }

    /** The search index's key: derived from the store key, never stored. */
    public byte[] indexKey() {
        return ContentKeys.derive(keyMaterial, ContentKeys.SEARCH_INDEX);
    }

    /** The key of one purpose ({@link ContentKeys}), derived from the store key. */
    byte[] contentKey(String purpose) {
        return ContentKeys.derive(keyMaterial, purpose);
    }

    /** The database file, for checks and backups. */
    public static Path file(Path dir) {
        return dir.resolve(FILE_NAME);
    }

    /** Creates a new, empty store in {@code dir}. */
    public static Store create(Path dir, char[] password) throws StoreException {
        if (exists(dir)) {
            throw new StoreException.AlreadyExists(dir);
        }
        if (password.length == 0) {
            throw new StoreException("The store password must not be empty.");
        }
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new StoreException("The data folder " + dir + " cannot be created: " + e.getMessage(), e);
        }
        return connect(dir, password, false);
    }

    /** Opens an existing store; a wrong password or a store in use changes nothing on disk. */
    public static Store open(Path dir, char[] password) throws StoreException {
        if (!exists(dir)) {
            throw new StoreException.Missing(dir);
        }
        return connect(dir, password, true);
    }

    private static String url(Path dir, boolean mustExist) {
        return "jdbc:h2:file:" + dir.toAbsolutePath().resolve(DB_NAME)
                + ";CIPHER=AES;TRACE_LEVEL_FILE=0;TRACE_LEVEL_SYSTEM_OUT=0;DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0"
                + (mustExist ? ";IFEXISTS=TRUE" : "");
    }

    private static Store connect(Path dir, char[] password, boolean mustExist) throws StoreException {
        quietLibraries();
        String url = url(dir, mustExist);
        // the key stretching (PBKDF2, a few hundred ms) runs while this thread loads the database's classes
        java.util.concurrent.CompletableFuture<char[]> stretched =
                java.util.concurrent.CompletableFuture.supplyAsync(() -> StoreKeys.h2Password(password));
        preloadDatabaseClasses();
        char[] h2Password = stretched.join();
        Connection c;
        try {
            c = new H2DataSource(url, h2Password).getConnection();
        } catch (SQLException e) {
            throw translate(e, dir);
        }
        try {
            if (!Migrations.upToDate(c)) {
                Flyway.configure()
                        .dataSource(new H2DataSource(url, h2Password))
                        .locations("classpath:db/migration")
                        .load()
                        .migrate();
            }
            c.setAutoCommit(true);
        } catch (RuntimeException | SQLException e) {
            closeQuietly(c);
            throw new StoreException("The store in " + dir + " could not be prepared: " + e.getMessage(), e);
        }
        Store store = new Store(dir, c);
        String filePassword = new String(h2Password, 0, new String(h2Password).indexOf(' '));
        store.keyCheck = digest(filePassword);
        store.keyMaterial = java.util.HexFormat.of().parseHex(filePassword);
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
                return new StoreException("The store in " + dir + " cannot be opened: " + e.getMessage(), e);
        }
    }

    /**
     * Re-encrypts the store under a new password. The store must be closed. The old file is kept
     * (still encrypted) until the new one is complete, so an interruption loses nothing.
     */
    public static void changePassword(Path dir, char[] oldPassword, char[] newPassword) throws StoreException {
        if (newPassword.length == 0) {
            throw new StoreException("The new password must not be empty.");
        }
        try (Store s = open(dir, oldPassword)) {
            s.audit().append("PASSWORD_CHANGED", null, null);
        }
        Path file = file(dir);
        Path keep = dir.resolve(FILE_NAME + ".before-passwd");
        try {
            Files.copy(file, keep, StandardCopyOption.REPLACE_EXISTING);
            ChangeFileEncryption.execute(dir.toAbsolutePath().toString(), DB_NAME, "AES",
                    StoreKeys.filePassword(oldPassword).toCharArray(),
                    StoreKeys.filePassword(newPassword).toCharArray(), true);
            try (Store s = open(dir, newPassword)) {
                s.connection.isValid(1);
            }
            Files.delete(keep);
            // the index key follows the store key: the old index is unreadable now and is rebuilt
            deleteTree(indexDir(dir));
        } catch (IOException | SQLException | StoreException e) {
            try {
                if (Files.exists(keep)) {
                    Files.move(keep, file, StandardCopyOption.REPLACE_EXISTING);
                }
            } catch (IOException restore) {
                e.addSuppressed(restore);
            }
            throw new StoreException("The password could not be changed; the store keeps its old password: "
                    + e.getMessage(), e);
        }
    }

    /** Deletes a folder of derived, encrypted files (the index); what cannot be deleted is rebuilt over. */
    static void deleteTree(Path folder) {
        if (!Files.exists(folder)) {
            return;
        }
        try (java.util.stream.Stream<Path> s = Files.walk(folder)) {
            s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // encrypted leftovers only
        }
    }

    /** H2 and Flyway must not write anything of their own: no trace files, no console chatter. */
    private static void quietLibraries() {
        FLYWAY_LOG.setLevel(Level.WARNING);
    }

    public Path dir() {
        return dir;
    }

    public CaseRepository cases() {
        return new CaseRepository(connection);
    }

    public AuditLog audit() {
        return new AuditLog(connection);
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
