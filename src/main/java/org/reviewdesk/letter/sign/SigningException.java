package org.reviewdesk.letter.sign;

/** Signing or checking a letter failed; the message says what the physician can do about it. */
public class SigningException extends Exception {
    public SigningException(String message) {
        super(message);
    }

    public SigningException(String message, Throwable cause) {
        super(message, cause);
    }
}
