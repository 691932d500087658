package org.reviewdesk.store;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Keys for the encrypted files kept next to the store (the search index, backup chunks), each derived
 * from the store's key material for one purpose, so that no two uses share a key and none of them is the
 * store's own key. HMAC-SHA256(storeKey, "reviewdesk/" + purpose): a one-block HKDF-Expand.
 * This is the single place to point at another key schedule (a per-store salt, Argon2id) later.
 */
public final class ContentKeys {
    /** The search index's files (AES-256-GCM blocks). */
    public static final String SEARCH_INDEX = "search-index/v1";
    /** The content chunks of incremental backups. */
    public static final String BACKUP_CHUNKS = "backup-chunks/v1";

    private ContentKeys() {
    }

    /** A 256-bit key for {@code purpose}, derived from the store's key material. */
    static byte[] derive(byte[] storeKeyMaterial, String purpose) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(storeKeyMaterial, "HmacSHA256"));
            mac.update(("reviewdesk/" + purpose).getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 1);
            return mac.doFinal();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available in this Java runtime", e);
        }
    }
}
