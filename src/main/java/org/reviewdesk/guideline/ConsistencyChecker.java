package org.reviewdesk.guideline;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.reviewdesk.domain.CaseFile;
import org.reviewdesk.domain.Citation;
import org.reviewdesk.domain.Decision;
import org.reviewdesk.domain.Evidence;
import org.reviewdesk.domain.Item;
import org.reviewdesk.guideline.ConclusionSupport.Conclusion;
import org.reviewdesk.guideline.ConclusionSupport.Verdict;
import org.reviewdesk.guideline.ConsistencyCheck.Severity;
import org.reviewdesk.guideline.RulesSupport.Context;
import org.reviewdesk.guideline.RulesSupport.Limit;

/** Checks one item of a case before signing: decision, rationale, citations, limits, record, plain language. */
public final class ConsistencyChecker {

    /** Above this Flesch-Kincaid grade a rationale is flagged: letters must be in layperson's terms where practicable. */
    public static final double MAX_READING_GRADE = 14.0;
    /** A sentence longer than this many words gets a warning. */
    public static final int MAX_SENTENCE_WORDS = 35;
    private static final int HITS_SHOWN = 3;
    private static final String NO_EVIDENCE = "did not cite any medical evidence";
    // "The MTUS is silent", "MTUS does not address", "no recommendation", "outside of the MTUS": why MTUS was left.
    // Also the usual ways of saying the ODG was turned to for that reason ("therefore, the ODG was consulted",
    // "alternative guidelines were referenced") and of a guideline that has nothing on it ("the guidelines lack
    // criteria", "do not give a frequency").
    private static final Pattern MTUS_SILENT = Pattern.compile("\\bsilent\\b"
            + "|(?:does|do|did)(?: not|n't) (?:specifically )?(?:address|discuss|mention|cover|comment)"
            + "|not (?:specifically )?(?:addressed|discussed|mentioned|covered)|no recommendations?\\b"
            + "|not (?:included|covered) (?:in|by) the mtus|outside (?:of )?the mtus|mtus (?:is|are) not applicable"
            + "|mtus does not apply|mtus (?:guidelines )?(?:do|does) not"
            + "|\\b(?:guidelines?|mtus|acoem|schedule)\\b[^.;]{0,40}\\b(?:lacks?|(?:do|does|did)(?: not|n't) "
            + "(?:specifically )?(?:give|provide|offer|include|contain|list|have|state|specify))\\b"
            + "|\\b(?:odg|official disability guidelines?|alternat(?:e|ive) guidelines?|other guidelines?"
            + "|(?:other|alternat(?:e|ive)) (?:evidence|sources?))\\b[^.;]{0,20}"
            + "\\b(?:was|were|is|are|has been|have been) "
            + "(?:consulted|used|referenced|utilized|applied|relied upon|referred to)");

    // The item follows another item's decision: an associated or ancillary service, or the surgery's status.
    private static final Pattern FOLLOWS_PRIMARY = Pattern.compile("\\b(?:ancillary|associated|concurrent|"
            + "accompanying)\\b[^.]*\\bnot\\b|\\b(?:surgery|surgical (?:intervention|procedure|request)|"
            + "(?:primary|associated|requested) procedure|operation)\\b[^.]*\\b(?:is|was|has|have|were|are)\\b"
            + "[^.]*\\b(?:necessary|certified|supported|indicated|approved|authorized|non-?certified)\\b");
    // The rationale names a guideline in its text ("CA MTUS states", "per the ODG", "ACOEM Guidelines").
    private static final Pattern NAMES_GUIDELINE = Pattern.compile("\\b(?:mtus|acoem|odg|official disability "
            + "guidelines?|chronic pain medical treatment guidelines?)\\b");
    // The rationale weighs the MTUS in its text, so it was considered, whatever was formally cited.
    private static final Pattern NAMES_MTUS = Pattern.compile("\\b(?:mtus|acoem|chronic pain medical treatment "
            + "guidelines?|medical treatment utilization schedule|american college of occupational|cpmtg|"
            + "post-?surgical (?:treatment )?guidelines?|california (?:medical treatment )?guidelines?|"
            + "state guidelines?|ca guidelines?|camtus|dwc|division of workers'? compensation"
            + "|chronic pain (?:medical )?(?:treatment )?guidelines?|acupuncture (?:medical )?treatment guidelines?"
            + "|utilization schedule)\\b");

