package org.reviewdesk.guideline;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.reviewdesk.domain.CaseFile;
import org.reviewdesk.domain.DocumentKind;
import org.reviewdesk.domain.Evidence;
import org.reviewdesk.domain.RecordDocument;

/**
 * The patient's facts the reviewer has established, as sentences for the draft: the date of injury and
 * the diagnoses (from the case and its clinical summary), and each excerpt the reviewer marked for the
 * item, with its source ("Per the progress note dated 1/19/15, ...").
 */
public final class CaseFacts {
    private static final DateTimeFormatter LETTER_DATE = DateTimeFormatter.ofPattern("M/d/yyyy", Locale.ROOT);
    private static final DateTimeFormatter CITE_DATE = DateTimeFormatter.ofPattern("M/d/yy", Locale.ROOT);
    // "Diagnoses included piriformis syndrome, lumbar strain and right IT band pain."
    private static final Pattern DIAGNOSES = Pattern.compile("(?i)\\b(?:diagnos(?:es|is)(?: (?:included|include|"
            + "includes|are|were|was|is|of))?:?|(?:was|is|been) diagnosed with|diagnostic impression(?:s)?(?: included|"
            + " was| were)?:?)\\s+([^.;]{3,200})[.;]");

    // "Prior treatment included medications, splinting, physical therapy, and surgery."
    private static final Pattern PRIOR = Pattern.compile("(?i)\\b(?:(?:prior|previous|past) (?:conservative )?"
            + "treatments? (?:has |have |to date )?(?:included|includes|include|consisted of|consists of)|"
            + "(?:previously |has |have )?received the following treatments?):?\\s+([^.]{3,200})\\.");
    // "has completed 6 sessions of physical therapy", "had twelve physical therapy visits": done, not requested.
    private static final String NUMBER = "(\\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|"
            + "twelve|fifteen|sixteen|eighteen|twenty|twenty-four|thirty|thirty-six)";
    private static final Pattern COUNT = Pattern.compile("(?i)\\b(?:completed|attended|had|undergone|underwent|"
            + "received|participated in|finished)\\s+(?:at least |approximately |about |a total of |over )?"
            + NUMBER + "\\s+(?:prior |previous |sessions of |visits of |treatments of )?"
            + "((?:physical|occupational|aquatic|chiropractic|acupuncture|massage|psycho)\\w*(?: therapy| treatment|"
            + " physiotherapy)?|pt|cbt|chiropractic)?\\s*(sessions|visits|treatments)(?:\\s+of\\s+"
            + "([a-z][a-z ]{2,30}?))?(?=[,.;)]| to | for | with | and | in | since | without |$)");
    // "Physical examination revealed decreased and painful cervical and lumbar range of motion."
    private static final Pattern EXAM = Pattern.compile("(?i)\\b(?:physical )?exam(?:ination)?(?: (?:on|dated|of) "
            + "[^ ]+)?,? (?:revealed|showed|noted|demonstrated|documented|was notable for|was significant for)\\s+"
            + "([^.]{5,220})\\.");

    private CaseFacts() {
    }

    /**
     * The prior treatment, the counts of treatment already done and the latest examination findings the
     * clinical summary states, as sentences for the draft (the summary is the reviewer's own, so no source).
     */
    static List<String> summaryFacts(String summary) {
        List<String> out = new ArrayList<>();
        if (summary == null || summary.isBlank()) {
            return out;
        }
        String s = summary.replaceAll("\\s+", " ");
        Matcher prior = PRIOR.matcher(s);
        if (prior.find()) {
            out.add("Prior treatment has included " + prior.group(1).strip() + ".");
        }
        java.util.Set<String> counted = new java.util.LinkedHashSet<>();
        Matcher count = COUNT.matcher(s);
        while (count.find() && counted.size() < 3) {
            String what = count.group(2) != null ? count.group(2) : count.group(4);
            if (what == null || what.isBlank()) {
                continue;
            }
            counted.add(count.group(1).toLowerCase(Locale.ROOT) + " " + (count.group(2) != null
                    ? what.toLowerCase(Locale.ROOT) + " " + count.group(3).toLowerCase(Locale.ROOT)
                    : count.group(3).toLowerCase(Locale.ROOT) + " of " + what.strip()));
        }
        if (!counted.isEmpty()) {
            out.add("The records document " + String.join(", ", counted) + " already completed.");
        }
        Matcher exam = EXAM.matcher(s);
        String findings = null;
        while (exam.find()) {
            if (!exam.group(1).toLowerCase(Locale.ROOT).startsWith("that ")) {
                findings = exam.group(1).strip(); // the last one: the most recent examination
            }
        }
        if (findings != null) {
            out.add("The most recent examination documented " + findings + ".");
        }
        return out;
    }

    /** The facts of item {@code index} of the case, as sentences; empty when the case states none. */
    public static List<String> sentences(CaseFile c, int index) {
        List<String> out = new ArrayList<>();
        if (c == null) {
            return out;
        }
        Optional<String> dx = diagnoses(c.clinicalSummary());
        if (c.dateOfInjury() != null || dx.isPresent()) {
            StringBuilder s = new StringBuilder("The injured worker");
            if (c.dateOfInjury() != null) {
                s.append(" sustained an industrial injury on ").append(LETTER_DATE.format(c.dateOfInjury()));
            }
            dx.ifPresent(d -> s.append(c.dateOfInjury() != null ? " and" : "").append(" has diagnoses of ")
                    .append(d));
            out.add(s.append('.').toString());
        }
        out.addAll(summaryFacts(c.clinicalSummary()));
        for (Evidence e : c.evidenceList()) {
            if (e.itemIndex() != null && e.itemIndex() == index && e.quote() != null && !e.quote().isBlank()) {
                out.add(excerpt(c, e));
            }
        }
        return out;
    }

    /** The diagnoses the clinical summary names, without a final period. */
    static Optional<String> diagnoses(String summary) {
        if (summary == null) {
            return Optional.empty();
        }
        Matcher m = DIAGNOSES.matcher(summary);
        return m.find() ? Optional.of(m.group(1).strip().replaceAll("\\s+", " ")) : Optional.empty();
    }

    private static String excerpt(CaseFile c, Evidence e) {
        RecordDocument d = c.documents() == null ? null : c.documents().stream()
                .filter(x -> x.id().equals(e.documentId())).findFirst().orElse(null);
        String source = d == null ? "record" : d.kind() != null && d.kind() != DocumentKind.OTHER
                ? d.kind().label().toLowerCase(Locale.ROOT) : d.title() != null ? d.title() : "record";
        String dated = d == null || d.date() == null ? "" : " dated " + CITE_DATE.format(d.date());
        String quote = e.quote().strip().replaceAll("\\s+", " ");
        return "Per the " + source + dated + ", \"" + quote + (quote.endsWith(".") ? "\"" : ".\"");
    }
}
