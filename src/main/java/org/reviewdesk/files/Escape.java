package org.reviewdesk.files;

/**
 * Makes text safe to print: control characters (NUL, ESC, backspace, carriage return, newline, the
 * bidirectional overrides, ...) and lone surrogates become visible escapes such as {@code \u001b}, so
 * input quoted in a message cannot clear the terminal, hide text or forge a second {@code error:} line.
 */
public final class Escape {
    private Escape() {
    }

    /** Every control character escaped, newline and tab included (for one-line messages). */
    public static String controls(String s) {
        if (s == null) {
            return "null";
        }
        StringBuilder b = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean bad = unsafe(c) || (Character.isSurrogate(c) && !pairedAt(s, i));
            if (bad && b == null) {
                b = new StringBuilder(s.length() + 16).append(s, 0, i);
            }
            if (b != null) {
                if (bad) {
                    b.append(String.format("\\u%04x", (int) c));
                } else {
                    b.append(c);
                }
            }
            if (!bad && Character.isHighSurrogate(c) && i + 1 < s.length()) {
                // keep the pair together
                if (b != null) {
                    b.append(s.charAt(i + 1));
                }
                i++;
            }
        }
        return b == null ? s : b.toString();
    }

    /** As {@link #controls} but keeping newlines (for multi-line reports whose lines we built). */
    public static String keepingLines(String s) {
        StringBuilder out = new StringBuilder();
        String[] lines = s.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (i > 0) {
                out.append('\n');
            }
            out.append(controls(lines[i]));
        }
        return out.toString();
    }

    /** Control characters other than tab/newline, DEL, C1 controls, and bidi/format controls that reorder text. */
    public static boolean unsafe(char c) {
        return Character.isISOControl(c) || c == '\u2028' || c == '\u2029'
                || (c >= '\u202a' && c <= '\u202e') || (c >= '\u2066' && c <= '\u2069')
                || c == '\u200e' || c == '\u200f' || c == '\u061c' || c == '\ufeff';
    }

    private static boolean pairedAt(String s, int i) {
        char c = s.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
        }
        return i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
    }
}
