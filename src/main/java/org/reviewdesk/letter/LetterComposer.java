package org.reviewdesk.letter;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.reviewdesk.domain.CaseFile;
import org.reviewdesk.domain.Item;
import org.reviewdesk.letter.LetterModel.Block;
import org.reviewdesk.letter.LetterModel.HeaderField;
import org.reviewdesk.letter.LetterModel.HeaderRow;
import org.reviewdesk.letter.LetterModel.ItemHeading;
import org.reviewdesk.letter.LetterModel.Paragraph;
import org.reviewdesk.letter.LetterModel.SectionTitle;

/**
 * Turns a case into the words of a Final Determination Letter, in the order and with the
 * boilerplate of the review organization's real letters.
 */
public final class LetterComposer {
    static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("MM/dd/yyyy");

    static final String HOW_TITLE = "HOW THE IMR FINAL DETERMINATION WAS MADE";
    static final String SUMMARY_TITLE = "CLINICAL CASE SUMMARY";
    static final String ISSUES_TITLE = "IMR ISSUES, DECISIONS AND RATIONALES";
    private static final String HOW_TEXT = "%s sent the complete case file to an expert reviewer. He/she has no "
            + "affiliation with the employer, employee, providers or the claims administrator. He/she has been in "
            + "active clinical practice for more than five years and is currently working at least 24 hours a week "
            + "in active practice. The expert reviewer was selected based on his/her clinical experience, education, "
            + "background, and expertise in the same or similar specialties that evaluate and/or treat the medical "
            + "condition and disputed items/Service. He/she is familiar with governing laws and regulations, "
            + "including the strength of evidence hierarchy that applies to Independent Medical Review "
            + "determinations.";
    private static final String SUMMARY_INTRO = "The expert reviewer developed the following clinical case summary "
            + "based on a review of the case file, including all medical records:";
    private static final String ISSUES_INTRO = "The Final Determination was based on decisions for the disputed "
            + "items/services set forth below:";
    static final String DEFAULT_ORGANIZATION = "The Independent Review Organization";

    private LetterComposer() {
    }

    public static LetterModel compose(CaseFile c) {
        String org = c.organization() != null && notBlank(c.organization().name()) ? c.organization().name()
                : DEFAULT_ORGANIZATION;
        String shortName = c.organization() != null && notBlank(c.organization().shortName())
                ? c.organization().shortName() : "Expert Reviewer";
        List<Block> blocks = new ArrayList<>();
        blocks.add(new SectionTitle(HOW_TITLE));
        blocks.add(Paragraph.of(String.format(HOW_TEXT, org)));
        List<String> licensure = c.reviewer() == null || c.reviewer().licensure() == null ? List.of()
                : c.reviewer().licensure();
        List<String> specialties = c.reviewer() == null || c.reviewer().specialties() == null ? List.of()
                : c.reviewer().specialties();
        blocks.add(Paragraph.of("The Expert Reviewer has the following credentials:\n"
                + "State(s) of Licensure: " + String.join(", ", licensure) + "\n"
                + "Certification(s)/Specialty: " + String.join(", ", specialties)));

        blocks.add(new SectionTitle(SUMMARY_TITLE));
        blocks.add(Paragraph.of(SUMMARY_INTRO));
        paragraphs(c.clinicalSummary()).forEach(p -> blocks.add(Paragraph.of(p)));

        blocks.add(new SectionTitle(ISSUES_TITLE));
        blocks.add(Paragraph.of(ISSUES_INTRO));
        for (Item item : c.items()) {
            blocks.add(new ItemHeading(orEmpty(item.request()).strip() + ":",
                    item.decision() == null ? "Undecided" : item.decision().label()));
            blocks.add(Paragraph.labelled("Claims Administrator guideline: ",
                    orEmpty(item.claimsAdministratorGuideline())));
            blocks.add(Paragraph.labelled(shortName + " guideline: ", orEmpty(item.reviewerGuideline())));
            List<String> rationale = paragraphs(item.rationale());
            blocks.add(Paragraph.labelled("Decision rationale: ", rationale.isEmpty() ? "" : rationale.get(0)));
            rationale.stream().skip(1).forEach(p -> blocks.add(Paragraph.of(p)));
        }
        return new LetterModel(c.caseNumber(), org, header(c), blocks);
    }

    /** The header rows; a row whose two fields are both empty is left out, as in the real letters. */
    static List<HeaderRow> header(CaseFile c) {
        List<HeaderRow> rows = new ArrayList<>();
        row(rows, field("Case Number:", c.caseNumber()), null);
        row(rows, field("Date Assigned:", date(c.dateAssigned())), field("Date of Injury:", date(c.dateOfInjury())));
        row(rows, field("Decision Date:", date(c.decisionDate())), field("UR Denial Date:", date(c.urDenialDate())));
        row(rows, field("Priority:", c.effectivePriority().label()),
                field("Application Received:", date(c.applicationReceived())));
        return rows;
    }

    private static void row(List<HeaderRow> rows, HeaderField left, HeaderField right) {
        if (left != null || right != null) {
            rows.add(new HeaderRow(left, right));
        }
    }

    private static HeaderField field(String label, String value) {
        return value == null ? null : new HeaderField(label, value);
    }

    private static String date(LocalDate d) {
        return d == null ? null : DATE.format(d);
    }

    /** Paragraphs separated by a blank line; leading and trailing blank lines dropped. */
    static List<String> paragraphs(String text) {
        List<String> out = new ArrayList<>();
        if (text == null) {
            return out;
        }
        for (String p : text.replace("\r\n", "\n").split("\n[ \t]*\n")) {
            String t = p.strip();
            if (!t.isEmpty()) {
                out.add(t);
            }
        }
        return out;
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}
