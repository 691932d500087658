package org.reviewdesk.store;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reviewdesk.TestData;
import org.reviewdesk.service.Workbench;

/**
 * Finding 3: someone with the store password edits the audit log through H2's own shell (the file
 * password derived as StoreKeys does). The keyed chain alone cannot stop them (they can re-chain), but the
 * heads anchored in signed letters and backups can: {@code audit verify} reports where history diverges.
 */
class AnchoredAuditTest {
    @TempDir
    Path tmp;
    private Path data;
    private long anchoredAt;

    @BeforeEach
    void aSignedLetterAndMoreWorkAfterIt() throws Exception {
        data = tmp.resolve("data");
        try (Workbench w = Workbench.create(data, TestData.PASSWORD, false)) {
            w.saveBackupPlan(new Workbench.BackupPlan(tmp.resolve("backups"), 3));
            w.cases().importPath(TestData.letterCases().get(0), false);
            w.letters().createIdentity("Reviewer 4711");
            w.letters().finalizeCase("EXAMPLE-0001", null);
            anchoredAt = AuditLog.Head.parse(w.letters().verifyTrusted(w.letters().signedLetter("EXAMPLE-0001")
                    .orElseThrow(), List.of()).signatures().get(0).auditHead()).id();
            w.cases().importPath(TestData.letterCases().get(1), false);
        }
        try (Workbench w = Workbench.open(data, TestData.PASSWORD)) {
            assertTrue(w.verifyAudit().intact(), String.valueOf(w.verifyAudit()));
            assertTrue(w.verifyAudit().anchorsChecked() >= 1);
        }
    }

    /** Runs SQL through H2's own command-line shell, as an attacker with the password would. */
    private void shell(String... sql) throws Exception {
        StoreKeys.Kdf kdf = StoreKeys.readHeader(data).current();
        String password = new String(StoreKeys.h2Password(StoreKeys.storeKey(TestData.PASSWORD, kdf)));
        String url = "jdbc:h2:file:" + data.toAbsolutePath().resolve("reviewdesk") + ";CIPHER=AES;IFEXISTS=TRUE";
        for (String s : sql) {
            new org.h2.tools.Shell().runTool("-url", url, "-user", StoreKeys.USER, "-password", password, "-sql", s);
        }
    }

    /** Recomputes every link after the entries were edited, with the key someone with the password can derive. */
    private void rechain() throws Exception {
        StoreKeys.Kdf kdf = StoreKeys.readHeader(data).current();
        byte[] key = StoreKeys.storeKey(TestData.PASSWORD, kdf);
        byte[] hmacKey = StoreKeys.deriveSubkey(StoreKeys.unwrap(kdf.wrappedSecret(), key), "audit-hmac");
        Properties p = new Properties();
        p.put("user", StoreKeys.USER);
        p.put("password", new String(StoreKeys.h2Password(key)));
        List<String> updates = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + data.toAbsolutePath().resolve("reviewdesk")
                + ";CIPHER=AES;IFEXISTS=TRUE", p); var st = c.createStatement();
             var rs = st.executeQuery("SELECT id, at, action, case_number, detail, keyed FROM audit_events ORDER BY id")) {
            String prev = AuditLog.GENESIS;
            while (rs.next()) {
                var at = rs.getObject(2, java.time.OffsetDateTime.class).withOffsetSameInstant(ZoneOffset.UTC);
                String h = rs.getBoolean(6) ? AuditLog.mac(hmacKey, prev, at, rs.getString(3), rs.getString(4),
                        rs.getString(5)) : AuditLog.sha256(prev, at, rs.getString(3), rs.getString(4), rs.getString(5));
                updates.add("UPDATE audit_events SET prev_hash = '" + prev + "', hash = '" + h + "' WHERE id = "
                        + rs.getLong(1));
                prev = h;
            }
        }
        shell(updates.toArray(new String[0]));
    }

    private AuditLog.Verification verify() throws Exception {
        try (Workbench w = Workbench.open(data, TestData.PASSWORD)) {
            return w.verifyAudit();
        }
    }

    @Test
    void truncatingTheLogBeforeAnAnchorIsReported() throws Exception {
        shell("DELETE FROM audit_events WHERE id >= " + (anchoredAt - 1));
        AuditLog.Verification v = verify();
        assertFalse(v.intact());
        assertTrue(v.problem().contains("recorded in the signed letter of case EXAMPLE-0001, is missing"), v.problem());
    }

    @Test
    void deletingAMiddleEntryAndReChainingIsReported() throws Exception {
        shell("DELETE FROM audit_events WHERE action = 'CASE_IMPORTED' AND case_number = 'CM16-0213037'");
        rechain();
        AuditLog.Verification v = verify();
        assertFalse(v.intact());
        assertTrue(v.problem().contains("differs from what the signed letter of case EXAMPLE-0001 recorded"),
                v.problem());
    }

    @Test
    void reorderingEntriesAndReChainingIsReported() throws Exception {
        shell("UPDATE audit_events SET action = CASE WHEN action = 'STORE_CREATED' THEN 'SIGNING_IDENTITY_SET' "
                + "WHEN action = 'SIGNING_IDENTITY_SET' THEN 'STORE_CREATED' ELSE action END");
        rechain();
        AuditLog.Verification v = verify();
        assertFalse(v.intact());
        assertTrue(v.problem().contains("differs from what"), v.problem());
    }

    @Test
    void truncatingAfterTheLettersAnchorIsReportedByTheNewestBackup() throws Exception {
        try (Workbench w = Workbench.open(data, TestData.PASSWORD)) {
            w.backup(tmp.resolve("backups"), 3);
        }
        shell("DELETE FROM audit_events WHERE id > " + (anchoredAt + 2));
        AuditLog.Verification v = verify();
        assertFalse(v.intact());
        assertTrue(v.problem().contains("recorded in the backup reviewdesk-"), v.problem());
    }

    @Test
    void withoutTheAnchorsTheSameRewriteIsNotDetectable() throws Exception {
        // what the anchors are for: the re-chained log on its own verifies (documented in docs/security.md)
        shell("DELETE FROM audit_events WHERE action = 'CASE_IMPORTED' AND case_number = 'CM16-0213037'");
        rechain();
        try (Store s = Store.open(data, TestData.PASSWORD)) {
            assertTrue(s.audit().verify().intact());
        }
    }
}
