package org.reviewdesk.record;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Year;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Finds the date a record page is about: a labelled date of service if there is one, else its first date. */
final class DateSuggestion {
    private static final String MONTH = "(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?"
            + "|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?";
    // groups: 1-3 m/d/y, 4-6 y-m-d, 7-9 "Month d, y", 10-12 "d Month y"
    private static final Pattern DATE = Pattern.compile(
            "(?<![\\d/-])(\\d{1,2})[/-](\\d{1,2})[/-](\\d{4}|\\d{2})(?![\\d/-])"
            + "|(?<![\\d-])(\\d{4})-(\\d{1,2})-(\\d{1,2})(?![\\d-])"
            + "|\\b" + MONTH + "\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})\\b"
            + "|\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+" + MONTH + ",?\\s+(\\d{4})\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern LABEL = Pattern.compile(
            "\\b(?:date\\s+of\\s+(?:service|visit|exam(?:ination)?|evaluation|report|determination|decision)"
            + "|(?:service|visit|exam|examination|evaluation|report|determination)\\s+date|DOS)\\b",
            Pattern.CASE_INSENSITIVE);
    // what may stand between a label and its date: "Date of visit: 01/19/2015", "DOS - 1/19/15"
    private static final Pattern LABEL_GAP = Pattern.compile("[\\s:#.,)(\\-–]*");
    // dates that say when something else happened, not what the document is about
    private static final Pattern OTHER_DATE = Pattern.compile(
            "\\b(?:DOB|D\\.O\\.B|birth|born|DOI|D\\.O\\.I|injury|DOR|received|printed|faxed)\\b[^\\n]{0,25}$",
            Pattern.CASE_INSENSITIVE);
    private static final int LABEL_REACH = 40;

    private DateSuggestion() {
    }

    /** The suggested date, or null when the text holds no plausible date. */
    static LocalDate find(String text) {
        char[] chars = text.toCharArray();
        // every label holds "date" or "dos" (its letters match ASCII letters only, ignoring case)
        boolean labelled = holdsLabelWord(chars);
        Matcher label = LABEL.matcher(text);
        while (labelled && label.find()) {
            Matcher m = DATE.matcher(text).region(label.end(), Math.min(text.length(), label.end() + LABEL_REACH));
            if (m.find() && LABEL_GAP.matcher(text.substring(label.end(), m.start())).matches()) {
                LocalDate d = toDate(m);
                if (d != null) {
                    return d;
                }
            }
        }
        // the first plausible date: as DATE.matcher(text).find() in a loop, but tried only where a date can
        // begin (a digit after a non-digit, a month's first letter at a word's start): the same matches, without
        // trying the four alternatives at every character of the page
        Matcher m = DATE.matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
        int n = text.length();
        int from = 0;
        while (from < n) {
            int pos = nextStart(chars, from);
            if (pos < 0) {
                break;
            }
            m.region(pos, n);
            if (!m.lookingAt()) {
                from = pos + 1;
                continue;
            }
            LocalDate d = toDate(m);
            if (d != null && !OTHER_DATE.matcher(text.substring(Math.max(0, m.start() - 40), m.start())).find()) {
                return d;
            }
            from = Math.max(m.end(), pos + 1);
        }
        return null;
    }

    /**
     * The first position from {@code from} where DATE may match: every alternative starts with an ASCII digit
     * not preceded by a digit (the look-behinds and the word boundary) or with a month's first letter not preceded
     * by an ASCII letter or digit (the word boundary).
     */
    private static int nextStart(char[] text, int from) {
        for (int i = from; i < text.length; i++) {
            char c = text[i];
            char before = i == 0 ? ' ' : text[i - 1];
            if (c >= '0' && c <= '9') {
                if (!(before >= '0' && before <= '9')) {
                    return i;
                }
            } else if (c < 128 && MONTH_START[c] && !(before >= '0' && before <= '9' || before >= 'a' && before <= 'z'
                    || before >= 'A' && before <= 'Z') && monthAt(text, i)) {
                return i;
            }
        }
        return -1;
    }

    private static final String[] MONTH_PREFIXES = {"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep",
        "oct", "nov", "dec"};

    /** Whether a month's first three letters (ASCII, any case: as the pattern matches them) start at {@code i}. */
    private static boolean monthAt(char[] text, int i) {
        if (i + 3 > text.length) {
            return false;
        }
        for (String m : MONTH_PREFIXES) {
            if ((text[i] | 0x20) == m.charAt(0) && (text[i + 1] | 0x20) == m.charAt(1)
                    && (text[i + 2] | 0x20) == m.charAt(2)) {
                return true;
            }
        }
        return false;
    }

    /** Whether "date" or "dos" occurs (ASCII letters, any case), which every label holds. */
    private static boolean holdsLabelWord(char[] t) {
        for (int i = 0; i + 3 <= t.length; i++) {
            if ((t[i] | 0x20) == 'd' && ((t[i + 1] | 0x20) == 'o' && (t[i + 2] | 0x20) == 's'
                    || i + 4 <= t.length && (t[i + 1] | 0x20) == 'a' && (t[i + 2] | 0x20) == 't'
                    && (t[i + 3] | 0x20) == 'e')) {
                return true;
            }
        }
        return false;
    }

    /** The first letters of months, either case. */
    private static final boolean[] MONTH_START = new boolean[128];

    static {
        for (char c : "jfmasondJFMASOND".toCharArray()) {
            MONTH_START[c] = true;
        }
    }

    private static LocalDate toDate(Matcher m) {
        try {
            if (m.group(1) != null) {
                return plausible(year(m.group(3)), num(m.group(1)), num(m.group(2)));
            }
            if (m.group(4) != null) {
                return plausible(num(m.group(4)), num(m.group(5)), num(m.group(6)));
            }
            if (m.group(7) != null) {
                return plausible(num(m.group(9)), month(m.group(7)), num(m.group(8)));
            }
            return plausible(num(m.group(12)), month(m.group(11)), num(m.group(10)));
        } catch (DateTimeException e) {
            return null; // 02/30/2015 and the like: not a date
        }
    }

    private static LocalDate plausible(int year, int month, int day) {
        LocalDate d = LocalDate.of(year, month, day);
        return year >= 1900 && year <= Year.now().getValue() + 1 ? d : null;
    }

    /** Two-digit years: 15 is 2015, but 98 is 1998 (a year beyond next year is in the last century). */
    private static int year(String y) {
        int v = num(y);
        if (y.length() == 2) {
            v += 2000;
            if (v > Year.now().getValue() + 1) {
                v -= 100;
            }
        }
        return v;
    }

    private static int month(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        String[] prefixes = {"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"};
        for (int i = 0; i < prefixes.length; i++) {
            if (n.startsWith(prefixes[i])) {
                return i + 1;
            }
        }
        throw new DateTimeException("no month: " + name);
    }

    private static int num(String s) {
        return Integer.parseInt(s);
    }
}
