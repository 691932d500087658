package org.reviewdesk.guideline;

import java.util.ArrayList;
import java.util.List;
import org.reviewdesk.domain.Citation;

/**
 * The letters' citation strings ({@code Claims Administrator guideline:} and {@code <IRO> guideline:}),
 * rendered from structured citations and parsed back.
 */
public final class CitationText {
    static final String MTUS = "Decision based on MTUS ";
    static final String NON_MTUS = "Decision based on Non-MTUS Citation ";
    static final String OUTSIDE = " based their decision on recommendation(s) outside of the MTUS Guidelines.";
    static final String NONE = " did not cite any medical evidence for its decision.";
    static final String EXPERT_REVIEWER = "The Expert Reviewer";
    static final String CLAIMS_ADMINISTRATOR = "The Claims Administrator";

    private CitationText() {
    }

    /** The reviewer's guideline string, as printed after {@code MAXIMUS guideline:}. */
    public static String reviewer(List<Citation> citations, GuidelineLibrary lib) {
        return render(EXPERT_REVIEWER, citations, lib);
    }

    /** The claims administrator's guideline string, as printed after {@code Claims Administrator guideline:}. */
    public static String claimsAdministrator(List<Citation> citations, GuidelineLibrary lib) {
        return render(CLAIMS_ADMINISTRATOR, citations, lib);
    }

    /** The sentence citing one entry (and optionally some of its sections), without any lead-in. */
    public static String sentence(Citation citation, GuidelineLibrary lib) {
        GuidelineEntry e = lib.require(citation.guidelineId());
        return e.kind() == GuidelineKind.MTUS ? MTUS + mtusPart(e, citation) + "."
                : NON_MTUS + nonMtusPart(e, citation) + ".";
    }

    /**
     * Reads a citation string as the letters write it (line breaks and runs of spaces are ignored).
     * The lead-in sentences carry no citation: "did not cite" gives an empty list.
     *
     * @throws CitationParseException when the text breaks the convention or cites a guideline or section
     *     the library does not have
     */
    public static List<Citation> parse(String text, GuidelineLibrary lib) throws CitationParseException {
        return new CitationParser(lib).parse(text);
    }

    private static String render(String who, List<Citation> citations, GuidelineLibrary lib) {
        if (citations == null || citations.isEmpty()) {
            return who + NONE;
        }
        List<String> mtus = new ArrayList<>();
        List<String> sentences = new ArrayList<>();
        for (Citation c : citations) {
            GuidelineEntry e = lib.require(c.guidelineId());
            if (e.kind() == GuidelineKind.MTUS) {
                mtus.add(mtusPart(e, c));
            } else {
                sentences.add(NON_MTUS + nonMtusPart(e, c) + ".");
            }
        }
        if (mtus.isEmpty()) {
            sentences.add(0, who + OUTSIDE);
        } else {
            // The letters put every MTUS guideline in one sentence, before any non-MTUS source.
            sentences.add(0, MTUS + String.join(", and ", mtus) + ".");
        }
        return String.join(" ", sentences);
    }

    private static String mtusPart(GuidelineEntry e, Citation c) {
        StringBuilder sb = new StringBuilder(e.name());
        if (hasSections(c)) {
            sb.append(e.citationStyle() == CitationStyle.INLINE ? " " : ", Section(s): ")
                    .append(String.join(", ", c.sections()));
        }
        return pages(sb, c);
    }

    private static String nonMtusPart(GuidelineEntry e, Citation c) {
        StringBuilder sb = new StringBuilder(e.name());
        if (hasSections(c)) {
            sb.append(", ").append(String.join(", ", c.sections()));
        }
        return pages(sb, c);
    }

    private static String pages(StringBuilder sb, Citation c) {
        if (c.pages() != null && !c.pages().isBlank()) {
            sb.append(" Page(s): ").append(c.pages());
        }
        return sb.toString();
    }

    private static boolean hasSections(Citation c) {
        return c.sections() != null && !c.sections().isEmpty();
    }
}
