package org.reviewdesk.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reviewdesk.TestData;
import org.reviewdesk.service.Workbench;

/** Finding 6 (one fixed salt, any password) and 7 (modes): salted Argon2id with a header, length 10, 0600. */
class StoreKeysTest {
    @TempDir
    Path tmp;

    @Test
    void everyStoreHasItsOwnSaltInTheHeaderAndTheSamePasswordGivesDifferentKeys() throws Exception {
        Path a = tmp.resolve("a");
        Path b = tmp.resolve("b");
        Store.create(a, TestData.PASSWORD).close();
        Store.create(b, TestData.PASSWORD).close();
        StoreKeys.Header ha = StoreKeys.readHeader(a);
        StoreKeys.Header hb = StoreKeys.readHeader(b);
        assertEquals("argon2id", ha.current().algorithm());
        assertTrue(ha.current().memoryKiB() >= 19 * 1024 && ha.current().iterations() >= 2, ha.current().toString());
        assertEquals(16, ha.current().salt().length);
        assertFalse(java.util.Arrays.equals(ha.current().salt(), hb.current().salt()), "salts must differ");
        assertNotEquals(HexFormat.of().formatHex(StoreKeys.storeKey(TestData.PASSWORD, ha.current())),
                HexFormat.of().formatHex(StoreKeys.storeKey(TestData.PASSWORD, hb.current())));
        String header = Files.readString(Store.header(a));
        assertFalse(header.contains(new String(TestData.PASSWORD)), "the header holds no secret");
    }

    @Test
    void aOneCharacterOrShortPasswordIsRefusedAndNothingIsCreated() {
        for (String pw : new String[] {"x", " ", "nine char", "          "}) {
            StoreException e = assertThrows(StoreException.class, () -> Store.create(tmp.resolve("s"), pw.toCharArray()));
            assertTrue(e.getMessage().contains("at least 10 characters"), e.getMessage());
            assertFalse(Files.exists(tmp.resolve("s")), "nothing written for a refused password");
        }
    }

    @Test
    void aNewPasswordOfOneCharacterIsRefusedByPasswdAndTheStoreKeepsItsPassword() throws Exception {
        Path d = tmp.resolve("s");
        Store.create(d, TestData.PASSWORD).close();
        byte[] before = Files.readAllBytes(Store.file(d));
        assertThrows(StoreException.class, () -> Store.changePassword(d, TestData.PASSWORD, "a".toCharArray()));
        assertArrayEquals(before, Files.readAllBytes(Store.file(d)));
        Store.open(d, TestData.PASSWORD).close();
    }

    @Test
    void aStoreUnderTheOldFixedSaltKeyIsUpgradedOnUnlock() throws Exception {
        Path d = tmp.resolve("s");
        try (Workbench w = Workbench.create(d, TestData.PASSWORD, false)) {
            assertEquals(1, w.cases().list().size());
        }
        // turn it into a store as the previous version wrote it: legacy PBKDF2 key, no header
        Store.rekey(d, TestData.PASSWORD, StoreKeys.readHeader(d).current(), TestData.PASSWORD, StoreKeys.Kdf.LEGACY);
        Files.delete(Store.header(d));
        assertEquals(StoreKeys.Kdf.LEGACY, StoreKeys.readHeader(d).current());

        try (Store s = Store.open(d, TestData.PASSWORD)) {
            assertTrue(s.notes().stream().anyMatch(n -> n.contains("upgraded")), s.notes().toString());
            assertEquals(1, s.cases().list().size());
        }
        assertEquals("argon2id", StoreKeys.readHeader(d).current().algorithm());
        assertTrue(StoreKeys.readHeader(d).pending().isEmpty());
        try (Store s = Store.open(d, TestData.PASSWORD)) {
            assertTrue(s.notes().isEmpty(), s.notes().toString());
            assertTrue(s.audit().entries().stream().anyMatch(e -> e.action().equals("KEY_UPGRADED")));
        }
        assertThrows(StoreException.WrongPassword.class, () -> Store.open(d, "a different password".toCharArray()));
    }

    @Test
    void subkeysDependOnThePurposeAndSurviveAPasswordChange() throws Exception {
        Path d = tmp.resolve("s");
        byte[] audit;
        byte[] index;
        try (Store s = Store.create(d, TestData.PASSWORD)) {
            audit = s.deriveSubkey("audit-hmac");
            index = s.deriveSubkey("search-index");
            assertArrayEquals(audit, s.deriveSubkey("audit-hmac"));
        }
        assertEquals(32, audit.length);
        assertFalse(java.util.Arrays.equals(audit, index));
        Store.changePassword(d, TestData.PASSWORD, "another good password".toCharArray());
        try (Store s = Store.open(d, "another good password".toCharArray())) {
            // the sub-keys come from the store secret, which the new password unwraps: same keys, same chain
            assertArrayEquals(audit, s.deriveSubkey("audit-hmac"));
            assertTrue(s.audit().verify().intact(), String.valueOf(s.audit().verify()));
        }
    }

