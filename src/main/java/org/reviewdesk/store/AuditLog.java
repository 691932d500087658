package org.reviewdesk.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;

/**
 * An append-only log of what was done to the store, each event chained to the previous one by
 * SHA-256. Details name actions and counts, never record text.
 */
public final class AuditLog {
    static final String GENESIS = "0".repeat(64);

    private final Connection c;

    AuditLog(Connection c) {
        this.c = c;
    }

    public void append(String action, String caseNumber, String detail) throws StoreException {
        synchronized (c) {
            try {
                append(c, action, caseNumber, detail);
            } catch (SQLException e) {
                throw new StoreException("The audit log could not be written: " + e.getMessage(), e);
            }
        }
    }

    /** Appends within the caller's transaction. */
    static void append(Connection c, String action, String caseNumber, String detail) throws SQLException {
        String prev = GENESIS;
        try (PreparedStatement ps = c.prepareStatement("SELECT hash FROM audit_events ORDER BY id DESC LIMIT 1");
             ResultSet rs = ps.executeQuery()) {
            if (rs.next()) {
                prev = rs.getString(1);
            }
        }
        OffsetDateTime at = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS);
        String hash = hash(prev, at, action, caseNumber, detail);
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO audit_events (at, action, case_number, detail, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?)")) {
            ps.setObject(1, at);
            ps.setString(2, action);
            ps.setString(3, caseNumber);
            ps.setString(4, detail);
            ps.setString(5, prev);
            ps.setString(6, hash);
            ps.executeUpdate();
        }
    }

    /** One entry of the log. */
    public record Entry(long id, OffsetDateTime at, String action, String caseNumber, String detail, String prevHash,
                        String hash) {
    }

    /** The result of checking the chain: how many entries, and the first broken one (or null). */
    public record Verification(int entries, Long firstBrokenId, String problem) {
        public boolean intact() {
            return firstBrokenId == null;
        }
    }

    public java.util.List<Entry> entries() throws StoreException {
        synchronized (c) {
            java.util.List<Entry> out = new java.util.ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT id, at, action, case_number, detail, prev_hash, hash "
                    + "FROM audit_events ORDER BY id"); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Entry(rs.getLong(1), rs.getObject(2, OffsetDateTime.class), rs.getString(3),
                            rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7)));
                }
            } catch (SQLException e) {
                throw new StoreException("The audit log could not be read: " + e.getMessage(), e);
            }
            return out;
        }
    }

    /** Recomputes every hash: an entry changed, removed or inserted afterwards breaks the chain there. */
    public Verification verify() throws StoreException {
        String prev = GENESIS;
        java.util.List<Entry> all = entries();
        for (Entry e : all) {
            if (!e.prevHash().equals(prev)) {
                return new Verification(all.size(), e.id(), "entry " + e.id() + " does not follow the entry before it "
                        + "(an entry was removed or inserted)");
            }
            String expected = hash(prev, e.at().withOffsetSameInstant(ZoneOffset.UTC), e.action(), e.caseNumber(),
                    e.detail());
            if (!expected.equals(e.hash())) {
                return new Verification(all.size(), e.id(), "entry " + e.id() + " was changed after it was written");
            }
            prev = e.hash();
        }
        return new Verification(all.size(), null, null);
    }

    static String hash(String prev, OffsetDateTime at, String action, String caseNumber, String detail) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            String line = prev + "\n" + at + "\n" + action + "\n" + (caseNumber == null ? "" : caseNumber) + "\n"
                    + (detail == null ? "" : detail);
            return HexFormat.of().formatHex(md.digest(line.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
