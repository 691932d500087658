package org.reviewdesk.record;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Year;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The chronology split and date finding before issue 13's speed-up, verbatim: the reference of ImportAnalysisEquivalenceTest. */
final class OldChronology {
    /** A document inside a file: pages {@code firstPage..lastPage} (1-based), kind key, date, author, title. */
    record Part(int firstPage, int lastPage, String kind, LocalDate date, String author, String title) {
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

    private OldChronology() {
    }

    /** The documents of a file whose pages read {@code pages} (page 1 first). */
    public static List<Part> split(List<String> pages) {
        List<Part> out = new ArrayList<>();
        if (pages.isEmpty()) {
            return out;
        }
        int start = 1;
        LocalDate currentDate = dateOfService(pages.get(0));
        String currentAuthor = author(pages.get(0));
        for (int p = 2; p <= pages.size(); p++) {
            String text = pages.get(p - 1);
            boolean afterCover = FAX_COVER.matcher(pages.get(p - 2)).find() && !text.isBlank();
            if (afterCover || startsDocument(text, currentDate, currentAuthor)) {
                out.add(part(pages, start, p - 1));
                start = p;
                currentDate = dateOfService(text);
                currentAuthor = author(text);
            } else {
                if (currentDate == null) {
                    currentDate = dateOfService(text);
                }
                if (currentAuthor == null) {
                    currentAuthor = author(text);
                }
            }
        }
        out.add(part(pages, start, pages.size()));
        return out;
    }

    static boolean startsDocument(String text, LocalDate currentDate, String currentAuthor) {
        if (text.isBlank()) {
            return false; // an empty page (or one still waiting for OCR) belongs to what it follows
        }
        Matcher m = PAGE_OF.matcher(text);
        if (m.find()) {
            return Integer.parseInt(m.group(1)) == 1;
        }
        if (FAX_COVER.matcher(text).find()) {
            return true;
        }
        String heading = String.join("\n", text.lines().filter(l -> !l.isBlank()).limit(2).toList());
        if (!KindSuggestion.OTHER.equals(KindSuggestion.guessHeading(heading))) {
            return true;
        }
        LocalDate d = dateOfService(text);
        if (d != null && currentDate != null && !d.equals(currentDate)) {
            return true;
        }
        String a = author(text);
        return a != null && currentAuthor != null && !same(a, currentAuthor);
    }

    private static boolean same(String a, String b) {
        return a.replaceAll("[^A-Za-z]", "").equalsIgnoreCase(b.replaceAll("[^A-Za-z]", ""));
    }

    private static Part part(List<String> pages, int first, int last) {
        String text = pages.get(first - 1);
        for (int p = first + 1; p <= last && text.isBlank(); p++) {
            text = pages.get(p - 1);
        }
        LocalDate date = dateOfService(text);
        if (date == null) {
            date = OldDates.find(text);
        }
        String title = TitleSuggestion.from(text, "");
        // the title lines name the kind ("PROGRESS NOTE"); the body may mention others ("physical therapy")
        String kind = KindSuggestion.guessHeading(String.join("\n", text.lines().filter(l -> !l.isBlank())
                .limit(HEADING_LINES).toList()));
        if (KindSuggestion.OTHER.equals(kind) && !text.isBlank()) {
            kind = KindSuggestion.guess(text);
        }
        return new Part(first, last, kind, date, author(text), title == null || title.isBlank() ? null : title);
    }

    /** The date of service a page states ("Date of Service: 01/19/2015"), if it states one. */
    static LocalDate dateOfService(String text) {
        Matcher m = DATE_OF_SERVICE.matcher(text);
        return m.find() ? OldDates.find(m.group(1)) : null;
    }

    /** The author a page names ("Provider: Alan Reyes, MD"), if it names one. */
    static String author(String text) {
        Matcher m = AUTHOR.matcher(text);
        return m.find() ? m.group(1).strip() : null;
    }
}

/** DateSuggestion before issue 13's speed-up, verbatim. */
final class OldDates {
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

    private OldDates() {
    }

    /** The suggested date, or null when the text holds no plausible date. */
    static LocalDate find(String text) {
        Matcher label = LABEL.matcher(text);
        while (label.find()) {
            Matcher m = DATE.matcher(text).region(label.end(), Math.min(text.length(), label.end() + LABEL_REACH));
            if (m.find() && LABEL_GAP.matcher(text.substring(label.end(), m.start())).matches()) {
                LocalDate d = toDate(m);
                if (d != null) {
                    return d;
                }
            }
        }
        Matcher m = DATE.matcher(text);
        while (m.find()) {
            LocalDate d = toDate(m);
            if (d != null && !OTHER_DATE.matcher(text.substring(Math.max(0, m.start() - 40), m.start())).find()) {
                return d;
            }
        }
        return null;
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
