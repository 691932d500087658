package org.reviewdesk.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.generators.HKDFBytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;
import org.bouncycastle.crypto.params.HKDFParameters;

/**
 * Turns the reviewer's password into the store key, and the store key into H2's file password and
 * into sub-keys for other purposes ({@link #deriveSubkey}).
 *
 * <p>The key derivation is Argon2id with a random per-store salt; salt and parameters live in the
 * header file {@value #HEADER} beside the store (they are not secret). Stores written before the header
 * existed used PBKDF2-SHA256 with one fixed salt ({@link Kdf#LEGACY}); they migrate on their next unlock.
 *
 * <p>The header may list a <em>pending</em> derivation next to the current one while a password change
 * or restore swaps the store file: the file on disk is always either the old one (opens with the current
 * derivation) or the new one (opens with the pending one), and the next unlock settles the header.
 */
public final class StoreKeys {
    /** H2 checks a user password too; the file encryption is what protects the data. */
    static final String USER = "REVIEWDESK";
    static final String USER_PASSWORD = "reviewdesk-store-user";
    /** The header file beside the store. */
    public static final String HEADER = "reviewdesk.key.json";
    static final String FORMAT = "reviewdesk-key/1";
    /** The shortest store password accepted for a new store or a password change. */
    public static final int MIN_PASSWORD_LENGTH = 10;

    private static final byte[] LEGACY_SALT = "org.reviewdesk.store/1".getBytes(StandardCharsets.UTF_8);
    private static final int LEGACY_ITERATIONS = 120_000;
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * How a key is derived: "argon2id" (memory in KiB, iterations, parallelism, salt) or "pbkdf2-legacy".
     * OWASP's minimum for Argon2id is 19 MiB, 2 iterations, 1 lane; see docs/security.md for the measurement.
     */
    public record Kdf(String algorithm, byte[] salt, int memoryKiB, int iterations, int parallelism,
                      byte[] wrappedSecret) {
        public static final Kdf LEGACY = new Kdf("pbkdf2-legacy", LEGACY_SALT, 0, LEGACY_ITERATIONS, 1, null);

        public static Kdf fresh() {
            byte[] salt = new byte[16];
            new SecureRandom().nextBytes(salt);
            return new Kdf("argon2id", salt, 19 * 1024, 2, 1, null);
        }

        /** The same derivation with the store secret wrapped under the key it gives. */
        Kdf withWrappedSecret(byte[] wrapped) {
            return new Kdf(algorithm, salt, memoryKiB, iterations, parallelism, wrapped);
        }

        boolean legacy() {
            return algorithm.equals(LEGACY.algorithm);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Kdf k && k.algorithm.equals(algorithm) && Arrays.equals(k.salt, salt)
                    && k.memoryKiB == memoryKiB && k.iterations == iterations && k.parallelism == parallelism;
        }

        @Override
        public int hashCode() {
            return algorithm.hashCode() * 31 + Arrays.hashCode(salt);
        }

        @Override
        public String toString() {
            return algorithm + (legacy() ? "" : " m=" + memoryKiB + "KiB t=" + iterations + " p=" + parallelism);
        }

        ObjectNode json() {
            ObjectNode n = JSON.createObjectNode();
            n.put("kdf", algorithm);
            if (!legacy()) {
                n.put("salt", Base64.getEncoder().encodeToString(salt));
                n.put("memoryKiB", memoryKiB);
                n.put("iterations", iterations);
                n.put("parallelism", parallelism);
            }
            if (wrappedSecret != null) {
                n.put("secret", Base64.getEncoder().encodeToString(wrappedSecret));
            }
            return n;
        }

        /** The most memory times passes a key header may ask for (KiB): 1 GiB once, 256 MiB four times. */
        static final long MAX_WORK_KIB = 1L << 20;

        static Kdf of(JsonNode n) throws StoreException {
            String alg = n.path("kdf").asText("");
            byte[] wrapped = null;
            try {
                wrapped = n.hasNonNull("secret") ? Base64.getDecoder().decode(n.path("secret").asText()) : null;
            } catch (IllegalArgumentException e) {
                throw new StoreException("The store's key header is damaged (secret is not Base64).", e);
            }
            if (alg.equals(LEGACY.algorithm)) {
                return LEGACY.withWrappedSecret(wrapped);
            }
            if (!alg.equals("argon2id")) {
                throw new StoreException("The store's key header names an unknown key derivation \"" + alg
                        + "\"; this version of ReviewDesk cannot open it.");
            }
            try {
                byte[] salt = Base64.getDecoder().decode(n.path("salt").asText(""));
                int m = n.path("memoryKiB").asInt(0);
                int t = n.path("iterations").asInt(0);
                int p = n.path("parallelism").asInt(0);
                if (salt.length < 16 || m < 8 * 1024 || m > 4 * 1024 * 1024 || t < 1 || t > 100 || p < 1 || p > 16) {
                    throw new StoreException("The store's key header is damaged (salt or parameters out of range).");
                }
                // a header from elsewhere (a backup's) may ask for more memory than this process has, or for
                // minutes of work: refused with words instead of an OutOfMemoryError or a hang
                long bytes = m * 1024L;
                if (bytes > Runtime.getRuntime().maxMemory() / 4 * 3 || (long) m * t > MAX_WORK_KIB) {
                    throw new StoreException("The store's key header asks for " + (bytes >> 20) + " MB of memory and "
                            + t + " passes to derive the key, far more than ReviewDesk uses (19 MB, 2 passes) or "
                            + "this process can give: it was not made by ReviewDesk, or it is damaged.");
                }
                return new Kdf(alg, salt, m, t, p, wrapped);
            } catch (IllegalArgumentException e) {
                throw new StoreException("The store's key header is damaged (salt is not Base64).", e);
            }
        }
    }

