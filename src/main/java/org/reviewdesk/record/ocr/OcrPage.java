package org.reviewdesk.record.ocr;

import java.util.List;

/**
 * The text recognised on one page image: the text (words separated by spaces, lines by newlines, blocks by a
 * blank line), each word's place in it and on the page, the clockwise rotation in degrees (0, 90, 180, 270) that
 * turns the scanned image upright, and the mean word confidence.
 */
public record OcrPage(String text, List<OcrWord> words, int rotation, int confidence) {
    public OcrPage {
        words = List.copyOf(words);
    }
}
