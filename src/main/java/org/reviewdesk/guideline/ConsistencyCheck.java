package org.reviewdesk.guideline;

import java.util.Objects;

/**
 * One finding of the consistency checker. {@code key} is stable per kind of finding (plus a
 * suffix where one item can have several), so an acknowledgement can be remembered.
 */
public record ConsistencyCheck(String key, Severity severity, String message, boolean acknowledgeable) {

    /** How much a finding matters before signing. */
    public enum Severity {
        /** Must be fixed before the letter is signed. */
        ERROR,
        /** Should be fixed or acknowledged. */
        WARNING,
        /** For the reviewer's information. */
        INFO
    }

    public ConsistencyCheck {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(message, "message");
    }
}
