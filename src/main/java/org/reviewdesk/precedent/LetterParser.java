package org.reviewdesk.precedent;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.reviewdesk.domain.Decision;

/**
 * Reads the text of a published IMR final determination letter (as {@code pdftotext} or PDFBox give it) into a
 * precedent: the header's case number and dates, the reviewer's specialty, the clinical case summary, and each
 * item's request, decision, guideline lines and rationale. The letters' paragraphs are separated by blank lines;
 * an item starts with the paragraph {@code <request>: Upheld|Overturned} just before its
 * {@code Claims Administrator guideline:} paragraph.
 */
public final class LetterParser {
    private static final DateTimeFormatter US_DATE = DateTimeFormatter.ofPattern("MM/dd/uuuu");
    private static final Pattern CASE_NUMBER = Pattern.compile("Case Number:\\s*([A-Z]{2}\\d{2}-\\d{4,})");
    private static final String DATE = "\\s*(\\d{1,2}/\\d{1,2}/\\d{4})";
    private static final Pattern ASSIGNED = Pattern.compile("Date Assigned:" + DATE);
    private static final Pattern INJURY = Pattern.compile("Date of Injury:" + DATE);
    private static final Pattern DECIDED = Pattern.compile("Decision Date:" + DATE);
    private static final Pattern UR_DENIAL = Pattern.compile("UR Denial Date:" + DATE);
    private static final Pattern SPECIALTY = Pattern.compile(
            "Certification\\(s\\)/Specialty:[ \\t]*(.*?)(?:\\n[ \\t]*\\n|\\z)", Pattern.DOTALL);
    private static final String SUMMARY_HEADING = "CLINICAL CASE SUMMARY";
    private static final String ISSUES_HEADING = "IMR ISSUES, DECISIONS AND RATIONALES";
    private static final Pattern SUMMARY_LEAD_IN = Pattern.compile(
            "^The expert reviewer developed the following clinical case summary based on a review of the\\s+case"
                    + "\\s+file, including all medical records:\\s*", Pattern.CASE_INSENSITIVE);
    private static final Pattern ITEMS_LEAD_IN = Pattern.compile(
            "^The Final Determination was based on decisions for the disputed items/services set forth below:\\s*");
    private static final Pattern REQUEST = Pattern.compile("(?s)^(.+?)\\s*:\\s*(Upheld|Overturned)\\s*$", Pattern.CASE_INSENSITIVE);
    private static final String CA_GUIDELINE = "Claims Administrator guideline:";
    private static final Pattern REVIEWER_GUIDELINE = Pattern.compile("^([A-Z][\\w .&-]{0,60}?) guideline:\\s*");
    private static final String RATIONALE = "Decision rationale:";
    private static final Pattern BLANK_LINES = Pattern.compile("\\n[ \\t\\u00a0]*\\n\\s*");

    private LetterParser() {
    }

    /** Parses one letter's text; {@code source} names it in errors (a file name). */
    public static Precedent parse(String source, String text) throws LetterParseException {
        String t = normalize(text);
        Matcher cn = CASE_NUMBER.matcher(t);
        if (!cn.find()) {
            throw new LetterParseException(source, "no case number (\"Case Number: CM..\") in the header: "
                    + "not an IMR final determination letter, or a scan without text");
        }
        String caseNumber = cn.group(1);
        int summaryAt = t.indexOf(SUMMARY_HEADING);
        int issuesAt = t.indexOf(ISSUES_HEADING);
        if (issuesAt < 0) {
            throw new LetterParseException(source, "no \"" + ISSUES_HEADING + "\" section");
        }
        String summary = summaryAt < 0 || summaryAt > issuesAt ? ""
                : SUMMARY_LEAD_IN.matcher(t.substring(summaryAt + SUMMARY_HEADING.length(), issuesAt).strip())
                        .replaceFirst("");
        List<PrecedentItem> items = items(source, t.substring(issuesAt + ISSUES_HEADING.length()));
        if (items.isEmpty()) {
            throw new LetterParseException(source, "no decided item (\"<request>: Upheld\" or \"Overturned\" "
                    + "followed by the guideline lines)");
        }
        return new Precedent(caseNumber, Precedent.Source.PUBLIC, date(ASSIGNED, t), date(INJURY, t),
                date(UR_DENIAL, t), date(DECIDED, t), specialty(t), joinLines(summary), items);
    }

