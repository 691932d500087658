package org.reviewdesk.store;

/** A store that cannot be opened, read or written; the message says what the reviewer can do. */
public class StoreException extends Exception {
    public StoreException(String message) {
        super(message);
    }

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }

    /** The password does not open the store. */
    public static final class WrongPassword extends StoreException {
        public WrongPassword() {
            super("The password is not correct for this store; nothing was changed. Try again.");
        }

        /** A backup the password does not open: not this store's password at the time of that backup. */
        static WrongPassword forBackup(java.nio.file.Path backup) {
            return new WrongPassword("The backup " + backup.getFileName() + " does not open with this password: it "
                    + "was made by another store, or by this one before its password was changed; nothing was changed. "
                    + "To restore it, use an empty data folder (--data) and the password it was made with.");
        }

        private WrongPassword(String message) {
            super(message);
        }
    }

    /** Another program (or another ReviewDesk window) has the store open. */
    public static final class InUse extends StoreException {
        public InUse(java.nio.file.Path dir) {
            super("The store in " + dir + " is open in another ReviewDesk process; close it there first (a window,"
                    + " or 'reviewdesk serve': stop that with 'reviewdesk serve --stop'). While either runs, list, show,"
                    + " search, records, suggest and check run in it.");
        }
    }

    /** There is no store in the data folder yet. */
    public static final class Missing extends StoreException {
        public Missing(java.nio.file.Path dir) {
            super("There is no store in " + dir + " yet; create one with 'reviewdesk init' or by starting the app.");
        }
    }

    /** A store already exists where a new one was to be created. */
    public static final class AlreadyExists extends StoreException {
        public AlreadyExists(java.nio.file.Path dir) {
            super("A store already exists in " + dir + "; use another --data folder or 'reviewdesk passwd'.");
        }
    }
}
