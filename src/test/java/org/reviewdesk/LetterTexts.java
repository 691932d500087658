package org.reviewdesk;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The public letters as text ({@code pdftotext -layout}), read into their disputed items: the request as
 * the letter heads it, the decision, the reviewer's guideline sentence and the rationale. For measuring
 * and for checks that nothing real is misread; never for tuning.
 */
public final class LetterTexts {
    /** One disputed item of a letter. */
    public record LetterItem(String caseNumber, int index, String request, String decision,
            String reviewerGuideline, String rationale, String clinicalSummary, String dateOfInjury) {
    }

    private static final Pattern DOI = Pattern.compile("Date of Injury:\\s+(\\S+)");

    private LetterTexts() {
    }

    /** All 194 letters' text files, sorted. */
    public static List<Path> all() throws IOException {
        try (Stream<Path> s = Files.list(TestData.shared().resolve("data/imr-letters/txt"))) {
            return s.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
        }
    }

    /** The letters that are not among the 47 development cases: for measuring only. */
    public static List<Path> heldOut() throws IOException {
        Set<String> dev = TestData.letterCases().stream()
                .map(p -> p.getFileName().toString().replace(".json", "")).collect(Collectors.toSet());
        return all().stream().filter(p -> !dev.contains(p.getFileName().toString().replace(".txt", ""))).toList();
    }

    /** The items of one letter, in order. */
    public static List<LetterItem> items(Path txt) throws IOException {
        String number = txt.getFileName().toString().replace(".txt", "");
        String text = Files.readString(txt, StandardCharsets.UTF_8).replace("\r", "");
        Matcher doi = DOI.matcher(text);
        String dateOfInjury = doi.find() ? doi.group(1) : null;
        int summaryStart = text.indexOf("CLINICAL CASE SUMMARY");
        int issues = text.indexOf("IMR ISSUES, DECISIONS AND RATIONALES");
        String summary = summaryStart < 0 || issues < 0 ? "" : text.substring(summaryStart, issues);
        int firstBlank = summary.indexOf("medical records:");
        summary = join(firstBlank < 0 ? summary : summary.substring(firstBlank + "medical records:".length()));
        String body = issues < 0 ? "" : text.substring(issues);
        int intro = body.indexOf("set forth below:");
        body = intro < 0 ? body : body.substring(intro + "set forth below:".length());
        // Each item: a paragraph ending in ": Upheld" or ": Overturned", then the two guideline paragraphs.
        List<int[]> heads = new ArrayList<>();
        Matcher m = Pattern.compile(":\\s*(Upheld|Overturned)[ \\t]*\\n\\s*Claims Administrator guideline:")
                .matcher(body);
        while (m.find()) {
            // A paragraph starts after a blank line or at a page break (form feed).
            int paraStart = Math.max(body.lastIndexOf("\n\n", m.start()) + 2, body.lastIndexOf('\f', m.start()) + 1);
            heads.add(new int[] {paraStart, m.start(), m.end()});
        }
        List<LetterItem> out = new ArrayList<>();
        for (int i = 0; i < heads.size(); i++) {
            int[] h = heads.get(i);
            String request = join(body.substring(h[0], h[1]));
            Matcher dm = Pattern.compile("(Upheld|Overturned)").matcher(body.substring(h[1], h[2]));
            String decision = dm.find() ? dm.group(1).toUpperCase() : null;
            int end = i + 1 < heads.size() ? heads.get(i + 1)[0] : body.length();
            String rest = body.substring(h[2], end);
            int maximus = rest.indexOf("MAXIMUS guideline:");
            int rationale = rest.indexOf("Decision rationale:");
            String reviewer = maximus < 0 ? null : join(rest.substring(maximus + "MAXIMUS guideline:".length(),
                    rationale < 0 ? rest.length() : rationale));
            String why = rationale < 0 ? null : join(rest.substring(rationale + "Decision rationale:".length()));
            out.add(new LetterItem(number, i, request, decision, reviewer, why, summary, dateOfInjury));
        }
        return out;
    }

    private static String join(String s) {
        return s.replace('\f', ' ').replaceAll("-\\n(?=[a-z])", "-").replaceAll("\\s+", " ").strip();
    }
}