    /** The header: the derivation that opens the store, and any pending one of an interrupted swap. */
    record Header(Kdf current, List<Kdf> pending) {
        List<Kdf> candidates() {
            List<Kdf> all = new ArrayList<>();
            all.add(current);
            for (Kdf k : pending) {
                if (!all.contains(k)) {
                    all.add(k);
                }
            }
            return all;
        }
    }

    private StoreKeys() {
    }

    /** The header beside the store; a store without one is a legacy store. */
    static Header readHeader(Path dir) throws StoreException {
        Path f = dir.resolve(HEADER);
        if (!Files.exists(f)) {
            return new Header(Kdf.LEGACY, List.of());
        }
        try {
            JsonNode root = JSON.readTree(Files.readAllBytes(f));
            if (root == null || !FORMAT.equals(root.path("format").asText())) {
                throw new StoreException("The store's key header " + f.getFileName() + " is damaged; restore it "
                        + "from a backup (it holds no secret).");
            }
            List<Kdf> pending = new ArrayList<>();
            for (JsonNode p : root.path("pending")) {
                pending.add(Kdf.of(p));
            }
            return new Header(Kdf.of(root.path("current")), pending);
        } catch (IOException e) {
            throw new StoreException("The store's key header " + f.getFileName() + " cannot be read: "
                    + e.getMessage(), e);
        }
    }

