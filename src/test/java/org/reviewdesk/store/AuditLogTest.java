package org.reviewdesk.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reviewdesk.TestData;
import org.reviewdesk.service.Workbench;

class AuditLogTest {
    @TempDir
    Path data;

    @Test
    void theChainOfARealSessionVerifies() throws Exception {
        try (Workbench w = Workbench.create(data, TestData.PASSWORD, false)) {
            w.cases().importPath(TestData.letterCases().get(0), false);
            w.cases().export("EXAMPLE-0001", data.resolveSibling("x.json"));
        }
        Workbench.open(data, TestData.PASSWORD).close();
        try (Store s = Store.open(data, TestData.PASSWORD)) {
            var entries = s.audit().entries();
            assertTrue(entries.stream().map(AuditLog.Entry::action).toList().containsAll(
                    java.util.List.of("STORE_CREATED", "CASE_IMPORTED", "CASE_EXPORTED", "STORE_OPENED")),
                    entries.toString());
            AuditLog.Verification v = s.audit().verify();
            assertTrue(v.intact(), v.problem());
            assertEquals(entries.size(), v.entries());
        }
    }

    @Test
    void aModifiedEntryIsDetected() throws Exception {
        try (Workbench w = Workbench.create(data, TestData.PASSWORD, false)) {
            w.cases().importPath(TestData.letterCases().get(0), false);
        }
        try (Store s = Store.open(data, TestData.PASSWORD)) {
            Connection c = s.connection();
            try (var st = c.createStatement()) {
                st.executeUpdate("UPDATE audit_events SET case_number = 'CM00-0000000' WHERE action = 'CASE_IMPORTED'");
            }
            AuditLog.Verification v = s.audit().verify();
            assertFalse(v.intact());
            assertTrue(v.problem().contains("was changed"), v.problem());
        }
    }

    @Test
    void aRemovedEntryIsDetected() throws Exception {
        try (Workbench w = Workbench.create(data, TestData.PASSWORD, false)) {
            w.cases().importPath(TestData.letterCases().get(0), false);
            w.cases().importPath(TestData.letterCases().get(1), false);
        }
        try (Store s = Store.open(data, TestData.PASSWORD)) {
            try (var st = s.connection().createStatement()) {
                st.executeUpdate("DELETE FROM audit_events WHERE id = (SELECT MIN(id) + 1 FROM audit_events)");
            }
            AuditLog.Verification v = s.audit().verify();
            assertFalse(v.intact());
            assertTrue(v.problem().contains("removed or inserted"), v.problem());
        }
    }

    @Test
    void aFullDiskSaysWhyNothingHappensAndWhatToDo() {
        String full = AuditLog.notWritten(new java.sql.SQLException("IO Exception", new java.io.IOException(
                "No space left on device")));
        assertTrue(full.startsWith("The audit log could not be written: the disk is full. "), full);
        assertTrue(full.contains("free some space on the disk that holds the data folder, then try again"), full);
        assertEquals("The audit log could not be written: permission denied", AuditLog.notWritten(
                new java.sql.SQLException("x", new java.nio.file.AccessDeniedException("/data/store.mv.db"))));
    }
}