    // An Overturned rationale that already weighs the excess: "although the request exceeds the guideline's 10
    // visits", "a flare-up", "exceptional factors". That is what the visit-limit warning asks for.
    private static final Pattern EXCESS_EXPLAINED = Pattern.compile(
            "\\b(?:although|though|while|despite|notwithstanding)\\b[^.]{0,80}\\b(?:exceed\\w*|more than|beyond)\\b"
            + "|\\b(?:exceed\\w*|more than|beyond)\\b[^.]{0,80}\\b(?:however|but|warranted|justified|reasonable)\\b"
            + "|\\bexceptional|\\bextenuating|\\bflare|\\bexacerbat\\w*|\\bre-?injur\\w*|\\bnew injury");

    // The non-MTUS source's own name, left out of the topic the reviewer cited under it.
    private static final Pattern NON_MTUS_SOURCE = Pattern.compile("(?i)official disability guidelines?|\\(?\\bodg\\b\\)?");

    private ConsistencyChecker() {
    }

    /**
     * The findings for item {@code index} of case {@code c}. {@code search} looks phrases up in the
     * record; null skips the record check. Evidence excerpts marked in the case count as record hits too.
     */
    public static List<ConsistencyCheck> check(CaseFile c, Item item, int index, DocumentedSearch search) {
        String label = "Item " + (index + 1) + ": ";
        List<ConsistencyCheck> out = new ArrayList<>();
        if (!item.isDecided()) {
            out.add(new ConsistencyCheck("undecided", Severity.ERROR, label + "no decision yet.", false));
        }
        if (!item.hasRationale()) {
            out.add(new ConsistencyCheck("empty-rationale", Severity.ERROR, label + "the rationale is empty.", false));
        }
        citations(c, index, item, label, out);
        if (item.hasRationale()) {
            conclusion(item, label, out);
            gaps(c, item, label, search, out);
            readingGrade(item, label, out);
            spelling(item.rationale(), "spelling", label + "possibly misspelt in the rationale: ", search, out);
        }
        if (index == 0 && c != null && c.clinicalSummary() != null) {
            // the summary is the case's, shown with its first item
            spelling(c.clinicalSummary(), "spelling-summary", "The clinical summary: possibly misspelt: ", search,
                    out);
        }
        quantity(c, index, item, label, out);
        answers(c, index, item, label, out);
        return out;
    }

    /** The most unknown words one finding names. */
    private static final int SPELLING_SHOWN = 8;

    /**
     * Words of a text neither in the word lists nor in the case's record (the record's own spelling of a name or a
     * drug is accepted), with the nearest known words: information, as the reading grade (docs/spelling.md).
     */
    private static void spelling(String text, String key, String lead, DocumentedSearch search,
                                 List<ConsistencyCheck> out) {
        List<Spelling.Misspelling> found = Spelling.inUse().check(text,
                w -> search != null && !search.find(w).isEmpty());
        if (found.isEmpty()) {
            return;
        }
        List<String> named = new ArrayList<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (Spelling.Misspelling m : found) {
            if (seen.add(m.word().toLowerCase(Locale.ROOT)) && named.size() < SPELLING_SHOWN) {
                named.add("\u201c" + m.word() + "\u201d" + (m.suggestions().isEmpty() ? ""
                        : " (" + String.join(", ", m.suggestions().subList(0, Math.min(2, m.suggestions().size())))
                        + "?)"));
            }
        }
        int more = seen.size() - named.size();
        out.add(new ConsistencyCheck(key, Severity.INFO, lead + String.join(", ", named)
                + (more > 0 ? " and " + more + " more" : "") + ".", true));
    }

    /** Checklist answers that cannot all be true (no prior therapy, yet prior visits counted). */
    private static void answers(CaseFile c, int index, Item item, String label, List<ConsistencyCheck> out) {
        if (item.checklist() == null || item.checklist().isEmpty()) {
            return;
        }
        String name = RationaleDrafter.itemName(item.request());
        Context ctx = new Context(name, new AnswersSupport(item.checklist()));
        for (String conflict : RulesSupport.forItem(CategorySuggester.ofItem(c, index, item), name).conflicts()
                .apply(ctx)) {
            out.add(new ConsistencyCheck("answers-contradict", Severity.WARNING, label + conflict, true));
        }
    }

