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
