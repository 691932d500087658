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

    private CaseFacts() {
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