    private static void citations(CaseFile c, int index, Item item, String label, List<ConsistencyCheck> out) {
        String g = item.reviewerGuideline() == null ? "" : item.reviewerGuideline();
        List<Citation> cites = item.citations() == null ? List.of() : item.citations();
        boolean cited = !cites.isEmpty() || (!g.isBlank() && !g.contains(NO_EVIDENCE));
        String rationale = item.rationale() == null ? "" : item.rationale().toLowerCase(Locale.ROOT);
        if (!cited) {
            if (FOLLOWS_PRIMARY.matcher(rationale).find()) {
                // "As the requested surgery is not medically necessary, the ancillary service is not": the
                // item follows another item's decision and its evidence; nothing of its own to cite.
                out.add(new ConsistencyCheck("no-citation", Severity.INFO, label + "no evidence is cited; the "
                        + "rationale follows the decision on the procedure it goes with.", true));
            } else if (NAMES_GUIDELINE.matcher(rationale).find()) {
                out.add(new ConsistencyCheck("no-citation", Severity.INFO, label + "the rationale names a guideline "
                        + "but no citation is attached; use Cite so the letter lists it.", true));
            } else {
                out.add(new ConsistencyCheck("no-citation", Severity.WARNING,
                        label + "no guideline or other medical evidence is cited.", true));
            }
            return;
        }
        // Library ids are not known here: an id naming MTUS (and not "non-MTUS") counts as an MTUS entry.
        boolean mtus = g.contains("Decision based on MTUS") || cites.stream().anyMatch(ConsistencyChecker::isMtus);
        boolean nonMtus = g.contains("Non-MTUS") || cites.stream().anyMatch(x -> !isMtus(x));
        if (nonMtus && !mtus && !MTUS_SILENT.matcher(rationale).find() && !NAMES_MTUS.matcher(rationale).find()) {
            // Only where the MTUS has a section for this request: on a hip MRI or a pre-operative EKG the
            // MTUS is silent, and citing the ODG alone needs no stated reason.
            // Also only where the MTUS has one for the topic the reviewer cited: a knee injection judged under
            // the ODG's hyaluronic acid section is judged on a topic the MTUS does not address.
            GuidelineRanker ranker = GuidelineLibrary.shipped().ranker();
            Optional<SearchHit> governing = ranker.governingMtus(item.request(), item.treatmentCategory());
            String topic = citedNonMtusTopic(g, cites);
            if (governing.isPresent() && !topic.isBlank()) {
                // the item's category, or suggested in its case (decided here, so passed to the ranker)
                String category = CategorySuggester.ofItem(c, index, item).key();
                if (ranker.governingMtus(topic, category).isEmpty()) {
                    governing = Optional.empty();
                }
            }
            governing.ifPresent(h -> out.add(new ConsistencyCheck("non-mtus-without-reason", Severity.WARNING,
                    label + "only a non-MTUS source is cited, though the MTUS has " + h.entry().name()
                    + (h.section() == null ? "" : ", " + h.section().name()) + " for this "
                    + "request, and the rationale does not say why the MTUS does not apply (the MTUS comes first "
                    + "in the strength of evidence hierarchy).", true)));
        }
    }

    /**
     * The non-MTUS topic the reviewer cited, in words: the library entry's name and sections, or the letter's
     * text after "Non-MTUS Citation" with the source's own name left out; blank when neither can be read.
     */
    static String citedNonMtusTopic(String reviewerGuideline, List<Citation> cites) {
        StringBuilder topic = new StringBuilder();
        for (Citation c : cites) {
            if (isMtus(c) || c.guidelineId() == null) {
                continue;
            }
            GuidelineLibrary.shipped().byId(c.guidelineId()).ifPresent(e -> {
                topic.append(e.name()).append(' ');
                if (c.sections() != null) {
                    c.sections().forEach(x -> topic.append(", ").append(x));
                }
            });
        }
        int at = reviewerGuideline.indexOf("Non-MTUS Citation");
        if (topic.length() == 0 && at >= 0) {
            topic.append(reviewerGuideline.substring(at + "Non-MTUS Citation".length()));
        }
        return NON_MTUS_SOURCE.matcher(topic).replaceAll(" ").strip();
    }

    private static boolean isMtus(Citation c) {
        String id = c.guidelineId() == null ? "" : c.guidelineId().toLowerCase(Locale.ROOT);
        return id.contains("mtus") && !id.contains("non-mtus") && !id.contains("non_mtus");
    }

    private static void conclusion(Item item, String label, List<ConsistencyCheck> out) {
        Conclusion concl = ConclusionSupport.conclusion(item.rationale());
        if (concl.verdict() == Verdict.NONE) {
            out.add(new ConsistencyCheck("no-conclusion", Severity.WARNING, label + "the rationale does not conclude "
                    + "whether the request is medically necessary.", true));
            return;
        }
        if (!item.isDecided()) {
            return;
        }
        Verdict expected = item.decision() == Decision.UPHELD ? Verdict.NOT_NECESSARY : Verdict.NECESSARY;
        if (concl.verdict() != expected) {
            out.add(new ConsistencyCheck("conclusion-contradicts-decision", Severity.ERROR, label + "the decision is "
                    + item.decision().label() + " (" + (item.decision() == Decision.UPHELD ? "not " : "")
                    + "medically necessary) but the rationale concludes: \"" + concl.sentence() + "\"", false));
        }
    }

