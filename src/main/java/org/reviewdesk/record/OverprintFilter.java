package org.reviewdesk.record;

import org.apache.pdfbox.text.TextPosition;

/**
 * Spots glyphs drawn again over themselves (a "fake bold": the same text drawn twice, slightly shifted), so
 * that text reads "Diagnosis" and not "DDiiaaggnnoossiiss". PDFBox's own check looks every glyph up in sorted
 * maps and halves extraction speed; text drawn in reading order never moves back, so only a glyph that moves
 * back (left on its line, or up the page) is compared with the glyphs just before it.
 */
final class OverprintFilter {
    private static final int WINDOW = 256;

    private final TextPosition[] recent = new TextPosition[WINDOW];
    private int count;
    private int next;
    private float lineY = Float.NaN;
    private float lineEndX;

    void startPage() {
        java.util.Arrays.fill(recent, null);
        count = 0;
        next = 0;
        lineY = Float.NaN;
    }

    /** True when {@code t} repeats a glyph just drawn at (nearly) the same place; else remembers it. */
    boolean isRepeat(TextPosition t) {
        float x = t.getX();
        float y = t.getY();
        boolean sameLine = Math.abs(y - lineY) <= Math.max(1f, t.getHeight() / 2);
        boolean movedBack = sameLine ? x < lineEndX - tolerance(t) : y < lineY;
        if (movedBack && repeatsRecent(t)) {
            return true;
        }
        if (sameLine) {
            lineEndX = Math.max(lineEndX, x + t.getWidth());
        } else {
            lineY = y;
            lineEndX = x + t.getWidth();
        }
        recent[next] = t;
        next = (next + 1) % WINDOW;
        count = Math.min(count + 1, WINDOW);
        return false;
    }

    private boolean repeatsRecent(TextPosition t) {
        float tol = tolerance(t);
        String unicode = t.getUnicode();
        for (int i = 0; i < count; i++) {
            TextPosition r = recent[(next - 1 - i + WINDOW) % WINDOW];
            if (Math.abs(r.getX() - t.getX()) <= tol && Math.abs(r.getY() - t.getY()) <= tol
                    && r.getUnicode().equals(unicode)) {
                return true;
            }
        }
        return false;
    }

    /** The same tolerance as PDFBox's duplicate check: a third of the glyph's width. */
    private static float tolerance(TextPosition t) {
        return t.getWidth() / Math.max(1, t.getUnicode().length()) / 3f;
    }
}
