package org.reviewdesk.guideline;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** Suggests a treatment category from the request text by keywords and drug names. */
public final class CategorySuggester {

    /** One category and the words that point to it. */
    private record Rule(TreatmentCategory category, Pattern pattern) {
    }

    // Order matters: the first matching rule wins. Drugs come first because a drug named in a
    // post-operative item ("Post-op Percocet") is judged by its own guideline; injections come
    // before topicals because injected lidocaine is not a topical; chiropractic comes before
    // physical therapy because letters say "chiropractic physiotherapy"; the therapies and tests
    // come before surgery so that "Associated surgical service: Physical therapy" is therapy;
    // surgery comes before equipment so that post-operative slings and cold units go with the surgery.
    private static final List<Rule> RULES = List.of(
            rule(TreatmentCategory.OPIOID, "opioids?|opiates?|tramadol|ultram|ultracet|norco|hydrocodone|vicodin|lortab"
                    + "|oxycodone|oxycontin|percocet|endocet|roxicodone|morphine|ms contin|kadian|hydromorphone"
                    + "|dilaudid|oxymorphone|opana|tapentadol|nucynta|fentanyl|duragesic|methadone|buprenorphine"
                    + "|butrans|suboxone|codeine|tylenol (#|no\\.? ?)3"),
            rule(TreatmentCategory.MUSCLE_RELAXANT, "muscle relaxants?|cyclobenzaprine|flexeril|amrix|fexmid|tizanidine"
                    + "|zanaflex|baclofen|lioresal|methocarbamol|robaxin|carisoprodol|soma|orphenadrine|norflex"
                    + "|metaxalone|skelaxin|chlorzoxazone|parafon|dantrolene"),
            rule(TreatmentCategory.INJECTION, "injections?|injected|inject|epidural|esis?|facet|trigger points?"
                    + "|prp|platelet[- ]rich|nerve blocks?|blocks?|radiofrequency|rhizotomy|neurotomy"
                    + "|viscosupplementation|synvisc|orthovisc|euflexxa|cortisone|botox"),
            rule(TreatmentCategory.TOPICAL, "topicals?|creams?|gels?|ointments?|lotions?|patch(es)?|compound(ed)?"
                    + "|transdermal|lidoderm|terocin|flector|pennsaid|voltaren gel"),
            rule(TreatmentCategory.NSAID, "nsaids?|ibuprofen|motrin|advil|naproxen|naprosyn|anaprox|aleve|meloxicam"
                    + "|mobic|celecoxib|celebrex|diclofenac|voltaren|arthrotec|etodolac|lodine|nabumetone|relafen"
                    + "|ketorolac|toradol|indomethacin|indocin|piroxicam|feldene|ketoprofen|fenoprofen|nalfon"
                    + "|oxaprozin|daypro|sulindac|diflunisal"),
            rule(TreatmentCategory.ELECTRODIAGNOSTIC, "emg|ncv|ncs|electromyogra\\w*|nerve conduction|electrodiagnostic"),
            rule(TreatmentCategory.IMAGING, "mri|mra|magnetic resonance|x-?rays?|radiographs?|radiography|ct|ct scan"
                    + "|computed tomography|bone scan|imaging|arthrogram|myelogram|discogram|dexa|sonogram"
                    + "|diagnostic ultrasound"),
            rule(TreatmentCategory.ACUPUNCTURE, "acupuncture|electroacupuncture|acupressure"),
            rule(TreatmentCategory.CHIROPRACTIC, "chiropractic|chiropractor|chiro|manipulation|manual therapy"),
            rule(TreatmentCategory.PHYSICAL_THERAPY, "pt|ot|physical therapy|occupational therapy|physiotherapy"
                    + "|physical medicine|aquatic therapy|hand therapy|therapeutic exercises?|work hardening"
                    + "|work conditioning"),
            rule(TreatmentCategory.PSYCH, "psych\\w*|cbt|cognitive behaviou?ral|biofeedback|counseling|mental health"),
            rule(TreatmentCategory.SURGERY, "surgery|surgical|surgeries|post-?op|post-?operative|pre-?op|pre-?operative"
                    + "|arthroscop\\w*|\\w+ectomy|\\w+plasty|\\w+otomy|fusion|arthrodesis|repair|reconstruction"
                    + "|fixation|orif|open reduction|(?<!extended[- ])release|decompression|replacement|tenodesis"),
            rule(TreatmentCategory.TENS_DME, "tens|h-?wave|interferential|dme|durable medical equipment|braces?"
                    + "|orthos[ie]s|orthotics?|splints?|supports?|pillows?|canes?|walkers?|wheelchairs?|crutch(es)?"
                    + "|cold therapy|cryotherapy|hot/cold|heat(ing)? pad|mattress|cushions?|slings?|collars?|insoles?"
                    + "|stimulators?|shower chair|commode"));

    private CategorySuggester() {
    }

    private static Rule rule(TreatmentCategory c, String words) {
        // Whole words only, so that "pt" does not match "prompt" nor "ct" "act".
        return new Rule(c, Pattern.compile("(?<![a-z0-9])(" + words + ")(?![a-z0-9])"));
    }

    /** The suggested category; {@link TreatmentCategory#OTHER} when nothing points anywhere. */
    public static TreatmentCategory suggest(String request) {
        if (request == null || request.isBlank()) {
            return TreatmentCategory.OTHER;
        }
        String text = request.toLowerCase(Locale.ROOT);
        for (Rule r : RULES) {
            if (r.pattern().matcher(text).find()) {
                return r.category();
            }
        }
        return TreatmentCategory.OTHER;
    }
}
