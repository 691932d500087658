package org.reviewdesk.precedent;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.reviewdesk.domain.Citation;
import org.reviewdesk.guideline.CitationParseException;
import org.reviewdesk.guideline.CitationText;
import org.reviewdesk.guideline.GuidelineEntry;
import org.reviewdesk.guideline.GuidelineKind;
import org.reviewdesk.guideline.GuidelineLibrary;
import org.reviewdesk.guideline.UnknownGuidelineException;

/**
 * Which guidelines a citation line cites, compared as guidelines rather than as spellings: used only by precedent
 * matching (the guideline library keeps each spelling the letters used, so "ODG Pain Chapter, Opioids" and
 * "Official Disability Guidelines (ODG), Pain (Chronic), Opioids" are two library entries but one guideline).
 *
 * <p>Two levels:
 * <ul>
 * <li><b>guideline</b>: the publication and its chapter. An MTUS guideline is keyed by what it covers
 * ({@code mtus:chronic-pain} for the 2009 and 2016 Chronic Pain guidelines however named, {@code mtus:low-back} for
 * Low Back Complaints, {@code mtus:neck} also for "ACOEM Chapter 8 Neck and Upper Back Complaints"); an ODG or
 * non-MTUS ACOEM citation by its chapter ({@code odg:pain}, {@code odg:low-back}, {@code acoem:shoulder}); any other
 * source by its words.</li>
 * <li><b>topic</b>: the guideline key and the section or topic cited, with common synonyms folded
 * ({@code odg:shoulder:mri} for "MRI shoulder", "Magnetic resonance imaging (MRI)" and "MR Arthrogram";
 * {@code mtus:low-back:special-studies}).</li>
 * </ul>
 * A line the library cannot read is keyed from its text ("Decision based on MTUS ..." / "Decision based on Non-MTUS
 * Citation ..." sentences), so letters citing sources the library lacks still compare.
 */
public final class CitationKeys {
    /** The keys of one citation line: guidelines and topics. */
    public record Keys(Set<String> guidelines, Set<String> topics) {
        public static final Keys NONE = new Keys(Set.of(), Set.of());

        public Keys {
            guidelines = Set.copyOf(guidelines);
            topics = Set.copyOf(topics);
        }

        public boolean isEmpty() {
            return guidelines.isEmpty();
        }
    }

    private static final Pattern ODG = Pattern.compile("(?i)official disability guidelines|\\bodg\\b");
    private static final Pattern ACOEM = Pattern.compile("(?i)\\bacoem\\b");
    /** MTUS guidelines that are not a body-part complaints chapter, by what their name says. */
    private static final Map<String, Pattern> MTUS_TOPICS = new LinkedHashMap<>();
    /** Chapters of ODG (and of the complaints guidelines of ACOEM and the MTUS), first match wins per span. */
    private static final Map<String, Pattern> CHAPTERS = new LinkedHashMap<>();
    /** Topics with their usual synonyms; a section naming none of these is keyed by its own words. */
    private static final Map<String, Pattern> TOPICS = new LinkedHashMap<>();
    private static final Pattern SENTENCE = Pattern.compile(
            "Decision based on (MTUS|Non-MTUS Citation|Non-MTUS) (.+?)(?=\\.\\s+Decision based on |\\.?\\s*$)",
            Pattern.DOTALL);
    private static final Set<String> FILLER = Set.of("official", "disability", "guidelines", "guideline", "odg", "acoem",
            "chapter", "section", "topic", "the", "and", "of", "for", "in", "on", "to", "a", "an", "acute", "chronic",
            "updated", "online", "version", "web", "edition", "ed", "pg", "page", "annual", "work", "loss", "data",
            "institute", "other", "medical", "treatment", "mtus", "with", "or", "th", "rd", "nd", "st", "occupational",
            "medicine", "practice", "disorders", "american", "college", "environmental");

