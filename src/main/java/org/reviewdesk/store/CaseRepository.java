package org.reviewdesk.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.reviewdesk.domain.CaseFile;
import org.reviewdesk.domain.CaseStatus;
import org.reviewdesk.domain.CaseSummary;
import org.reviewdesk.domain.Decision;
import org.reviewdesk.domain.DocumentKind;
import org.reviewdesk.domain.Evidence;
import org.reviewdesk.domain.Item;
import org.reviewdesk.domain.Organization;
import org.reviewdesk.domain.Priority;
import org.reviewdesk.domain.RecordContent;
import org.reviewdesk.domain.RecordDocument;
import org.reviewdesk.domain.ReviewType;

/** Cases, their items, documents (with the record bytes) and evidence, in the encrypted store. */
public final class CaseRepository {
    private final Connection c;

    CaseRepository(Connection c) {
        this.c = c;
    }

    private <T> T inTransaction(String what, Transactions.Work<T> work) throws StoreException {
        return Transactions.run(c, what, work);
    }

    public boolean exists(String caseNumber) throws StoreException {
        return inTransaction("Looking up a case", () -> caseId(caseNumber).isPresent());
    }

    private Optional<Long> caseId(String caseNumber) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT id FROM cases WHERE case_number = ?")) {
            ps.setString(1, caseNumber);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
            }
        }
    }

    /** Stores a new case with its record files; with {@code replace}, an existing case of that number goes. */
    public void insert(CaseFile cf, Map<String, RecordContent> records, boolean replace) throws StoreException {
        inTransaction("Storing case " + cf.caseNumber(), () -> {
            Optional<Long> existing = caseId(cf.caseNumber());
            if (existing.isPresent()) {
                if (!replace) {
                    throw new DuplicateCaseException(cf.caseNumber());
                }
                try (PreparedStatement ps = c.prepareStatement("DELETE FROM cases WHERE id = ?")) {
                    ps.setLong(1, existing.get());
                    ps.executeUpdate();
                }
            }
            long id = insertCase(cf);
            insertItems(id, cf.items());
            insertDocuments(id, cf, records);
            insertEvidence(id, cf.evidenceList());
            AuditLog.append(c, existing.isPresent() ? "CASE_REPLACED" : "CASE_IMPORTED", cf.caseNumber(),
                    cf.items().size() + " items, " + cf.documentList().size() + " documents");
            return null;
        });
    }

    private long insertCase(CaseFile cf) throws SQLException {
        String sql = "INSERT INTO cases (case_number, status, priority, review_type, date_assigned, date_of_injury, "
                + "ur_denial_date, application_received, decision_date, due_date, effective_due_date, org_name, "
                + "org_short_name, has_organization, reviewer_json, parties_json, clinical_summary, has_documents, "
                + "has_evidence, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)";
        try (PreparedStatement ps = c.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
            OffsetDateTime now = OffsetDateTime.now();
            ps.setString(1, cf.caseNumber());
            ps.setString(2, CaseStatus.derive(cf, false).name());
            ps.setString(3, name(cf.priority()));
            ps.setString(4, name(cf.reviewType()));
            setDate(ps, 5, cf.dateAssigned());
            setDate(ps, 6, cf.dateOfInjury());
            setDate(ps, 7, cf.urDenialDate());
            setDate(ps, 8, cf.applicationReceived());
            setDate(ps, 9, cf.decisionDate());
            setDate(ps, 10, cf.dueDate());
            setDate(ps, 11, cf.effectiveDueDate().orElse(null));
            Organization o = cf.organization();
            ps.setString(12, o == null ? null : o.name());
            ps.setString(13, o == null ? null : o.shortName());
            ps.setBoolean(14, o != null);
            ps.setString(15, StoreJson.reviewer(cf.reviewer()));
            ps.setString(16, StoreJson.parties(cf.parties()));
            ps.setString(17, cf.clinicalSummary());
            ps.setBoolean(18, cf.documents() != null);
            ps.setBoolean(19, cf.evidence() != null);
            ps.setObject(20, now);
            ps.setObject(21, now);
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    private void insertItems(long caseId, List<Item> items) throws SQLException {
        String sql = "INSERT INTO items (case_id, position, request, treatment_category, decision, "
                + "claims_administrator_guideline, reviewer_guideline, rationale, citations_json, checklist_json) "
                + "VALUES (?,?,?,?,?,?,?,?,?,?)";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < items.size(); i++) {
                Item it = items.get(i);
                ps.setLong(1, caseId);
                ps.setInt(2, i);
                ps.setString(3, it.request());
                ps.setString(4, it.treatmentCategory());
                ps.setString(5, name(it.decision()));
                ps.setString(6, it.claimsAdministratorGuideline());
                ps.setString(7, it.reviewerGuideline());
                ps.setString(8, it.rationale());
                ps.setString(9, StoreJson.citations(it.citations()));
                ps.setString(10, StoreJson.checklist(it.checklist()));
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private void insertDocuments(long caseId, CaseFile cf, Map<String, RecordContent> records)
            throws SQLException, IOException, StoreException {
        String sql = "INSERT INTO documents (case_id, position, doc_id, title, kind, doc_date, author, file_path, "
                + "declared_sha256, content_sha256, size_bytes, content) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)";
        List<RecordDocument> docs = cf.documentList();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < docs.size(); i++) {
                RecordDocument d = docs.get(i);
                RecordContent content = records.get(d.id());
                if (content == null) {
                    throw new StoreException("The record file of document " + d.id() + " is missing");
                }
                ps.setLong(1, caseId);
                ps.setInt(2, i);
                ps.setString(3, d.id());
                ps.setString(4, d.title());
                ps.setString(5, name(d.kind()));
                setDate(ps, 6, d.date());
                ps.setString(7, d.author());
                ps.setString(8, d.file());
                ps.setString(9, d.sha256());
                ps.setString(10, content.sha256());
                ps.setLong(11, content.size());
                try (InputStream in = content.open()) {
                    ps.setBinaryStream(12, in, content.size());
                    ps.executeUpdate();
                }
            }
        }
    }

    private void insertEvidence(long caseId, List<Evidence> evidence) throws SQLException {
        String sql = "INSERT INTO evidence (case_id, position, document_id, page, quote, note, item_index) "
                + "VALUES (?,?,?,?,?,?,?)";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < evidence.size(); i++) {
                Evidence e = evidence.get(i);
                ps.setLong(1, caseId);
                ps.setInt(2, i);
                ps.setString(3, e.documentId());
                ps.setInt(4, e.page());
                ps.setString(5, e.quote());
                ps.setString(6, e.note());
                if (e.itemIndex() == null) {
                    ps.setNull(7, Types.INTEGER);
                } else {
                    ps.setInt(7, e.itemIndex());
                }
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** Saves the reviewer's edits: summary, items (decisions, guidelines, rationales), credentials. */
    public void saveEdits(CaseFile cf) throws StoreException {
        inTransaction("Saving case " + cf.caseNumber(), () -> {
            long id = caseId(cf.caseNumber()).orElseThrow(() -> new NoSuchCaseException(cf.caseNumber()));
            if (status(id).locked()) {
                throw new CaseLockedException(cf.caseNumber());
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE cases SET clinical_summary = ?, status = CASE WHEN finalized THEN status ELSE ? END, "
                            + "updated_at = ?, reviewer_json = ? WHERE id = ?")) {
                ps.setString(1, cf.clinicalSummary());
                ps.setString(2, CaseStatus.derive(cf, false).name());
                ps.setObject(3, OffsetDateTime.now());
                ps.setString(4, StoreJson.reviewer(cf.reviewer()));
                ps.setLong(5, id);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM items WHERE case_id = ?")) {
                ps.setLong(1, id);
                ps.executeUpdate();
            }
            insertItems(id, cf.items());
            AuditLog.append(c, "CASE_EDITED", cf.caseNumber(), cf.decidedCount() + "/" + cf.items().size()
                    + " items decided");
            return null;
        });
    }

    private CaseStatus status(long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT status FROM cases WHERE id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return CaseStatus.valueOf(rs.getString(1));
            }
        }
    }

    /** The stored status of a case. */
    public CaseStatus status(String caseNumber) throws StoreException {
        return inTransaction("Reading case " + caseNumber, () -> status(caseId(caseNumber)
                .orElseThrow(() -> new NoSuchCaseException(caseNumber))));
    }

    /** Moves a case to a later status (finalized, delivered, archived); it is then read-only. */
    public void setStatus(String caseNumber, CaseStatus status) throws StoreException {
        inTransaction("Updating case " + caseNumber, () -> {
            long id = caseId(caseNumber).orElseThrow(() -> new NoSuchCaseException(caseNumber));
            try (PreparedStatement ps = c.prepareStatement("UPDATE cases SET status = ?, finalized = ?, "
                    + "updated_at = ? WHERE id = ?")) {
                ps.setString(1, status.name());
                ps.setBoolean(2, status.locked());
                ps.setObject(3, OffsetDateTime.now());
                ps.setLong(4, id);
                ps.executeUpdate();
            }
            AuditLog.append(c, "CASE_" + status.name(), caseNumber, null);
            return null;
        });
    }

    public List<CaseSummary> list() throws StoreException {
        return inTransaction("Listing cases", () -> {
            String sql = "SELECT c.case_number, c.status, c.priority, c.effective_due_date, "
                    + "(SELECT COUNT(*) FROM items i WHERE i.case_id = c.id AND i.decision IS NOT NULL), "
                    + "(SELECT COUNT(*) FROM items i WHERE i.case_id = c.id) "
                    + "FROM cases c ORDER BY c.effective_due_date IS NULL, c.effective_due_date, c.case_number";
            List<CaseSummary> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Priority p = rs.getString(3) == null ? Priority.STANDARD : Priority.valueOf(rs.getString(3));
                    out.add(new CaseSummary(rs.getString(1), CaseStatus.valueOf(rs.getString(2)), p,
                            rs.getObject(4, LocalDate.class), rs.getInt(5), rs.getInt(6)));
                }
            }
            return out;
        });
    }

    public Optional<CaseFile> load(String caseNumber) throws StoreException {
        return inTransaction("Reading case " + caseNumber, () -> {
            String sql = "SELECT id, priority, review_type, date_assigned, date_of_injury, ur_denial_date, "
                    + "application_received, decision_date, due_date, org_name, org_short_name, has_organization, "
                    + "reviewer_json, parties_json, clinical_summary, has_documents, has_evidence "
                    + "FROM cases WHERE case_number = ?";
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setString(1, caseNumber);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    long id = rs.getLong(1);
                    Organization org = rs.getBoolean(12) ? new Organization(rs.getString(10), rs.getString(11)) : null;
                    return Optional.of(new CaseFile(caseNumber,
                            enumOf(Priority.class, rs.getString(2)), enumOf(ReviewType.class, rs.getString(3)),
                            rs.getObject(4, LocalDate.class), rs.getObject(5, LocalDate.class),
                            rs.getObject(6, LocalDate.class), rs.getObject(7, LocalDate.class),
                            rs.getObject(8, LocalDate.class), rs.getObject(9, LocalDate.class), org,
                            StoreJson.reviewer(rs.getString(13)), StoreJson.parties(rs.getString(14)),
                            rs.getString(15), loadItems(id),
                            rs.getBoolean(16) ? loadDocuments(id) : null,
                            rs.getBoolean(17) ? loadEvidence(id) : null));
                }
            }
        });
    }

    private List<Item> loadItems(long id) throws SQLException {
        String sql = "SELECT request, treatment_category, decision, claims_administrator_guideline, "
                + "reviewer_guideline, rationale, citations_json, checklist_json FROM items WHERE case_id = ? "
                + "ORDER BY position";
        List<Item> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Item(rs.getString(1), rs.getString(2), enumOf(Decision.class, rs.getString(3)),
                            rs.getString(4), rs.getString(5), rs.getString(6), StoreJson.citations(rs.getString(7)),
                            StoreJson.checklist(rs.getString(8))));
                }
            }
        }
        return out;
    }

    private List<RecordDocument> loadDocuments(long id) throws SQLException {
        String sql = "SELECT doc_id, title, kind, doc_date, author, file_path, declared_sha256 FROM documents "
                + "WHERE case_id = ? ORDER BY position";
        List<RecordDocument> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new RecordDocument(rs.getString(1), rs.getString(2),
                            enumOf(DocumentKind.class, rs.getString(3)), rs.getObject(4, LocalDate.class),
                            rs.getString(5), rs.getString(6), rs.getString(7)));
                }
            }
        }
        return out;
    }

    private List<Evidence> loadEvidence(long id) throws SQLException {
        String sql = "SELECT document_id, page, quote, note, item_index FROM evidence WHERE case_id = ? "
                + "ORDER BY position";
        List<Evidence> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Evidence(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4),
                            rs.getObject(5, Integer.class)));
                }
            }
        }
        return out;
    }

    /** Copies the stored bytes of a record document to {@code out}. */
    public void copyRecord(String caseNumber, String documentId, OutputStream out) throws StoreException {
        inTransaction("Reading a record file", () -> {
            String sql = "SELECT d.content FROM documents d JOIN cases c ON c.id = d.case_id "
                    + "WHERE c.case_number = ? AND d.doc_id = ?";
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setString(1, caseNumber);
                ps.setString(2, documentId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        throw new StoreException("Case " + caseNumber + " has no document " + documentId);
                    }
                    try (InputStream in = rs.getBinaryStream(1)) {
                        in.transferTo(out);
                    }
                }
            }
            return null;
        });
    }

    /**
     * The stored records of a case as contents another case can be inserted with (an amendment): size and SHA-256 as
     * stored, the bytes read from the store only when {@link #insert} stores them, in its own transaction on this
     * connection, so that a record larger than the heap is copied without being held whole.
     */
    public Map<String, RecordContent> storedRecords(String caseNumber) throws StoreException {
        return inTransaction("Reading the records of " + caseNumber, () -> {
            Map<String, RecordContent> out = new java.util.LinkedHashMap<>();
            String sql = "SELECT d.doc_id, d.size_bytes, d.content_sha256, OCTET_LENGTH(d.content) FROM documents d "
                    + "JOIN cases c ON c.id = d.case_id WHERE c.case_number = ? ORDER BY d.position";
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setString(1, caseNumber);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        String id = rs.getString(1);
                        long size = rs.getLong(4);
                        out.put(id, new RecordContent(id, size, rs.getString(3), () -> storedContent(caseNumber, id)));
                    }
                }
            }
            return out;
        });
    }

    /** The bytes of a stored record; only for {@link #insert}, within its transaction (no transaction of its own). */
    private InputStream storedContent(String caseNumber, String documentId) throws java.io.IOException {
        if (!Thread.holdsLock(c)) {
            throw new IllegalStateException("a stored record is read within the store's transaction");
        }
        try {
            PreparedStatement ps = c.prepareStatement("SELECT d.content FROM documents d JOIN cases c ON "
                    + "c.id = d.case_id WHERE c.case_number = ? AND d.doc_id = ?");
            ps.setString(1, caseNumber);
            ps.setString(2, documentId);
            ResultSet rs = ps.executeQuery();
            if (!rs.next()) {
                ps.close();
                throw new java.io.IOException("Case " + caseNumber + " has no document " + documentId);
            }
            InputStream in = rs.getBinaryStream(1);
            return new java.io.FilterInputStream(in) {
                @Override
                public void close() throws java.io.IOException {
                    try {
                        super.close();
                    } finally {
                        try {
                            ps.close();
                        } catch (SQLException ignored) {
                            // the statement goes with the connection
                        }
                    }
                }
            };
        } catch (SQLException e) {
            throw new java.io.IOException(e.getMessage(), e);
        }
    }

    /** Deletes a case and everything stored with it. */
    public void delete(String caseNumber) throws StoreException {
        inTransaction("Deleting case " + caseNumber, () -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM cases WHERE case_number = ?")) {
                ps.setString(1, caseNumber);
                if (ps.executeUpdate() == 0) {
                    throw new NoSuchCaseException(caseNumber);
                }
            }
            AuditLog.append(c, "CASE_DELETED", caseNumber, null);
            return null;
        });
    }

    private static String name(Enum<?> e) {
        return e == null ? null : e.name();
    }

    private static <E extends Enum<E>> E enumOf(Class<E> type, String value) {
        return value == null ? null : Enum.valueOf(type, value);
    }

    private static void setDate(PreparedStatement ps, int index, LocalDate d) throws SQLException {
        if (d == null) {
            ps.setNull(index, Types.DATE);
        } else {
            ps.setObject(index, d);
        }
    }
}