    private static void gaps(CaseFile c, Item item, String label, DocumentedSearch search,
                             List<ConsistencyCheck> out) {
        for (GapPhraseSupport.Gap gap : GapPhraseSupport.gaps(item.rationale())) {
            List<String> hits = new ArrayList<>();
            if (search != null) {
                hits.addAll(search.find(gap.phrase()));
            }
            hits.addAll(excerptHits(c, gap.phrase()));
            if (hits.isEmpty()) {
                continue;
            }
            String shown = String.join("; ", hits.subList(0, Math.min(HITS_SHOWN, hits.size())))
                    + (hits.size() > HITS_SHOWN ? "; and " + (hits.size() - HITS_SHOWN) + " more" : "");
            out.add(new ConsistencyCheck("documented-after-all:" + gap.phrase().toLowerCase(Locale.ROOT),
                    Severity.WARNING, label + "the rationale says \"" + gap.sentence() + "\" but the record has \""
                    + gap.phrase() + "\": " + shown, true));
        }
    }

    private static List<String> excerptHits(CaseFile c, String phrase) {
        List<String> hits = new ArrayList<>();
        String p = phrase.toLowerCase(Locale.ROOT);
        for (Evidence e : c == null ? List.<Evidence>of() : c.evidenceList()) {
            if (e.quote() != null && e.quote().toLowerCase(Locale.ROOT).contains(p)) {
                hits.add("marked excerpt, " + e.documentId() + " page " + e.page() + ": \"" + e.quote() + "\"");
            }
        }
        return hits;
    }

    private static void readingGrade(Item item, String label, List<ConsistencyCheck> out) {
        // The grade is information: real, accepted letters read at grade 14 and above about half the time.
        // What a reader stumbles over is a very long sentence, so only those are warned about.
        double grade = ReadingGrade.fleschKincaid(item.rationale());
        String g = String.format(Locale.ROOT, "%.1f", grade);
        out.add(new ConsistencyCheck("reading-grade", Severity.INFO,
                label + "the rationale reads at grade " + g + " (Flesch-Kincaid).", false));
        String longest = null;
        int longestWords = 0;
        int longSentences = 0;
        for (String sentence : ConclusionSupport.sentences(item.rationale())) {
            int words = ReadingGrade.words(sentence);
            if (words > MAX_SENTENCE_WORDS) {
                longSentences++;
                if (words > longestWords) {
                    longest = sentence.strip();
                    longestWords = words;
                }
            }
        }
        if (longest != null) {
            String[] w = longest.split("\\s+");
            String start = String.join(" ", java.util.Arrays.asList(w).subList(0, Math.min(8, w.length)));
            out.add(new ConsistencyCheck("long-sentence", Severity.WARNING, label + (longSentences == 1
                    ? "a sentence has " : longSentences + " sentences have more than " + MAX_SENTENCE_WORDS
                    + " words; the longest has ") + longestWords + " words (\"" + start + " ...\"); letters should "
                    + "be in layperson's terms where practicable: split it.", true));
        }
    }

    private static void quantity(CaseFile c, int index, Item item, String label, List<ConsistencyCheck> out) {
        if (item.decision() != Decision.OVERTURNED) {
            return;
        }
        TreatmentCategory category = CategorySuggester.ofItem(c, index, item);
        String name = RationaleDrafter.itemName(item.request());
        AnswersSupport answers = new AnswersSupport(item.checklist());
        Limit limit = RulesSupport.forCategory(category).limit().apply(new Context(name, answers));
        Integer requested = RationaleDrafter.requested(answers, name);
        String rationale = item.rationale() == null ? "" : item.rationale().toLowerCase(Locale.ROOT);
        if (limit != null && requested != null && requested > limit.visits()
                && !EXCESS_EXPLAINED.matcher(rationale).find()) {
            out.add(new ConsistencyCheck("quantity-over-limit", Severity.WARNING, label + requested + " visits are "
                    + "requested, more than the guideline's " + limit.description() + ", yet the decision is "
                    + "Overturned; state the exceptional factors or acknowledge.", true));
        }
    }
}
