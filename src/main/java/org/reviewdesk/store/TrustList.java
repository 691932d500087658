package org.reviewdesk.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * The certificates whose signatures the reviewer trusts (DER bytes with their SHA-256 fingerprint):
 * the store's own signing identity, and certificates or organization CAs the reviewer added.
 */
public final class TrustList {
    /** A trusted certificate. */
    public record Trusted(String sha256, String subject, byte[] der, OffsetDateTime addedAt, String reason) {
    }

    private final Connection c;

    TrustList(Connection c) {
        this.c = c;
    }

    /** Adds a certificate (nothing happens when it is already trusted); true when it was new. */
    public boolean add(String sha256, String subject, byte[] der, String reason) throws StoreException {
        synchronized (c) {
            boolean open = false;
            try {
                try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM trusted_certificates WHERE sha256 = ?")) {
                    ps.setString(1, sha256);
                    try (ResultSet rs = ps.executeQuery()) {
                        if (rs.next()) {
                            return false;
                        }
                    }
                }
                c.setAutoCommit(false);
                open = true;
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO trusted_certificates "
                        + "(sha256, subject, der, added_at, reason) VALUES (?, ?, ?, ?, ?)")) {
                    ps.setString(1, sha256);
                    ps.setString(2, subject);
                    ps.setBytes(3, der);
                    ps.setObject(4, OffsetDateTime.now());
                    ps.setString(5, reason);
                    ps.executeUpdate();
                }
                AuditLog.append(c, "CERTIFICATE_TRUSTED", null, subject + ", SHA-256 " + sha256);
                c.commit();
                open = false;
                return true;
            } catch (SQLException e) {
                try {
                    c.rollback();
                } catch (SQLException ignored) {
                    // nothing was committed
                }
                throw new StoreException("The certificate could not be added to the trust list: " + e.getMessage(), e);
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
                    // reported by the next call
                }
            }
        }
    }

    /** Removes a certificate from the list; true when it was there. */
    public boolean remove(String sha256) throws StoreException {
        synchronized (c) {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM trusted_certificates WHERE sha256 = ?")) {
                ps.setString(1, sha256);
                boolean removed = ps.executeUpdate() > 0;
                if (removed) {
                    AuditLog.append(c, "CERTIFICATE_UNTRUSTED", null, "SHA-256 " + sha256);
                }
                return removed;
            } catch (SQLException e) {
                throw new StoreException("The trust list could not be changed: " + e.getMessage(), e);
            }
        }
    }

    public List<Trusted> all() throws StoreException {
        synchronized (c) {
            List<Trusted> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT sha256, subject, der, added_at, reason "
                    + "FROM trusted_certificates ORDER BY id"); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Trusted(rs.getString(1), rs.getString(2), rs.getBytes(3),
                            rs.getObject(4, OffsetDateTime.class), rs.getString(5)));
                }
            } catch (SQLException e) {
                throw new StoreException("The trust list could not be read: " + e.getMessage(), e);
            }
            return out;
        }
    }
}
