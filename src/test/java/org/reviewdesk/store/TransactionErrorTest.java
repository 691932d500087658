package org.reviewdesk.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reviewdesk.TestData;

/**
 * An Error (out of memory, a stack overflow) in the middle of a store transaction rolls it back. Before, only
 * exceptions were caught, and the finally's setAutoCommit(true) committed the half-done work: H2 commits an open
 * transaction when auto-commit is turned on again.
 */
class TransactionErrorTest {
    @TempDir
    Path data;

    private static int settings(Connection c) throws Exception {
        try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM settings WHERE name LIKE 'half-done%'");
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getInt(1);
        }
    }

    @Test
    void anErrorHalfWayRollsTheTransactionBack() throws Exception {
        try (Store s = Store.create(data, TestData.PASSWORD)) {
            Connection c = s.connection();
            assertThrows(StackOverflowError.class, () -> Transactions.run(c, "A test", () -> {
                s.settings().put("half-done 1", "written before the error");
                throw new StackOverflowError("in the middle of the work");
            }));
            assertEquals(0, settings(c), "nothing of the failed work is in the store");
            // the connection is usable and in auto-commit again
            s.settings().put("after", "a later write");
            assertEquals("a later write", s.settings().get("after").orElseThrow());
        }
        try (Store s = Store.open(data, TestData.PASSWORD)) {
            assertEquals(0, settings(s.connection()), "nor after a reopen");
        }
    }

    @Test
    void stepsRunTogetherAreKeptTogetherOrNotAtAll() throws Exception {
        try (Store s = Store.create(data, TestData.PASSWORD)) {
            Connection c = s.connection();
            // each step is a transaction of its own alone; together, a failure after the first keeps neither
            StoreException e = assertThrows(StoreException.class, () -> s.atomically("Two steps", () -> {
                Transactions.run(c, "The first step", () -> {
                    s.settings().put("half-done 2", "the first step's");
                    return null;
                });
                Transactions.run(c, "The second step", () -> {
                    throw new java.io.IOException("the disk is full");
                });
                return null;
            }));
            assertEquals(0, settings(c), "the first step is not kept: " + e.getMessage());
            s.atomically("Two steps", () -> {
                Transactions.run(c, "The first step", () -> {
                    s.settings().put("whole 1", "kept");
                    return null;
                });
                Transactions.run(c, "The second step", () -> {
                    s.settings().put("whole 2", "kept");
                    return null;
                });
                return null;
            });
        }
        try (Store s = Store.open(data, TestData.PASSWORD)) {
            assertEquals("kept", s.settings().get("whole 1").orElseThrow());
            assertEquals("kept", s.settings().get("whole 2").orElseThrow());
            assertEquals(0, settings(s.connection()));
        }
    }
}
