package org.reviewdesk.letter.sign;

/**
 * What the visible signature block says and where it goes: page (1-based) and rectangle in PDF points,
 * origin at the page's lower left, as reserved by the letter layout.
 */
public record SignatureAppearance(String signerName, String reason, String location, int page,
                                  float x, float y, float width, float height) {
    /** The reason every determination letter is signed for. */
    public static final String DEFAULT_REASON = "IMR final determination";

    /** Blank reason becomes {@link #DEFAULT_REASON}; blank location becomes null (not shown). */
    public SignatureAppearance {
        if (signerName == null || signerName.isBlank()) {
            throw new IllegalArgumentException("signerName is required");
        }
        if (page < 1) {
            throw new IllegalArgumentException("page is 1-based, got " + page);
        }
        if (!(width > 0 && height > 0) || !Float.isFinite(x) || !Float.isFinite(y)) {
            throw new IllegalArgumentException("rectangle needs a finite position and a positive size");
        }
        signerName = signerName.strip();
        reason = reason == null || reason.isBlank() ? DEFAULT_REASON : reason.strip();
        location = location == null || location.isBlank() ? null : location.strip();
    }

    /** The default reason, no location. */
    public static SignatureAppearance of(String signerName, int page, float x, float y, float width,
                                         float height) {
        return new SignatureAppearance(signerName, DEFAULT_REASON, null, page, x, y, width, height);
    }

    /** The same block with a location line, e.g. the reviewer's city. */
    public SignatureAppearance withLocation(String newLocation) {
        return new SignatureAppearance(signerName, reason, newLocation, page, x, y, width, height);
    }
}
