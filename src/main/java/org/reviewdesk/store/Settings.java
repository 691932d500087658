package org.reviewdesk.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/** Named settings kept inside the encrypted store. */
public final class Settings {
    private final Connection c;

    Settings(Connection c) {
        this.c = c;
    }

    public Optional<String> get(String name) throws StoreException {
        synchronized (c) {
            try (PreparedStatement ps = c.prepareStatement("SELECT val FROM settings WHERE name = ?")) {
                ps.setString(1, name);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.ofNullable(rs.getString(1)) : Optional.empty();
                }
            } catch (SQLException e) {
                throw new StoreException("A setting could not be read: " + e.getMessage(), e);
            }
        }
    }

    public void put(String name, String value) throws StoreException {
        synchronized (c) {
            try (PreparedStatement ps = c.prepareStatement("MERGE INTO settings (name, val) KEY (name) VALUES (?, ?)")) {
                ps.setString(1, name);
                ps.setString(2, value);
                ps.executeUpdate();
            } catch (SQLException e) {
                throw new StoreException("A setting could not be saved: " + e.getMessage(), e);
            }
        }
    }
}
