package org.reviewdesk.record.ocr;

/**
 * One recognised word: where it starts in the page's text ({@code start}, {@code length} characters) and its
 * box on the upright page as fractions of the page's width and height (0..1), with Tesseract's confidence (0..100).
 */
public record OcrWord(int start, int length, float x, float y, float w, float h, int confidence) {
    public int end() {
        return start + length;
    }
}
