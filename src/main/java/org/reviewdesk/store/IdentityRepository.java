package org.reviewdesk.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Optional;

/** The reviewer's signing identity (PKCS#12 bytes and password), kept in the encrypted store. */
public final class IdentityRepository {
    /** A stored identity: what it is called, the keystore, and its password. */
    public record StoredIdentity(String label, byte[] pkcs12, char[] password, OffsetDateTime createdAt) {
    }

    private final Connection c;

    IdentityRepository(Connection c) {
        this.c = c;
    }

    /** Stores a new identity and makes it the one used for signing. */
    public void saveActive(String label, byte[] pkcs12, char[] password) throws StoreException {
        synchronized (c) {
            boolean open = false;
            try {
                c.setAutoCommit(false);
                open = true;
                try (PreparedStatement ps = c.prepareStatement("UPDATE signing_identities SET active = FALSE")) {
                    ps.executeUpdate();
                }
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO signing_identities "
                        + "(created_at, label, pkcs12, password, active) VALUES (?, ?, ?, ?, TRUE)")) {
                    ps.setObject(1, OffsetDateTime.now());
                    ps.setString(2, label);
                    ps.setBytes(3, pkcs12);
                    ps.setString(4, new String(password));
                    ps.executeUpdate();
                }
                AuditLog.append(c, "SIGNING_IDENTITY_SET", null, label);
                c.commit();
                open = false;
            } catch (SQLException e) {
                try {
                    c.rollback();
                } catch (SQLException ignored) {
                    // nothing was committed
                }
                throw new StoreException("The signing identity could not be saved: " + e.getMessage(), e);
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

    public Optional<StoredIdentity> active() throws StoreException {
        synchronized (c) {
            try (PreparedStatement ps = c.prepareStatement("SELECT label, pkcs12, password, created_at "
                    + "FROM signing_identities WHERE active ORDER BY id DESC LIMIT 1");
                 ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new StoredIdentity(rs.getString(1), rs.getBytes(2), rs.getString(3).toCharArray(),
                        rs.getObject(4, OffsetDateTime.class)));
            } catch (SQLException e) {
                throw new StoreException("The signing identity could not be read: " + e.getMessage(), e);
            }
        }
    }
}
