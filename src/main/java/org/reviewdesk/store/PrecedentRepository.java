package org.reviewdesk.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Imported public determination letters (precedents), kept in the encrypted store. */
public final class PrecedentRepository {
    /** One stored letter. */
    public record Letter(String caseNumber, String source, String fileName, LocalDate dateAssigned,
                         LocalDate dateOfInjury, LocalDate urDenialDate, LocalDate decisionDate, String specialty,
                         String clinicalSummary, List<Item> items) {
        public Letter {
            items = List.copyOf(items);
        }
    }

    /** One stored item; {@code decision} is the decision's enum name. */
    public record Item(int position, String request, String decision, String claimsAdministratorGuideline,
                       String reviewerGuideline, String rationale) {
    }

    private final Connection c;

    PrecedentRepository(Connection c) {
        this.c = c;
    }

    /** The case numbers already stored. */
    public Set<String> caseNumbers() throws StoreException {
        return Transactions.run(c, "Reading the precedents", () -> {
            Set<String> out = new HashSet<>();
            try (Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT case_number FROM precedent_letters")) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
            return out;
        });
    }

    public int count() throws StoreException {
        return Transactions.run(c, "Counting the precedents", () -> {
            try (Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM precedent_letters")) {
                rs.next();
                return rs.getInt(1);
            }
        });
    }

    /**
     * Stores letters whose case number is not stored yet, in one transaction (all or none), with one audit entry.
     * Returns the case numbers added; letters already stored are skipped.
     */
    public List<String> addNew(List<Letter> letters) throws StoreException {
        return Transactions.run(c, "Storing the precedents", () -> {
            Set<String> have = new HashSet<>();
            try (Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT case_number FROM precedent_letters")) {
                while (rs.next()) {
                    have.add(rs.getString(1));
                }
            }
            List<String> added = new ArrayList<>();
            OffsetDateTime now = OffsetDateTime.now();
            try (PreparedStatement pl = c.prepareStatement("INSERT INTO precedent_letters (case_number, source, "
                    + "file_name, date_assigned, date_of_injury, ur_denial_date, decision_date, specialty, "
                    + "clinical_summary, imported_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    Statement.RETURN_GENERATED_KEYS);
                 PreparedStatement pi = c.prepareStatement("INSERT INTO precedent_items (letter_id, position, "
                         + "request, decision, claims_administrator_guideline, reviewer_guideline, rationale) "
                         + "VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                for (Letter l : letters) {
                    if (!have.add(l.caseNumber())) {
                        continue;
                    }
                    pl.setString(1, l.caseNumber());
                    pl.setString(2, l.source());
                    pl.setString(3, l.fileName());
                    pl.setObject(4, l.dateAssigned());
                    pl.setObject(5, l.dateOfInjury());
                    pl.setObject(6, l.urDenialDate());
                    pl.setObject(7, l.decisionDate());
                    pl.setString(8, l.specialty());
                    pl.setString(9, l.clinicalSummary());
                    pl.setObject(10, now);
                    pl.executeUpdate();
                    long id;
                    try (ResultSet keys = pl.getGeneratedKeys()) {
                        keys.next();
                        id = keys.getLong(1);
                    }
                    for (Item i : l.items()) {
                        pi.setLong(1, id);
                        pi.setInt(2, i.position());
                        pi.setString(3, i.request());
                        pi.setString(4, i.decision());
                        pi.setString(5, i.claimsAdministratorGuideline());
                        pi.setString(6, i.reviewerGuideline());
                        pi.setString(7, i.rationale());
                        pi.addBatch();
                    }
                    pi.executeBatch();
                    added.add(l.caseNumber());
                }
            }
            if (!added.isEmpty()) {
                AuditLog.append(c, "PRECEDENTS_IMPORTED", null, added.size() + " letters");
            }
            return added;
        });
    }

    /** Every stored letter with its items, in case-number order. */
    public List<Letter> all() throws StoreException {
        return Transactions.run(c, "Reading the precedents", () -> {
            Map<Long, List<Item>> items = new LinkedHashMap<>();
            try (Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT letter_id, position, request, decision, "
                         + "claims_administrator_guideline, reviewer_guideline, rationale FROM precedent_items "
                         + "ORDER BY letter_id, position")) {
                while (rs.next()) {
                    items.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(new Item(rs.getInt(2),
                            rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7)));
                }
            }
            List<Letter> out = new ArrayList<>();
            try (Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT id, case_number, source, file_name, date_assigned, "
                         + "date_of_injury, ur_denial_date, decision_date, specialty, clinical_summary "
                         + "FROM precedent_letters ORDER BY case_number")) {
                while (rs.next()) {
                    out.add(new Letter(rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getObject(5, LocalDate.class), rs.getObject(6, LocalDate.class),
                            rs.getObject(7, LocalDate.class), rs.getObject(8, LocalDate.class), rs.getString(9),
                            rs.getString(10), items.getOrDefault(rs.getLong(1), List.of())));
                }
            }
            return out;
        });
    }
}
