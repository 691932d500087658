package org.reviewdesk.store;

import java.sql.Connection;
import java.sql.SQLException;

/** One unit of work in one transaction on the store's connection: committed whole, or rolled back whole. */
final class Transactions {
    /** The work; any exception rolls it back. */
    @FunctionalInterface
    interface Work<T> {
        T run() throws Exception;
    }

    private Transactions() {
    }

    /** The connections in a transaction of this class (guarded by each connection's lock). */
    private static final java.util.Set<Connection> RUNNING =
            java.util.Collections.synchronizedSet(java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>()));

    /**
     * Runs {@code work} in a transaction: committed whole, or rolled back whole. Called inside another (the same
     * thread holds the connection's lock), it joins that one: what it does is committed or rolled back with it, so
     * that several steps (a case, its signed letter, its status) can be made one.
     */
    static <T> T run(Connection c, String what, Work<T> work) throws StoreException {
        synchronized (c) {
            if (RUNNING.contains(c)) {
                try {
                    return work.run();
                } catch (StoreException e) {
                    throw e;
                } catch (Exception e) {
                    throw new StoreException(what + " did not complete; nothing of it was kept: "
                            + org.reviewdesk.files.PrivateFiles.describe(e), e);
                }
            }
            RUNNING.add(c);
            try {
                return outermost(c, what, work);
            } finally {
                RUNNING.remove(c);
            }
        }
    }

    private static <T> T outermost(Connection c, String what, Work<T> work) throws StoreException {
        {
            boolean open = false;
            try {
                c.setAutoCommit(false);
                open = true;
                T result = work.run();
                c.commit();
                open = false;
                return result;
            } catch (StoreException e) {
                rollback(c);
                throw e;
            } catch (Exception e) {
                rollback(c);
                if (e instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                }
                throw new StoreException(what + " did not complete; nothing of it was kept: "
                        + org.reviewdesk.files.PrivateFiles.describe(e), e);
            } finally {
                if (open) {
                    // whatever ended the work (an Error too: out of memory, a stack overflow) it is rolled back
                    // here; turning auto-commit on with the transaction open would commit the half-done work
                    try {
                        c.rollback();
                    } catch (SQLException ignored) {
                        // nothing was committed
                    }
                }
                try {
                    c.setAutoCommit(true);
                } catch (SQLException ignored) {
                    // the connection is broken; the next call reports it
                }
            }
        }
    }

    private static void rollback(Connection c) {
        try {
            c.rollback();
        } catch (SQLException ignored) {
            // nothing was committed
        }
    }
}
