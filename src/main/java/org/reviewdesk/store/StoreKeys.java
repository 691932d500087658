package org.reviewdesk.store;

import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Turns the reviewer's password into H2's file password. H2 splits "file user" passwords at the
 * first space, so the reviewer's password (which may contain spaces) is stretched into hex first.
 */
final class StoreKeys {
    /** H2 checks a user password too; the file encryption is what protects the data. */
    static final String USER = "REVIEWDESK";
    static final String USER_PASSWORD = "reviewdesk-store-user";

    private static final byte[] SALT = "org.reviewdesk.store/1".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    private static final int ITERATIONS = 120_000;

    private StoreKeys() {
    }

    static String filePassword(char[] password) {
        try {
            PBEKeySpec spec = new PBEKeySpec(password, SALT, ITERATIONS, 256);
            byte[] key = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
            spec.clearPassword();
            return HexFormat.of().formatHex(key);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2 is not available in this Java runtime", e);
        }
    }

    /** The password argument H2 expects: "filePassword userPassword". */
    static char[] h2Password(char[] password) {
        return (filePassword(password) + " " + USER_PASSWORD).toCharArray();
    }
}