    static {
        mtus("chronic-pain", "chronic pain");
        mtus("opioids", "opioid");
        mtus("acupuncture", "acupuncture");
        mtus("postsurgical", "post-?surgical");
        mtus("general-approaches", "general approaches");
        mtus("stress", "stress|mental");

        chapter("low-back", "low(?:er)? back|lumbar|thoracic");
        chapter("neck", "neck|cervical|upper back");
        chapter("shoulder", "shoulders?");
        chapter("elbow", "elbows?");
        chapter("hand", "forearm|wrists?|hands?|carpal tunnel(?: syndrome)?");
        chapter("hip", "hips?|pelvis|groin");
        chapter("knee", "knees?|leg");
        chapter("ankle-foot", "ankles?|foot|feet");
        chapter("head", "head");
        chapter("mental", "mental|stress");
        chapter("fitness-for-duty", "fitness for duty");
        chapter("hernia", "hernia");
        chapter("preface", "preface|physical therapy guidelines|chiropractic guidelines");
        chapter("pain", "pain");

        topic("mri", "mri'?s?|magnetic resonance|mr arthrogram");
        topic("ct", "ct|computed tomography");
        topic("x-ray", "x-?rays?|radiograph\\w*");
        topic("bone-scan", "bone scan");
        topic("electrodiagnostic", "emg|ncs|ncv|eds|electrodiagnostic|nerve conduction|electromyograph\\w*");
        topic("eeg", "eeg|electroencephalograph\\w*|neurofeedback");
        topic("imaging", "special studies|indications for imaging|imaging");
        topic("physical-therapy", "physical therapy|physical medicine|physical/occupational therapy|occupational therapy"
                + "|physical methods|pt");
        topic("manipulation", "manipulation|chiropractic|manual therapy");
        topic("acupuncture", "acupuncture");
        topic("dme", "dme|durable medical equipment");
        topic("prp", "prp|platelet-rich plasma");
        topic("shock-wave", "shock wave|eswt");
        topic("epidural", "epidural|esis?");
        topic("tens", "tens|transcutaneous electrical");
        topic("topical", "topical|lidoderm|lidocaine|voltaren|flector|compound(?:ed)?(?: drugs)?");
        topic("nsaid", "nsaids?|anti-inflammatory|celebrex|celecoxib|meloxicam|diclofenac");
        topic("ppi", "proton pump|ppis?|gi symptoms");
        topic("muscle-relaxant", "muscle relaxants?|cyclobenzaprine|flexeril");
        topic("opioids", "opioids?");
        topic("benzodiazepines", "benzodiazepines?");
        topic("antidepressants", "antidepressants?|tcas?'?s?|tricyclics?");
        topic("home-health", "home health");
        topic("skilled-nursing", "skilled nursing|snf");
        topic("pre-op", "pre-?operative|pre-?op");
        topic("cryotherapy", "cryotherapy");
        topic("sling", "sling");
        topic("psychological", "psycholog\\w*|biofeedback");
        topic("office-visits", "office visits?");
        topic("drug-testing", "drug testing|udt|urine drug");
    }

    private CitationKeys() {
    }

    private static Pattern words(String regex) {
        return Pattern.compile("(?i)(?<![a-z0-9])(?:" + regex + ")(?![a-z0-9])");
    }

    private static void mtus(String key, String regex) {
        MTUS_TOPICS.put(key, words(regex));
    }

    private static void chapter(String key, String regex) {
        CHAPTERS.put(key, words(regex));
    }

    private static void topic(String key, String regex) {
        TOPICS.put(key, words(regex));
    }

    /**
     * The keys of a guideline line as the letters print it ({@code Decision based on MTUS ...}); empty when it
     * cites nothing.
     */
    public static Keys of(String citationLine, GuidelineLibrary lib) {
        if (citationLine == null || citationLine.isBlank()) {
            return Keys.NONE;
        }
        try {
            return of(CitationText.parse(citationLine, lib), lib);
        } catch (CitationParseException | UnknownGuidelineException e) {
            return fromText(citationLine);
        }
    }

    /** The keys of structured citations of library entries. */
    public static Keys of(List<Citation> citations, GuidelineLibrary lib) {
        Set<String> g = new LinkedHashSet<>();
        Set<String> t = new LinkedHashSet<>();
        for (Citation c : citations) {
            GuidelineEntry e = lib.byId(c.guidelineId()).orElse(null);
            if (e == null) {
                g.add("entry:" + c.guidelineId());
                continue;
            }
            add(e.kind() == GuidelineKind.MTUS, e.name(), c.sections() == null ? List.of() : c.sections(), g, t);
        }
        return new Keys(g, t);
    }

    /** The keys of a citation line read from its text alone (no library). */
    static Keys fromText(String citationLine) {
        String line = citationLine.strip().replaceAll("\\s+", " ");
        Set<String> g = new LinkedHashSet<>();
        Set<String> t = new LinkedHashSet<>();
        Matcher m = SENTENCE.matcher(line);
        while (m.find()) {
            boolean mtus = m.group(1).equals("MTUS");
            String body = m.group(2);
            if (mtus) {
                // "Low Back Complaints 2004, Section(s): Special Studies, and Chronic Pain ..., Section(s): ..."
                for (String part : body.split(", and (?=[A-Z])")) {
                    int s = part.indexOf(", Section(s): ");
                    add(true, s < 0 ? part : part.substring(0, s),
                            s < 0 ? List.of() : List.of(part.substring(s + ", Section(s): ".length())), g, t);
                }
            } else {
                add(false, body, List.of(), g, t);
            }
        }
        return new Keys(g, t);
    }