    /** Writes the header atomically (temporary name, flushed, renamed), owner-only. */
    static void writeHeader(Path dir, Header h) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", FORMAT);
        root.set("current", h.current().json());
        if (!h.pending().isEmpty()) {
            ArrayNode a = root.putArray("pending");
            h.pending().forEach(k -> a.add(k.json()));
        }
        org.reviewdesk.files.PrivateFiles.writeAtomically(dir.resolve(HEADER),
                JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(root));
    }

    /** The 32-byte store key for {@code password} under {@code kdf}. */
    static byte[] storeKey(char[] password, Kdf kdf) {
        if (kdf.legacy()) {
            try {
                PBEKeySpec spec = new PBEKeySpec(password, LEGACY_SALT, LEGACY_ITERATIONS, 256);
                byte[] key = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
                spec.clearPassword();
                return key;
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("PBKDF2 is not available in this Java runtime", e);
            }
        }
        Argon2BytesGenerator g = new Argon2BytesGenerator();
        g.init(new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id).withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withSalt(kdf.salt()).withMemoryAsKB(kdf.memoryKiB()).withIterations(kdf.iterations())
                .withParallelism(kdf.parallelism()).build());
        byte[] out = new byte[32];
        g.generateBytes(password, out);
        return out;
    }

    /**
     * A sub-key of a key for one purpose (HKDF-SHA256, the purpose as "info"): the audit log's
     * HMAC key ("audit-hmac"), the search index key, and so on. Different purposes give unrelated keys,
     * and a sub-key does not reveal the store key.
     */
    static byte[] deriveSubkey(byte[] storeKey, String purpose) {
        if (purpose == null || purpose.isBlank()) {
            throw new IllegalArgumentException("a sub-key needs a purpose");
        }
        HKDFBytesGenerator h = new HKDFBytesGenerator(new SHA256Digest());
        h.init(new HKDFParameters(storeKey, "org.reviewdesk.store/subkey".getBytes(StandardCharsets.UTF_8),
                purpose.getBytes(StandardCharsets.UTF_8)));
        byte[] out = new byte[32];
        h.generateBytes(out, 0, out.length);
        return out;
    }

    /**
     * The store secret: 32 random bytes made when the store is created, kept in the header wrapped
     * (AES-256-GCM) under the password-derived store key. Sub-keys come from it, so they stay the same
     * when the password changes (the audit chain keeps verifying); only someone with the password can
     * unwrap it.
     */
    static byte[] newSecret() {
        byte[] b = new byte[32];
        new SecureRandom().nextBytes(b);
        return b;
    }

    static byte[] wrap(byte[] secret, byte[] storeKey) {
        try {
            byte[] nonce = new byte[12];
            new SecureRandom().nextBytes(nonce);
            javax.crypto.Cipher c = javax.crypto.Cipher.getInstance("AES/GCM/NoPadding");
            c.init(javax.crypto.Cipher.ENCRYPT_MODE, new javax.crypto.spec.SecretKeySpec(wrapKey(storeKey), "AES"),
                    new javax.crypto.spec.GCMParameterSpec(128, nonce));
            c.updateAAD(WRAP_AAD);
            byte[] ct = c.doFinal(secret);
            byte[] out = new byte[12 + ct.length];
            System.arraycopy(nonce, 0, out, 0, 12);
            System.arraycopy(ct, 0, out, 12, ct.length);
            return out;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every Java runtime", e);
        }
    }

    static byte[] unwrap(byte[] wrapped, byte[] storeKey) throws StoreException {
        try {
            javax.crypto.Cipher c = javax.crypto.Cipher.getInstance("AES/GCM/NoPadding");
            c.init(javax.crypto.Cipher.DECRYPT_MODE, new javax.crypto.spec.SecretKeySpec(wrapKey(storeKey), "AES"),
                    new javax.crypto.spec.GCMParameterSpec(128, wrapped, 0, 12));
            c.updateAAD(WRAP_AAD);
            return c.doFinal(wrapped, 12, wrapped.length - 12);
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new StoreException("The store's key header does not belong to this store file (its secret "
                    + "cannot be unwrapped); restore the header from a backup.", e);
        }
    }

    private static final byte[] WRAP_AAD = "reviewdesk-secret/1".getBytes(StandardCharsets.UTF_8);

    private static byte[] wrapKey(byte[] storeKey) {
        return deriveSubkey(storeKey, "wrap-store-secret");
    }

    /** H2's file password for a store key: hex, because H2 splits "file user" passwords at a space. */
    static String filePassword(byte[] storeKey) {
        // Legacy stores used the raw PBKDF2 output as the file password, so this stays the same for them.
        return HexFormat.of().formatHex(storeKey);
    }

    /** The password argument H2 expects: "filePassword userPassword". */
    static char[] h2Password(byte[] storeKey) {
        return (filePassword(storeKey) + " " + USER_PASSWORD).toCharArray();
    }

    /** Refuses a new store password that is too short. */
    static void checkNewPassword(char[] password) throws StoreException {
        if (password == null || password.length == 0) {
            throw new StoreException("The store password must not be empty.");
        }
        if (password.length < MIN_PASSWORD_LENGTH || new String(password).isBlank()) {
            throw new StoreException("The store password must be at least " + MIN_PASSWORD_LENGTH
                    + " characters long (a passphrase of a few words is easiest to remember).");
        }
    }
}