    private static List<PrecedentItem> items(String source, String section) throws LetterParseException {
        String body = ITEMS_LEAD_IN.matcher(section.strip()).replaceFirst("");
        List<String> lines = new ArrayList<>(List.of(body.split("\n", -1)));
        lines.replaceAll(String::strip);
        List<Integer> caLines = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith(CA_GUIDELINE)) {
                caLines.add(i);
            }
        }
        // where each item's request starts: the decision line before its guideline lines, and the request's
        // wrapped lines before that (lines that do not end a sentence), but never before the previous item
        List<Integer> starts = new ArrayList<>();
        int floor = -1;
        for (int k = 0; k < caLines.size(); k++) {
            int j = caLines.get(k) - 1;
            while (j > floor && lines.get(j).isEmpty()) {
                j--;
            }
            int start = j;
            if (lines.get(j).matches("(?i)(upheld|overturned)") && start - 1 > floor) {
                start--; // "<request>:" on one line, the decision on the next
            }
            while (start - 1 > floor && j - start < 3 && !endsParagraph(lines.get(start - 1))) {
                start--;
            }
            if (String.join(" ", lines.subList(start, j + 1)).contains("IMR eligible portion")) {
                // a modified request: "<original> was the original request. <part> was authorized by the Claims
                // Administrator. The remaining IMR eligible portion of the original request, <rest> is: Upheld"
                int s = start;
                while (s - 1 > floor && j - s < 15 && !String.join(" ", lines.subList(s, j + 1))
                        .contains("was the original request")) {
                    s--;
                }
                while (s - 1 > floor && j - s < 15 && !endsParagraph(lines.get(s - 1))) {
                    s--;
                }
                if (String.join(" ", lines.subList(s, j + 1)).contains("was the original request")) {
                    start = s;
                }
            }
            starts.add(start);
            floor = caLines.get(k) + 1;
        }
        List<PrecedentItem> items = new ArrayList<>();
        for (int k = 0; k < starts.size(); k++) {
            int ca = caLines.get(k);
            int end = k + 1 < starts.size() ? starts.get(k + 1) : lines.size();
            String requestText = joinLines(String.join("\n", lines.subList(starts.get(k), ca)));
            Matcher rq = REQUEST.matcher(requestText);
            if (!rq.matches()) {
                throw new LetterParseException(source, "item " + (k + 1) + ": the line before its guideline "
                        + "lines does not end with \": Upheld\" or \": Overturned\"");
            }
            int reviewerAt = -1;
            int rationaleAt = -1;
            for (int i = ca + 1; i < end; i++) {
                String l = lines.get(i);
                if (rationaleAt < 0 && l.startsWith(RATIONALE)) {
                    rationaleAt = i;
                } else if (reviewerAt < 0 && rationaleAt < 0 && !l.startsWith(CA_GUIDELINE)
                        && REVIEWER_GUIDELINE.matcher(l).find()) {
                    reviewerAt = i;
                }
            }
            String request = joinLines(rq.group(1));
            if (rationaleAt < 0) {
                throw new LetterParseException(source, "item " + (k + 1) + " (" + request + ") has no \""
                        + RATIONALE + "\"");
            }
            int caEnd = reviewerAt >= 0 ? reviewerAt : rationaleAt;
            String caText = joinLines(String.join("\n", lines.subList(ca, caEnd)).substring(CA_GUIDELINE.length()));
            String reviewer = reviewerAt < 0 ? null : joinLines(REVIEWER_GUIDELINE.matcher(
                    String.join("\n", lines.subList(reviewerAt, rationaleAt))).replaceFirst(""));
            String rationale = paragraphs(String.join("\n", lines.subList(rationaleAt, end))
                    .substring(RATIONALE.length()));
            items.add(new PrecedentItem(k + 1, request,
                    "upheld".equalsIgnoreCase(rq.group(2)) ? Decision.UPHELD : Decision.OVERTURNED, caText,
                    reviewer, rationale));
        }
        return items;
    }

    private static boolean endsParagraph(String line) {
        return line.isEmpty() || line.endsWith(".") || line.endsWith(":") || line.endsWith("\"")
                || line.startsWith(CA_GUIDELINE) || line.startsWith(RATIONALE);
    }

    /** Lines joined into paragraphs; blank lines separate paragraphs. */
    private static String paragraphs(String s) {
        List<String> out = new ArrayList<>();
        for (String p : BLANK_LINES.split(s.strip())) {
            if (!p.isBlank()) {
                out.add(joinLines(p));
            }
        }
        return String.join("\n\n", out);
    }

    private static String normalize(String text) {
        return text.replace("\r\n", "\n").replace('\r', '\n').replace('\f', '\n').replace('\u00a0', ' ')
                .replaceAll("[ \\t]+\\n", "\n");
    }

    /** A paragraph's lines joined into one line. */
    static String joinLines(String s) {
        return s.strip().replaceAll("\\s*\\n\\s*", " ").replaceAll(" {2,}", " ");
    }

    private static String specialty(String t) {
        Matcher m = SPECIALTY.matcher(t);
        // a long specialty runs on to the next line ("Public Health &" / "General Preventive Medicine")
        return m.find() && !m.group(1).isBlank() ? joinLines(m.group(1)) : null;
    }

    private static LocalDate date(Pattern p, String t) {
        Matcher m = p.matcher(t);
        if (!m.find()) {
            return null;
        }
        String[] parts = m.group(1).split("/");
        try {
            return LocalDate.parse(String.format("%02d/%02d/%s", Integer.parseInt(parts[0]),
                    Integer.parseInt(parts[1]), parts[2]), US_DATE);
        } catch (DateTimeParseException | NumberFormatException e) {
            return null;
        }
    }
}
