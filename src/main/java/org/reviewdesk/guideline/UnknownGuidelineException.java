package org.reviewdesk.guideline;

/** A citation that names a guideline id, guideline name or section the library does not have. */
public final class UnknownGuidelineException extends RuntimeException {
    public UnknownGuidelineException(String message) {
        super(message);
    }
}
