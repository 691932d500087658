package org.reviewdesk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reviewdesk.TestData;
import org.reviewdesk.letter.sign.SelfSignedIdentity;

/** letter, keygen and verify as a user runs them. */
class LetterCommandLineTest {
    @TempDir
    Path tmp;

    record Run(int status, String out, String err) {
    }

    private Run run(Map<String, String> env, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "org.reviewdesk.app.Main"));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().keySet().removeIf(k -> k.startsWith("REVIEWDESK_"));
        pb.environment().putAll(env);
        Path out = Files.createTempFile(tmp, "out", ".txt");
        Path err = Files.createTempFile(tmp, "err", ".txt");
        pb.redirectOutput(out.toFile()).redirectError(err.toFile());
        pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        Process p = pb.start();
        assertTrue(p.waitFor(90, TimeUnit.SECONDS));
        return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    private static Map<String, String> env(String... kv) {
        Map<String, String> m = new HashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }

    @Test
    void aCaseFileIsRenderedSignedWithAKeystoreAndVerified() throws Exception {
        Path key = tmp.resolve("reviewer.p12");
        Run keygen = run(env("REVIEWDESK_KEY_PASSWORD", "kpw"), "keygen", "--name", "Reviewer 4711", "--out",
                key.toString());
        assertEquals(0, keygen.status(), keygen.err());

        Path unsigned = tmp.resolve("unsigned.pdf");
        assertEquals(0, run(env(), "letter", "--case", TestData.seedCase().toString(), "--out",
                unsigned.toString()).status());
        Run noSignature = run(env(), "verify", unsigned.toString());
        assertEquals(1, noSignature.status());
        assertTrue(noSignature.err().startsWith("error: the file carries no signature"), noSignature.err());

        Path signed = tmp.resolve("signed.pdf");
        Run letter = run(env("REVIEWDESK_KEY_PASSWORD", "kpw"), "letter", "--case", TestData.seedCase().toString(),
                "--out", signed.toString(), "--sign", "--keystore", key.toString());
        assertEquals(0, letter.status(), letter.err());
        // finding 2: anyone can make a self-signed "Reviewer 4711"; intact, but not VALID without trust
        Run untrusted = run(env(), "verify", signed.toString());
        assertEquals(1, untrusted.status(), untrusted.err());
        assertTrue(untrusted.out().contains("Signature ReviewerSignature: INTACT, SIGNER NOT TRUSTED"),
                untrusted.out());
        java.security.KeyStore ks = java.security.KeyStore.getInstance("PKCS12");
        ks.load(new java.io.ByteArrayInputStream(Files.readAllBytes(key)), "kpw".toCharArray());
        java.security.cert.X509Certificate cert = (java.security.cert.X509Certificate) ks.getCertificate(
                ks.aliases().nextElement());
        String fp = java.util.HexFormat.ofDelimiter(":").withUpperCase().formatHex(
                java.security.MessageDigest.getInstance("SHA-256").digest(cert.getEncoded()));
        assertTrue(untrusted.out().contains("Certificate SHA-256 fingerprint: " + fp), untrusted.out());
        assertTrue(untrusted.err().startsWith("error: the signature is intact but its signer is not trusted "
                + "(certificate SHA-256 " + fp + ")"), untrusted.err());
        assertEquals(1, untrusted.err().lines().count(), untrusted.err());
        Path cer = Files.write(tmp.resolve("reviewer.cer"), cert.getEncoded());
        Run verify = run(env(), "verify", signed.toString(), "--trust", cer.toString());
        assertEquals(0, verify.status(), verify.err());
        assertTrue(verify.out().contains("Signature ReviewerSignature: VALID"), verify.out());
        assertTrue(verify.out().contains("Signer trusted: yes"), verify.out());
        assertTrue(verify.out().contains("Signer: Reviewer 4711"), verify.out());
        assertTrue(verify.out().contains("Covers the whole document: yes"), verify.out());

        byte[] bytes = Files.readAllBytes(signed);
        int at = new String(bytes, StandardCharsets.ISO_8859_1).indexOf("/Title");
        assertTrue(at > 0);
        bytes[at + 1] = 't';
        Path tampered = Files.write(tmp.resolve("tampered.pdf"), bytes);
        Run bad = run(env(), "verify", tampered.toString(), "--trust", cer.toString());
        assertEquals(1, bad.status(), bad.out());
        assertTrue(bad.out().contains("INVALID"), bad.out());
    }

    @Test
    void keystoreProblemsGiveAClearError() throws Exception {
        Path key = tmp.resolve("k.p12");
        Files.write(key, SelfSignedIdentity.create("Dr. A", Period.ofYears(1), "right".toCharArray()));
        Run wrong = run(env("REVIEWDESK_KEY_PASSWORD", "wrong"), "letter", "--case", TestData.seedCase().toString(),
                "--out", tmp.resolve("x.pdf").toString(), "--sign", "--keystore", key.toString());
        assertEquals(1, wrong.status());
        assertEquals("error: The keystore password is not correct.\n", wrong.err());
        assertTrue(Files.notExists(tmp.resolve("x.pdf")));

        Path old = tmp.resolve("old.p12");
        Clock past = Clock.fixed(Instant.parse("2020-01-01T00:00:00Z"), ZoneOffset.UTC);
        Files.write(old, SelfSignedIdentity.create("Dr. Old", Period.ofYears(1), "pw".toCharArray(), past));
        Run expired = run(env("REVIEWDESK_KEY_PASSWORD", "pw"), "letter", "--case", TestData.seedCase().toString(),
                "--out", tmp.resolve("y.pdf").toString(), "--sign", "--keystore", old.toString());
        assertEquals(1, expired.status());
        assertTrue(expired.err().startsWith("error: The signing certificate expired on 2021-01-01"), expired.err());
    }

    @Test
    void aStoredCaseIsSignedWithTheStoresIdentityAndAnIncompleteOneIsRefused() throws Exception {
        String data = tmp.resolve("data").toString();
        Map<String, String> pw = env("REVIEWDESK_PASSWORD", "password one");
        assertEquals(0, run(pw, "--data", data, "init").status());
        Run keygen = run(pw, "--data", data, "keygen", "--name", "Reviewer 4711", "--store");
        assertEquals(0, keygen.status(), keygen.err());
        Path out = tmp.resolve("EXAMPLE-0001.pdf");
        Run signed = run(pw, "--data", data, "letter", "EXAMPLE-0001", "--out", out.toString(), "--sign");
        assertEquals(0, signed.status(), signed.err());
        // the store's own identity is trusted on creation: VALID with the store's trust list
        Run mine = run(pw, "--data", data, "verify", out.toString());
        assertEquals(0, mine.status(), mine.out() + mine.err());
        assertTrue(mine.out().contains("Audit head at signing: "), mine.out());
        // without the store (a recipient), the same letter is intact but its signer unknown
        assertEquals(1, run(env(), "--data", tmp.resolve("nostore").toString(), "verify", out.toString()).status());

        Path incomplete = Files.writeString(tmp.resolve("incomplete.json"), """
                {"format": "reviewdesk-case/1", "caseNumber": "CM99-0000009",
                 "reviewer": {"licensure": ["California"], "specialties": ["Orthopedic Surgery"]},
                 "clinicalSummary": "Summary.",
                 "items": [{"request": "Lumbar MRI", "reviewerGuideline": "Decision based on MTUS."}]}""");
        assertEquals(0, run(pw, "--data", data, "import", incomplete.toString()).status());
        Run refused = run(pw, "--data", data, "letter", "CM99-0000009", "--out", tmp.resolve("z.pdf").toString(),
                "--sign");
        assertEquals(1, refused.status());
        assertEquals("error: The letter cannot be signed yet: Item 1 (Lumbar MRI): no decision (Upheld or "
                + "Overturned). Item 1 (Lumbar MRI): the decision rationale is empty.\n", refused.err());
        assertTrue(Files.notExists(tmp.resolve("z.pdf")));
    }
}
