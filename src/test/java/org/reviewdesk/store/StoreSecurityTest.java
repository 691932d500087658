package org.reviewdesk.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reviewdesk.TestData;
import org.reviewdesk.service.Workbench;

class StoreSecurityTest {
    @TempDir
    Path data;

    private static String digest(Path p) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p)));
    }

    private static List<String> folder(Path dir) throws Exception {
        try (var s = Files.list(dir)) {
            // the operation lock is an empty file that stays (it holds nothing)
            return s.map(p -> p.getFileName().toString()).filter(n -> !n.equals("reviewdesk.oplock")).sorted()
                    .toList();
        }
    }

    @Test
    void aWrongPasswordIsRefusedAndTheStoreIsUnchanged() throws Exception {
        try (Workbench w = Workbench.create(data, TestData.PASSWORD, false)) {
            assertEquals(1, w.cases().list().size());
        }
        String before = digest(Store.file(data));
        List<String> filesBefore = folder(data);

        StoreException e = assertThrows(StoreException.WrongPassword.class,
                () -> Store.open(data, "not the password".toCharArray()));
        assertTrue(e.getMessage().contains("password is not correct"), e.getMessage());

        assertEquals(before, digest(Store.file(data)));
        assertEquals(filesBefore, folder(data));
        try (Workbench w = Workbench.open(data, TestData.PASSWORD)) {
            assertEquals(1, w.cases().list().size());
        }
    }

    @Test
    void aPasswordThatOnlySharesAPrefixIsRefused() throws Exception {
        Store.create(data, "secret one two".toCharArray()).close();
        assertThrows(StoreException.WrongPassword.class, () -> Store.open(data, "secret one".toCharArray()));
        assertThrows(StoreException.WrongPassword.class, () -> Store.open(data, "secret one two ".toCharArray()));
    }

    @Test
    void openingAMissingStoreSaysSoAndCreatesNothing() {
        Path missing = data.resolve("nothing-here");
        StoreException e = assertThrows(StoreException.Missing.class, () -> Store.open(missing, TestData.PASSWORD));
        assertTrue(e.getMessage().contains("init"));
        assertFalse(Files.exists(missing));
    }

    @Test
    void creatingOverAnExistingStoreIsRefused() throws Exception {
        Store.create(data, TestData.PASSWORD).close();
        assertThrows(StoreException.AlreadyExists.class, () -> Store.create(data, TestData.PASSWORD));
    }

    @Test
    void aSecondProcessOpeningTheStoreGetsAClearMessageAndTheFileStaysUsable() throws Exception {
        try (Workbench w = Workbench.create(data, TestData.PASSWORD, false)) {
            ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), "org.reviewdesk.app.Main", "--data",
                    data.toString(), "list");
            pb.environment().put("REVIEWDESK_PASSWORD", new String(TestData.PASSWORD));
            pb.redirectOutput(ProcessBuilder.Redirect.DISCARD);
            File err = data.resolveSibling("second-process.err").toFile();
            pb.redirectError(err);
            Process p = pb.start();
            assertTrue(p.waitFor(60, TimeUnit.SECONDS));
            String stderr = Files.readString(err.toPath(), StandardCharsets.UTF_8);
            assertEquals(1, p.exitValue(), stderr);
            assertTrue(stderr.startsWith("error: ") && stderr.contains("open in another ReviewDesk process"), stderr);
            assertEquals(1, w.cases().list().size());
        }
        try (Workbench w = Workbench.open(data, TestData.PASSWORD)) {
            assertEquals("EXAMPLE-0001", w.cases().list().get(0).caseNumber());
        }
    }

    @Test
    void changingThePasswordReEncryptsTheStore() throws Exception {
        try (Workbench w = Workbench.create(data, TestData.PASSWORD, false)) {
            assertEquals(1, w.cases().list().size());
        }
        byte[] before = Files.readAllBytes(Store.file(data));
        char[] fresh = "a brand new password".toCharArray();

        Workbench.changePassword(data, TestData.PASSWORD, fresh);

        assertFalse(java.util.Arrays.equals(before, Files.readAllBytes(Store.file(data))),
                "the file was not re-encrypted");
        assertThrows(StoreException.WrongPassword.class, () -> Store.open(data, TestData.PASSWORD));
        try (Workbench w = Workbench.open(data, fresh)) {
            assertEquals("EXAMPLE-0001", w.cases().list().get(0).caseNumber());
        }
        // (the search index is derived and encrypted with a key from the store's secret, which a new password keeps)
        assertEquals(List.of("reviewdesk.key.json", "reviewdesk.mv.db"),
                folder(data).stream().filter(n -> !n.equals("index")).toList());
    }

    @Test
    void changingThePasswordWithTheWrongOldPasswordChangesNothing() throws Exception {
        Store.create(data, TestData.PASSWORD).close();
        byte[] before = Files.readAllBytes(Store.file(data));
        assertThrows(StoreException.WrongPassword.class,
                () -> Workbench.changePassword(data, "wrong".toCharArray(), "new one, long enough".toCharArray()));
        assertArrayEquals(before, Files.readAllBytes(Store.file(data)));
    }
}
