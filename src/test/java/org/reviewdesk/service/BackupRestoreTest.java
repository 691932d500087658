package org.reviewdesk.service;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reviewdesk.TestData;
import org.reviewdesk.store.StoreException;

class BackupRestoreTest {
    @TempDir
    Path tmp;

    private static List<Path> zips(Path dir) throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.toString().endsWith(".zip")).sorted().toList();
        }
    }

    @Test
    void backupThenRestoreGivesTheSameStore() throws Exception {
        Path data = tmp.resolve("data");
        Path backups = tmp.resolve("backups");
        Path backup;
        List<org.reviewdesk.domain.CaseSummary> before;
        byte[] sample;
        try (Workbench w = Workbench.create(data, TestData.PASSWORD, false)) {
            w.cases().importPath(TestData.letterCases().get(0), false);
            before = w.cases().list();
            sample = w.cases().show("EXAMPLE-0001");
            backup = w.backup(backups, 5);
            // later work that the restore takes back
            w.cases().importPath(TestData.letterCases().get(1), false);
            w.cases().save(w.cases().get("EXAMPLE-0001").withEdits("changed after the backup",
                    w.cases().get("EXAMPLE-0001").items()));
        }
        var info = Workbench.inspectBackup(backup, data, TestData.PASSWORD);
        assertEquals(2, info.cases());

        Workbench.restore(backup, data, TestData.PASSWORD);

        try (Workbench w = Workbench.open(data, TestData.PASSWORD)) {
            assertEquals(before, w.cases().list());
            assertArrayEquals(sample, w.cases().show("EXAMPLE-0001"));
            assertTrue(w.records().pageText("EXAMPLE-0001", "progress-2015-01-19", 1).contains("meloxicam")
                    || w.records().pageText("EXAMPLE-0001", "progress-2015-01-19", 1).contains("Meloxicam"));
            assertTrue(w.verifyAudit().intact());
        }
        try (Stream<Path> s = Files.list(data)) {
            // (the search index, when it is there, is derived from the store and rebuilt after a restore)
            assertEquals(List.of("reviewdesk.mv.db"), s.map(p -> p.getFileName().toString())
                    .filter(n -> !n.equals("index")).toList(),
                    "nothing left aside or in scratch folders");
        }
    }

    @Test
    void onlyTheNewestBackupsAreKeptAndAnUnfinishedOneIsIgnored() throws Exception {
        Path backups = Files.createDirectories(tmp.resolve("backups"));
        Files.writeString(backups.resolve("reviewdesk-20200101-000000.zip.part"), "half written");
        try (Workbench w = Workbench.create(tmp.resolve("data"), TestData.PASSWORD, false)) {
            for (int i = 0; i < 3; i++) {
                w.backup(backups, 2);
                Thread.sleep(1100);
            }
        }
        assertEquals(2, zips(backups).size());
    }

    @Test
    void aDamagedBackupOrAWrongPasswordIsRefusedAndTheStoreIsUnchanged() throws Exception {
        Path data = tmp.resolve("data");
        Path backup;
        try (Workbench w = Workbench.create(data, TestData.PASSWORD, false)) {
            backup = w.backup(tmp.resolve("b"), 3);
        }
        byte[] store = Files.readAllBytes(data.resolve("reviewdesk.mv.db"));
        assertThrows(StoreException.WrongPassword.class,
                () -> Workbench.restore(backup, data, "wrong".toCharArray()));
        byte[] bytes = Files.readAllBytes(backup);
        for (int i = bytes.length / 3; i < bytes.length / 3 + 64; i++) {
            bytes[i] ^= 0x5a;
        }
        Path damaged = Files.write(tmp.resolve("damaged.zip"), bytes);
        assertThrows(StoreException.class, () -> Workbench.restore(damaged, data, TestData.PASSWORD));
        Path notABackup = Files.writeString(tmp.resolve("x.zip"), "no");
        StoreException e = assertThrows(StoreException.class,
                () -> Workbench.restore(notABackup, data, TestData.PASSWORD));
        assertTrue(e.getMessage().contains("x.zip"), e.getMessage());
        assertArrayEquals(store, Files.readAllBytes(data.resolve("reviewdesk.mv.db")));
    }
}
