package org.reviewdesk.letter.sign;

import com.itextpdf.signatures.ITSAClient;
import com.itextpdf.signatures.TSAClientBouncyCastle;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;

/**
 * iText's RFC 3161 client, with its failures marked so the signer can tell "the time-stamp server
 * failed" from "the letter could not be signed" (iText wraps both in the same exception types).
 */
final class GuardedTsaClient implements ITSAClient {
    private final TSAClientBouncyCastle client;

    GuardedTsaClient(String url) {
        this.client = new TSAClientBouncyCastle(url);
    }

    @Override
    public int getTokenSizeEstimate() {
        return client.getTokenSizeEstimate();
    }

    @Override
    public MessageDigest getMessageDigest() throws GeneralSecurityException {
        return client.getMessageDigest();
    }

    @Override
    public byte[] getTimeStampToken(byte[] imprint) throws Exception {
        try {
            return client.getTimeStampToken(imprint);
        } catch (Exception e) {
            String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            throw new Failure(message, e);
        }
    }

    /** Finds a time-stamp failure anywhere in a cause chain, or null. */
    static Failure in(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            if (t instanceof Failure failure) {
                return failure;
            }
        }
        return null;
    }

    /** The time-stamp server could not be reached or gave no valid token. */
    static final class Failure extends Exception {
        Failure(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
