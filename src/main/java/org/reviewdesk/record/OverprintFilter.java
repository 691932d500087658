package org.reviewdesk.record;

/**
 * Spots glyphs drawn again over themselves (a "fake bold": the same text drawn twice, slightly shifted), so
 * that text reads "Diagnosis" and not "DDiiaaggnnoossiiss". PDFBox's own check looks every glyph up in sorted
 * maps and halves extraction speed; text drawn in reading order never moves back, so only a glyph that moves
 * back (left on its line, or up the page) is compared with the glyphs just before it.
 */
final class OverprintFilter {
    private static final int WINDOW = 256;

    private final float[] recentX = new float[WINDOW];
    private final float[] recentY = new float[WINDOW];
    private final String[] recentText = new String[WINDOW];
    private int count;
    private int next;
    private float lineY = Float.NaN;
    private float lineEndX;

    void startPage() {
        java.util.Arrays.fill(recentText, null);
        count = 0;
        next = 0;
        lineY = Float.NaN;
    }

    /**
     * True when the glyph ({@code unicode} at {@code x, y}, of that size, as its TextPosition reports them: they are
     * computed on every call there, so the caller reads them once) repeats a glyph just drawn at (nearly) the same
     * place; else remembers it.
     */
    boolean isRepeat(String unicode, float x, float y, float width, float height) {
        // the same tolerance as PDFBox's duplicate check: a third of the glyph's width
        float tol = width / Math.max(1, unicode.length()) / 3f;
        boolean sameLine = Math.abs(y - lineY) <= Math.max(1f, height / 2);
        boolean movedBack = sameLine ? x < lineEndX - tol : y < lineY;
        if (movedBack && repeatsRecent(unicode, x, y, tol)) {
            return true;
        }
        if (sameLine) {
            lineEndX = Math.max(lineEndX, x + width);
        } else {
            lineY = y;
            lineEndX = x + width;
        }
        recentX[next] = x;
        recentY[next] = y;
        recentText[next] = unicode;
        next = (next + 1) % WINDOW;
        count = Math.min(count + 1, WINDOW);
        return false;
    }

    private boolean repeatsRecent(String unicode, float x, float y, float tol) {
        for (int i = 0; i < count; i++) {
            int k = (next - 1 - i + WINDOW) % WINDOW;
            if (Math.abs(recentX[k] - x) <= tol && Math.abs(recentY[k] - y) <= tol
                    && recentText[k].equals(unicode)) {
                return true;
            }
        }
        return false;
    }
}
