package org.reviewdesk.record;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits one record file (often a combined, faxed packet) into its documents by page evidence: "Page 1 of N"
 * starts a document and "Page 3 of N" continues one; a fax cover, a heading that names a document kind, a new
 * date of service or a new provider start one. Each document gets its kind, date and author from its first page.
 */
public final class Chronology {
    /** A document inside a file: pages {@code firstPage..lastPage} (1-based), kind key, date, author, title. */
    public record Part(int firstPage, int lastPage, String kind, LocalDate date, String author, String title) {
        public int pages() {
            return lastPage - firstPage + 1;
        }
    }

    private static final Pattern PAGE_OF = Pattern.compile("\\bpage\\s+(\\d{1,3})\\s+of\\s+(\\d{1,3})\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern FAX_COVER = Pattern.compile("\\bfax\\b.{0,40}\\bcover\\b|\\bcover\\s+sheet\\b"
            + "|\\bfacsimile\\s+transmittal\\b", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern DATE_OF_SERVICE = Pattern.compile("(?:date\\s+of\\s+(?:service|visit|exam(?:ination)?"
            + "|report)|\\bDOS\\b|visit\\s+date|exam\\s+date)[\\s:#.]*([0-9]{1,2}/[0-9]{1,2}/[0-9]{2,4}|[A-Z][a-z]+"
            + "\\.? \\d{1,2},? \\d{4})", Pattern.CASE_INSENSITIVE);
    private static final Pattern AUTHOR = Pattern.compile("\\b(?i:provider|physician|therapist|author|radiologist"
            + "|electronically\\s+signed\\s+by|signed\\s+by|dictated\\s+by|treating\\s+physician)\\s*[:\\-]?[ \\t]*"
            + "((?:Dr\\.?\\s+)?[A-Z][A-Za-z.'\\-]+(?:[ \\t]+[A-Z][A-Za-z.'\\-]+){0,3}(?:,[ \\t]*(?:MD|DO|PT|DC|PA-C|NP"
            + "|DPT|M\\.D\\.))?)");
    /** The title lines of a document's first page (title, date, provider) that name its kind. */
    private static final int HEADING_LINES = 3;

    private Chronology() {
    }

    /** The documents of a file whose pages read {@code pages} (page 1 first). */
    public static List<Part> split(List<String> pages) {
        List<Part> out = new ArrayList<>();
        if (pages.isEmpty()) {
            return out;
        }
        // each page's date of service, author and fax cover are looked for once (the split asks for them
        // up to three times a page: as the page before, as a possible start, as a document's first page)
        Pages cache = new Pages(pages);
        int start = 1;
        LocalDate currentDate = cache.date(0);
        String currentAuthor = cache.author(0);
        for (int p = 2; p <= pages.size(); p++) {
            String text = pages.get(p - 1);
            boolean afterCover = cache.faxCover(p - 2) && !text.isBlank();
            if (afterCover || startsDocument(cache, p - 1, currentDate, currentAuthor)) {
                out.add(part(cache, start, p - 1));
                start = p;
                currentDate = cache.date(p - 1);
                currentAuthor = cache.author(p - 1);
            } else {
                if (currentDate == null) {
                    currentDate = cache.date(p - 1);
                }
                if (currentAuthor == null) {
                    currentAuthor = cache.author(p - 1);
                }
            }
        }
        out.add(part(cache, start, pages.size()));
        return out;
    }

    /** The pages of a file with what was found on each, each looked for at most once. */
    private static final class Pages {
        private final List<String> texts;
        private final LocalDate[] dates;
        private final String[] authors;
        private final byte[] found; // bits: 1 date looked for, 2 author looked for, 4 fax cover looked for, 8 is one
        Pages(List<String> texts) {
            this.texts = texts;
            this.dates = new LocalDate[texts.size()];
            this.authors = new String[texts.size()];
            this.found = new byte[texts.size()];
            this.words = new int[texts.size()];
        }

        /** Per page: which of {@link #WORDS} it holds, ignoring ASCII case (bit k: WORDS[k]; bit 31: looked). */
        private final int[] words;
        /** A page's characters, for the scan (a char array is read much faster than a string's charAt). */
        private char[] chars = new char[4096];

        String text(int i) {
            return texts.get(i);
        }

        /**
         * Whether the page's text holds one of the words of {@code mask} (bits of {@link #WORDS}), ignoring
         * ASCII case: each pattern below needs one of its words (its literals match ASCII letters ignoring case
         * only), so a page without them is not searched. The page is scanned once for all the words.
         */
        boolean mayHold(int i, int mask) {
            if (words[i] == 0) {
                String t = texts.get(i);
                if (chars.length < t.length()) {
                    chars = new char[Math.max(t.length(), 2 * chars.length)];
                }
                t.getChars(0, t.length(), chars, 0);
                words[i] = wordsIn(chars, t.length()) | 1 << 31;
            }
            return (words[i] & mask) != 0;
        }

        boolean pageOf(int i, Matcher[] out) {
            if (!mayHold(i, PAGE)) {
                return false;
            }
            // as find(), tried only where "page" begins (the pattern's first letters; ASCII, any case), with the
            // text outside the region visible to \b: the same first match
            String t = texts.get(i);
            int n = t.length();
            if (chars.length < n) {
                chars = new char[Math.max(n, 2 * chars.length)];
            }
            t.getChars(0, n, chars, 0);
            Matcher m = PAGE_OF.matcher(t).useTransparentBounds(true).useAnchoringBounds(false);
            out[0] = m;
            for (int k = 0; k < n; k++) {
                if ((chars[k] | 0x20) == 'p' && at(chars, n, k, 0) != 0 && m.region(k, n).lookingAt()) {
                    return true;
                }
            }
            return false;
        }

        LocalDate date(int i) {
            if ((found[i] & 1) == 0) {
                dates[i] = mayHold(i, DATE_WORDS) ? dateOfService(texts.get(i)) : null;
                found[i] |= 1;
            }
            return dates[i];
        }

        String author(int i) {
            if ((found[i] & 2) == 0) {
                authors[i] = mayHold(i, AUTHOR_WORDS) ? Chronology.author(texts.get(i)) : null;
                found[i] |= 2;
            }
            return authors[i];
        }

        boolean faxCover(int i) {
            if ((found[i] & 4) == 0) {
                found[i] |= mayHold(i, COVER_WORDS) && FAX_COVER.matcher(texts.get(i)).find() ? 12 : 4;
            }
            return (found[i] & 8) != 0;
        }
    }

    /** The words the patterns need (lower case ASCII); the masks below are bits of this list. */
    private static final String[] WORDS = {"page", "date", "dos", "provider", "physician", "therapist", "author",
        "radiologist", "signed", "dictated", "cover", "facsimile"};
    private static final int PAGE = 1;
    private static final int DATE_WORDS = 1 << 1 | 1 << 2;
    private static final int AUTHOR_WORDS = 0x7F << 3;
    private static final int COVER_WORDS = 1 << 10 | 1 << 11;

    /** Per pair of ASCII characters (lower-cased by | 0x20): the words of {@link #WORDS} that begin with it. */
    private static final int[] BIGRAMS = new int[128 * 128];

    static {
        for (int k = 0; k < WORDS.length; k++) {
            BIGRAMS[WORDS[k].charAt(0) * 128 + WORDS[k].charAt(1)] |= 1 << k;
        }
    }

    /** Which of {@link #WORDS} occur in {@code text} (as substrings, ASCII letters compared ignoring case). */
    static int wordsIn(char[] text, int n) {
        int found = 0;
        for (int i = 0; i + 1 < n; i++) {
            char c = text[i];
            char d = text[i + 1];
            if (c >= 128 || d >= 128) {
                continue;
            }
            // c | 0x20 is a lower-case letter only for that letter in either case
            int candidates = BIGRAMS[(c | 0x20) * 128 + (d | 0x20)] & ~found;
            while (candidates != 0) {
                int k = Integer.numberOfTrailingZeros(candidates);
                candidates &= candidates - 1;
                found |= at(text, n, i, k);
            }
        }
        return found;
    }

    /** Bit {@code k} when {@link #WORDS}[k] starts at {@code i} (ASCII letters ignoring case), else 0. */
    private static int at(char[] text, int n, int i, int k) {
        String w = WORDS[k];
        if (i + w.length() > n) {
            return 0;
        }
        for (int j = 0; j < w.length(); j++) {
            char c = text[i + j];
            if (c >= 128 || (c | 0x20) != w.charAt(j)) { // c | 0x20 is a lower-case letter only for letters
                return 0;
            }
        }
        return 1 << k;
    }

    private static boolean startsDocument(Pages pages, int i, LocalDate currentDate, String currentAuthor) {
        String text = pages.text(i);
        if (text.isBlank()) {
            return false; // an empty page (or one still waiting for OCR) belongs to what it follows
        }
        Matcher[] m = new Matcher[1];
        if (pages.pageOf(i, m)) {
            return Integer.parseInt(m[0].group(1)) == 1;
        }
        if (pages.faxCover(i)) {
            return true;
        }
        String heading = String.join("\n", text.lines().filter(l -> !l.isBlank()).limit(2).toList());
        if (!KindSuggestion.OTHER.equals(KindSuggestion.guessHeading(heading))) {
            return true;
        }
        LocalDate d = pages.date(i);
        if (d != null && currentDate != null && !d.equals(currentDate)) {
            return true;
        }
        String a = pages.author(i);
        return a != null && currentAuthor != null && !same(a, currentAuthor);
    }

    private static boolean same(String a, String b) {
        return a.replaceAll("[^A-Za-z]", "").equalsIgnoreCase(b.replaceAll("[^A-Za-z]", ""));
    }

    private static Part part(Pages pages, int first, int last) {
        int index = first - 1;
        for (int p = first + 1; p <= last && pages.text(index).isBlank(); p++) {
            index = p - 1;
        }
        String text = pages.text(index);
        LocalDate date = pages.date(index);
        if (date == null) {
            date = DateSuggestion.find(text);
        }
        String title = TitleSuggestion.from(text, "");
        // the title lines name the kind ("PROGRESS NOTE"); the body may mention others ("physical therapy")
        String kind = KindSuggestion.guessHeading(String.join("\n", text.lines().filter(l -> !l.isBlank())
                .limit(HEADING_LINES).toList()));
        if (KindSuggestion.OTHER.equals(kind) && !text.isBlank()) {
            kind = KindSuggestion.guess(text);
        }
        return new Part(first, last, kind, date, pages.author(index),
                title == null || title.isBlank() ? null : title);
    }

    /** The date of service a page states ("Date of Service: 01/19/2015"), if it states one. */
    static LocalDate dateOfService(String text) {
        // as find(), tried only where a match can begin: "date", "dos", "visit" or "exam" (ASCII, any case),
        // with the text outside the region visible to \b: the same first match
        char[] t = text.toCharArray();
        int n = t.length;
        Matcher m = DATE_OF_SERVICE.matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
        for (int i = 0; i < n; i++) {
            int c = t[i] | 0x20;
            if ((c == 'd' && (at(t, n, i, 1) != 0 || at(t, n, i, 2) != 0) || c == 'v' && starts(t, n, i, "visit")
                    || c == 'e' && starts(t, n, i, "exam")) && m.region(i, n).lookingAt()) {
                return DateSuggestion.find(m.group(1));
            }
        }
        return null;
    }

    /** Whether {@code word} (lower-case ASCII) starts at {@code i}, ASCII letters compared ignoring case. */
    private static boolean starts(char[] t, int n, int i, String word) {
        if (i + word.length() > n) {
            return false;
        }
        for (int j = 0; j < word.length(); j++) {
            if (t[i + j] >= 128 || (t[i + j] | 0x20) != word.charAt(j)) {
                return false;
            }
        }
        return true;
    }

    /** The author a page names ("Provider: Alan Reyes, MD"), if it names one. */
    static String author(String text) {
        Matcher m = AUTHOR.matcher(text);
        return m.find() ? m.group(1).strip() : null;
    }
}
