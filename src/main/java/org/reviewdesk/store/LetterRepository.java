package org.reviewdesk.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Optional;

/** Letters kept with their case: the signed PDF and its SHA-256. */
public final class LetterRepository {
    /** A letter as stored. */
    public record StoredLetter(OffsetDateTime createdAt, boolean signed, String sha256, byte[] pdf) {
    }

    private final Connection c;

    LetterRepository(Connection c) {
        this.c = c;
    }

    /** Stores a signed letter and sets the case's decision date, in one transaction. */
    public void saveSigned(String caseNumber, byte[] pdf, String sha256, LocalDate decisionDate)
            throws StoreException {
        saveSigned(caseNumber, pdf, sha256, decisionDate, null);
    }

    /**
     * Stores a signed letter with the fingerprint of what it was made from ({@code caseSha256}, see
     * {@link #latestFingerprint}) and sets the case's decision date, in one transaction.
     */
    public void saveSigned(String caseNumber, byte[] pdf, String sha256, LocalDate decisionDate, String caseSha256)
            throws StoreException {
        Transactions.run(c, "Storing the signed letter of " + caseNumber, () -> {
            long id;
            try (PreparedStatement ps = c.prepareStatement("SELECT id FROM cases WHERE case_number = ?")) {
                ps.setString(1, caseNumber);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        throw new NoSuchCaseException(caseNumber);
                    }
                    id = rs.getLong(1);
                }
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO letters (case_id, created_at, signed, "
                    + "sha256, pdf, case_sha256) VALUES (?, ?, TRUE, ?, ?, ?)")) {
                ps.setLong(1, id);
                ps.setObject(2, OffsetDateTime.now());
                ps.setString(3, sha256);
                ps.setBytes(4, pdf);
                ps.setString(5, caseSha256);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE cases SET decision_date = ?, updated_at = ? WHERE id = ?")) {
                ps.setObject(1, decisionDate);
                ps.setObject(2, OffsetDateTime.now());
                ps.setLong(3, id);
                ps.executeUpdate();
            }
            AuditLog.append(c, "LETTER_SIGNED", caseNumber, "sha256 " + sha256);
            return null;
        });
    }

    /** The newest signed letter of a case. */
    public Optional<StoredLetter> latestSigned(String caseNumber) throws StoreException {
        synchronized (c) {
            try (PreparedStatement ps = c.prepareStatement("SELECT l.created_at, l.signed, l.sha256, l.pdf FROM "
                    + "letters l JOIN cases c ON c.id = l.case_id WHERE c.case_number = ? AND l.signed "
                    + "ORDER BY l.id DESC LIMIT 1")) {
                ps.setString(1, caseNumber);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    return Optional.of(new StoredLetter(rs.getObject(1, OffsetDateTime.class), rs.getBoolean(2),
                            rs.getString(3), rs.getBytes(4)));
                }
            } catch (SQLException e) {
                throw new StoreException("The letter could not be read: " + e.getMessage(), e);
            }
        }
    }

    /** The fingerprint of what the newest signed letter of a case was made from, if it was kept. */
    public Optional<String> latestFingerprint(String caseNumber) throws StoreException {
        synchronized (c) {
            try (PreparedStatement ps = c.prepareStatement("SELECT l.case_sha256 FROM letters l JOIN cases c "
                    + "ON c.id = l.case_id WHERE c.case_number = ? AND l.signed ORDER BY l.id DESC LIMIT 1")) {
                ps.setString(1, caseNumber);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.ofNullable(rs.getString(1)) : Optional.empty();
                }
            } catch (SQLException e) {
                throw new StoreException("The letter could not be read: " + e.getMessage(), e);
            }
        }
    }

    /** Every signed letter kept in the store (case number and PDF), oldest first: the audit log's anchors. */
    public java.util.List<java.util.Map.Entry<String, byte[]>> allSigned() throws StoreException {
        synchronized (c) {
            java.util.List<java.util.Map.Entry<String, byte[]>> out = new java.util.ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT c.case_number, l.pdf FROM letters l JOIN cases c "
                    + "ON c.id = l.case_id WHERE l.signed ORDER BY l.created_at");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(java.util.Map.entry(rs.getString(1), rs.getBytes(2)));
                }
            } catch (SQLException e) {
                throw new StoreException("The signed letters could not be read: " + e.getMessage(), e);
            }
            return out;
        }
    }
}
