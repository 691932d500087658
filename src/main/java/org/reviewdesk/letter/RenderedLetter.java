package org.reviewdesk.letter;

/** A rendered letter: the PDF, its page count, and where on the last page the signature goes. */
public record RenderedLetter(byte[] pdf, int pages, SignatureBox signatureBox) {
    /** The free rectangle (PDF points) kept for the visible signature on page {@code page}. */
    public record SignatureBox(int page, float x, float y, float width, float height) {
    }
}
