package org.reviewdesk.record;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Guesses what kind of document a first page starts: the heading (first lines) decides when it names a kind,
 * else the whole page, with stricter rules because a body mentions other documents ("MRI showed ...").
 * Keys are {@code org.reviewdesk.domain.DocumentKind} names.
 */
final class KindSuggestion {
    static final String OTHER = "OTHER";
    private static final int HEADING_LINES = 10;

    /** A kind when all its patterns match; rules are tried in order, so the more specific come first. */
    private record Rule(String kind, List<Pattern> all) {
        Rule(String kind, String... patterns) {
            this(kind, java.util.Arrays.stream(patterns)
                    .map(p -> Pattern.compile(p, Pattern.CASE_INSENSITIVE)).toList());
        }

        boolean matches(String text) {
            return all.stream().allMatch(p -> p.matcher(text).find());
        }
    }

    private static final String IMAGING = "\\bMRI\\b|\\bMR\\s+arthrogra|\\bX-?RAYS?\\b|radiolog|radiograph"
            + "|\\bCT\\s+(?:scan|of)\\b|ultrasound|sonogra|\\bimaging\\b";
    private static final String THERAPY = "physical\\s+therapy|chiropract|acupunctur|occupational\\s+therapy";
    private static final String THERAPY_VISIT = "daily|\\bnote\\b|\\bvisit\\b|session|treatment\\s+(?:log|record)";

    private static final List<Rule> COMMON_FIRST = List.of(
            new Rule("IMR_APPLICATION", "application\\s+for\\s+independent\\s+medical\\s+review"),
            new Rule("UR_DECISION", "utilization\\s+review|\\bUR\\s+(?:decision|determination)"),
            new Rule("REQUEST_FOR_AUTHORIZATION", "request\\s+for\\s+authori[sz]ation|\\bRFA\\b"),
            new Rule("MEDICAL_LEGAL_REPORT", "\\bP?QME\\b|\\bAME\\b|agreed\\s+medical|qualified\\s+medical"
                    + "|medical[-\\s]legal"),
            new Rule("OPERATIVE_REPORT", "operative\\s+(?:report|note)|procedure\\s+(?:report|note)"),
            new Rule("THERAPY_NOTE", THERAPY, THERAPY_VISIT),
            new Rule("PROGRESS_NOTE", "progress\\s+(?:report|note)|\\bPR-?2\\b"));

    private static final List<Rule> HEADING = concat(COMMON_FIRST, List.of(
            new Rule("IMAGING_REPORT", IMAGING),
            new Rule("LAB_REPORT", "laborator|\\blab\\s+(?:report|results)|toxicolog|urine\\s+drug"),
            new Rule("PHARMACY_RECORD", "pharmacy|prescription\\s+history|dispensing"),
            new Rule("CONSULT_REPORT", "consultation|evaluation"),
            new Rule("CORRESPONDENCE", "(?m)^\\s*(?:dear\\b|re:|to whom it may concern)")));

    private static final List<Rule> BODY = concat(COMMON_FIRST, List.of(
            new Rule("IMAGING_REPORT", IMAGING, "impression|findings|technique"),
            new Rule("LAB_REPORT", "reference\\s+range|specimen", "result"),
            new Rule("PHARMACY_RECORD", "pharmacy", "dispens|\\bRx\\b|refill"),
            new Rule("CONSULT_REPORT", "consultation|evaluation"),
            new Rule("CORRESPONDENCE", "\\bdear\\s+(?:dr|mr|ms|mrs|sir|madam|doctor)\\b|to whom it may concern")));

    private KindSuggestion() {
    }

    static String guess(String text) {
        String heading = text.lines().filter(l -> !l.isBlank()).limit(HEADING_LINES)
                .reduce("", (a, b) -> a + b + "\n");
        for (Rule r : HEADING) {
            if (r.matches(heading)) {
                return r.kind();
            }
        }
        for (Rule r : BODY) {
            if (r.matches(text)) {
                return r.kind();
            }
        }
        return OTHER;
    }

    /** The kind a heading names (its first lines only), or OTHER when it names none. */
    static String guessHeading(String heading) {
        for (Rule r : HEADING) {
            if (r.matches(heading)) {
                return r.kind();
            }
        }
        return OTHER;
    }

    private static List<Rule> concat(List<Rule> a, List<Rule> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }
}