    @Test
    void theDataFolderIsOwnerOnlyAndTheStoreHeaderAndBackupsAre0600() throws Exception {
        Path d = tmp.resolve("s");
        Path backups = tmp.resolve("backups");
        Path backup;
        try (Workbench w = Workbench.create(d, TestData.PASSWORD, false)) {
            backup = w.backup(backups, 3);
        }
        assertEquals("rwx------", mode(d));
        assertEquals("rw-------", mode(Store.file(d)));
        assertEquals("rw-------", mode(Store.header(d)));
        assertEquals("rwx------", mode(backups));
        assertEquals("rw-------", mode(backup));
    }

    @Test
    void leftoversOfAnInterruptedOperationAreRemovedOnStartAndTheReviewerIsTold() throws Exception {
        Path d = tmp.resolve("s");
        Store.create(d, TestData.PASSWORD).close();
        Files.createDirectories(d.resolve(".rekey"));
        Files.copy(Store.file(d), d.resolve(".rekey").resolve("reviewdesk.mv.db"));
        Files.createDirectories(d.resolve(".restore"));
        Files.createDirectories(d.resolve(".inspect"));
        Files.copy(Store.file(d), d.resolve("reviewdesk.mv.db.before-passwd"));
        Files.writeString(d.resolve("temp.db"), "x");
        // a kill inside the header's atomic write (found by the crash benchmark)
        Files.copy(Store.header(d), d.resolve(".reviewdesk.key.json.tmp"));
        try (Store s = Store.open(d, TestData.PASSWORD)) {
            assertTrue(s.notes().stream().anyMatch(n -> n.contains("password change was rolled back")),
                    s.notes().toString());
            assertTrue(s.notes().stream().anyMatch(n -> n.contains("restore was rolled back")), s.notes().toString());
        }
        try (var l = Files.list(d)) {
            assertEquals(List.of("reviewdesk.key.json", "reviewdesk.mv.db", "reviewdesk.oplock"),
                    l.map(p -> p.getFileName().toString()).sorted().toList());
        }
    }

    @Test
    void aRestoreStoppedBetweenTheOldVersionsTwoRenamesIsRolledBack() throws Exception {
        Path d = tmp.resolve("s");
        try (Workbench w = Workbench.create(d, TestData.PASSWORD, false)) {
            assertEquals(1, w.cases().list().size());
        }
        Files.move(Store.file(d), d.resolve("reviewdesk.mv.db.before-restore"));
        try (Store s = Store.open(d, TestData.PASSWORD)) {
            assertTrue(s.notes().get(0).contains("rolled back"), s.notes().toString());
            assertEquals(1, s.cases().list().size());
        }
    }

    @Test
    void aPendingSwapIsSettledByWhicheverDerivationOpensTheFile() throws Exception {
        Path d = tmp.resolve("s");
        Store.create(d, TestData.PASSWORD).close();
        StoreKeys.Kdf old = StoreKeys.readHeader(d).current();
        // as if passwd stopped right after the swap: the header still names the old derivation first
        char[] fresh = "the new password here".toCharArray();
        StoreKeys.Kdf next = StoreKeys.Kdf.fresh();
        Store.rekey(d, TestData.PASSWORD, old, fresh, next);
        StoreKeys.writeHeader(d, new StoreKeys.Header(old, List.of(next)));
        assertThrows(StoreException.WrongPassword.class, () -> Store.open(d, TestData.PASSWORD));
        try (Store s = Store.open(d, fresh)) {
            assertTrue(s.notes().stream().anyMatch(n -> n.contains("finished")), s.notes().toString());
        }
        assertEquals(next, StoreKeys.readHeader(d).current());
        assertTrue(StoreKeys.readHeader(d).pending().isEmpty());
    }

    private static String mode(Path p) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }

    @Test
    void aKeyHeaderAskingForMoreMemoryOrWorkThanTheProcessHasIsRefusedInWords() throws Exception {
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        String salt = java.util.Base64.getEncoder().encodeToString(new byte[16]);
        for (String params : new String[] {"\"memoryKiB\": 4000000, \"iterations\": 1",
            "\"memoryKiB\": 65536, \"iterations\": 100"}) {
            var n = json.readTree("{\"kdf\": \"argon2id\", \"salt\": \"" + salt + "\", " + params
                    + ", \"parallelism\": 1}");
            StoreException e = org.junit.jupiter.api.Assertions.assertThrows(StoreException.class,
                    () -> StoreKeys.Kdf.of(n));
            org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().contains("not made by ReviewDesk"),
                    e.getMessage());
        }
        // what ReviewDesk writes is read
        var ours = json.readTree("{\"kdf\": \"argon2id\", \"salt\": \"" + salt + "\", \"memoryKiB\": 19456, "
                + "\"iterations\": 2, \"parallelism\": 1}");
        org.junit.jupiter.api.Assertions.assertEquals(19456, StoreKeys.Kdf.of(ours).memoryKiB());
    }
}