    /** The guideline keys of one cited source (its name) and the topic keys of its sections. */
    static void add(boolean mtus, String name, List<String> sections, Set<String> guidelines, Set<String> topics) {
        List<String> gs = new ArrayList<>();
        String rest;
        if (mtus) {
            String key = null;
            for (var e : MTUS_TOPICS.entrySet()) {
                if (e.getValue().matcher(name).find()) {
                    key = e.getKey();
                    break;
                }
            }
            if (key != null) {
                gs.add("mtus:" + key);
            } else {
                chapters(name).forEach(c -> gs.add("mtus:" + c));
            }
            if (gs.isEmpty()) {
                gs.add("mtus:" + slug(name));
            }
            rest = "";
        } else {
            String publication = ODG.matcher(name).find() ? "odg" : ACOEM.matcher(name).find() ? "acoem" : null;
            if (publication == null) {
                gs.add("other:" + slug(name));
                rest = "";
            } else {
                // "Head (trauma, headaches, etc., not including stress & mental disorders)": the words in
                // parentheses qualify the chapter; they name another only when nothing outside them does
                Set<String> chapters = chapters(name.replaceAll("\\([^)]*\\)", " "));
                if (chapters.isEmpty()) {
                    chapters = chapters(name);
                }
                chapters.forEach(c -> gs.add(publication + ":" + c));
                rest = name;
                if (gs.isEmpty()) {
                    // a source named by its topic only ("ODG PRP"): the topic stands for the chapter
                    Set<String> ts = topicsOf(name);
                    String what = ts.isEmpty() ? slug(name) : ts.iterator().next();
                    if (what.equals("physical-therapy") || what.equals("manipulation")) {
                        what = "preface"; // ODG's physical therapy and chiropractic guidelines are in its Preface
                    }
                    gs.add(what.isEmpty() ? publication : publication + ":" + what);
                }
            }
        }
        guidelines.addAll(gs);
        Set<String> ts = new LinkedHashSet<>();
        for (String s : sections) {
            ts.addAll(topicsOf(s));
        }
        if (sections.isEmpty() && !rest.isEmpty()) {
            ts.addAll(nameTopics(rest));
        }
        for (String g : gs) {
            if (ts.isEmpty()) {
                topics.add(g);
            }
            ts.forEach(x -> topics.add(g + ":" + x));
        }
    }

    /** The chapters a name names, a word span counted once (the first chapter that claims it). */
    static Set<String> chapters(String name) {
        Set<String> out = new LinkedHashSet<>();
        boolean[] used = new boolean[name.length()];
        CHAPTERS.forEach((key, p) -> {
            Matcher m = p.matcher(name);
            while (m.find()) {
                if (!used[m.start()]) {
                    if (!key.equals("pain") || out.isEmpty()) {
                        out.add(key);
                    }
                    for (int i = m.start(); i < m.end(); i++) {
                        used[i] = true;
                    }
                }
            }
        });
        return out;
    }

    /**
     * The topic a source's name carries after its chapter ("ODG MRI shoulder": mri; "ODG Low Back Chapter":
     * none): the known topics it names, else its words once the chapter words are gone.
     */
    static Set<String> nameTopics(String name) {
        Set<String> out = new LinkedHashSet<>();
        TOPICS.forEach((key, p) -> {
            if (p.matcher(name).find()) {
                out.add(key);
            }
        });
        if (out.size() > 1 && (out.contains("mri") || out.contains("ct") || out.contains("x-ray")
                || out.contains("bone-scan"))) {
            out.remove("imaging");
        }
        if (out.isEmpty()) {
            String left = name;
            for (Pattern p : CHAPTERS.values()) {
                left = p.matcher(left).replaceAll(" ");
            }
            String s = slug(left);
            if (!s.isEmpty()) {
                out.add(s);
            }
        }
        return out;
    }

    /** The topics a section (or a source's name) names, synonyms folded; else its own words. */
    static Set<String> topicsOf(String text) {
        Set<String> out = new LinkedHashSet<>();
        TOPICS.forEach((key, p) -> {
            if (p.matcher(text).find()) {
                out.add(key);
            }
        });
        if (out.size() > 1 && (out.contains("mri") || out.contains("ct") || out.contains("x-ray")
                || out.contains("bone-scan"))) {
            out.remove("imaging"); // "magnetic resonance imaging" is the MRI, not imaging in general
        }
        if (out.isEmpty()) {
            String s = slug(text);
            if (!s.isEmpty()) {
                out.add(s);
            }
        }
        return out;
    }

    /** The words of a name without publication, chapter filler, dates and punctuation, joined by dashes. */
    static String slug(String text) {
        List<String> kept = new ArrayList<>();
        for (String w : text.toLowerCase(Locale.ROOT).replaceAll("\\([^)]*\\)", " ").split("[^a-z]+")) {
            if (!w.isEmpty() && !FILLER.contains(w)) {
                kept.add(w.length() > 3 && w.endsWith("s") && !w.endsWith("ss") ? w.substring(0, w.length() - 1) : w);
            }
        }
        return String.join("-", kept);
    }
}
