package org.reviewdesk.guideline;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** Finds what a rationale concludes: its last sentence that says whether the item is medically necessary. */
final class ConclusionSupport {

    /** What a rationale concludes. */
    enum Verdict { NECESSARY, NOT_NECESSARY, NONE }

    /** The verdict and the sentence it came from (null when none). */
    record Conclusion(Verdict verdict, String sentence) {
    }

    private static final Pattern SENTENCES = Pattern.compile("(?<=[.!?][\"”]?)\\s+(?=[A-Z\"“(])");
    private static final Pattern NECESSARY = Pattern.compile("medically[\\s-]+necessar");
    // "is not medically necessary", "not-medically necessary", "is not seen as medically necessary",
    // "cannot be deemed medically necessary", "is determined to be not medically necessary".
    private static final Pattern NEGATED = Pattern.compile(
            "(\\bnot|\\bnon|\\bcannot|\\bcan not|n't)[\\s-]+(?:[a-z]+\\s+){0,3}medically[\\s-]+necessar");
    // A conditional sentence ("would be medically necessary if ...") states no verdict.
    private static final Pattern CONDITIONAL = Pattern.compile("\\b(would|could|may|might|if|unless|whether)\\b");
    private static final Pattern NECESSITY = Pattern.compile("medical necessity|medically necessary");
    // "not supported by the guidelines as being medically necessary", "not shown to be medically necessary".
    private static final Pattern NOT_SUPPORTED_AS = Pattern.compile("\\bnot (?:been |be )?(?:supported|shown|"
            + "established|substantiated|demonstrated|considered|deemed|found|recommended)\\b[^.;]{0,100}?\\b(?:as|to be)"
            + " (?:being )?medically[\\s-]+necessar");
    // "is not a medical necessity", "is not necessary", "is not medically appropriate", "is not indicated".
    private static final Pattern PLAIN_NEGATION = Pattern.compile("\\b(?:is|are|was|were|be)\\s+not\\s+(?:a\\s+)?"
            + "(?:medical necessity|(?:medically\\s+)?(?:necessary|appropriate|indicated|warranted|reasonable))\\b");
    private static final Pattern PLAIN_POSITIVE = Pattern.compile("\\b(?:is|are)\\s+(?:a\\s+medical necessity|"
            + "medically\\s+(?:appropriate|indicated|warranted|reasonable))\\b");
    private static final Pattern NOT_ESTABLISHED = Pattern.compile("\\bnot (?:been )?established\\b");
    private static final Pattern ESTABLISHED = Pattern.compile("\\b(?:is|are|has been|have been) established\\b");
    private static final Pattern NON_CERTIFIED = Pattern.compile(
            "\\b(?:is|are)\\s+(?:[a-z]+\\s+){0,2}(?:non-?certified|not certified)");
    private static final Pattern CERTIFIED = Pattern.compile("\\b(?:is|are)\\s+(?:[a-z]+\\s+){0,2}certified\\b");
    // Sentences about utilization review's decision are history, not this determination's verdict.
    private static final Pattern HISTORY = Pattern.compile(
            "utilization review|\\bur\\b|claims administrator|prior review|previous review|peer review");

    private ConclusionSupport() {
    }

    static List<String> sentences(String text) {
        return text == null || text.isBlank() ? List.of() : List.of(SENTENCES.split(text.strip()));
    }

    static Conclusion conclusion(String rationale) {
        List<String> sentences = sentences(rationale);
        for (int i = sentences.size() - 1; i >= 0; i--) {
            Verdict v = verdict(sentences.get(i));
            if (v != Verdict.NONE) {
                return new Conclusion(v, sentences.get(i).strip());
            }
        }
        return new Conclusion(Verdict.NONE, null);
    }

    static Verdict verdict(String sentence) {
        String s = sentence.toLowerCase(Locale.ROOT);
        if (NOT_SUPPORTED_AS.matcher(s).find()) {
            return Verdict.NOT_NECESSARY;
        }
        if (NECESSARY.matcher(s).find()) {
            if (NEGATED.matcher(s).find()) {
                return Verdict.NOT_NECESSARY;
            }
            return CONDITIONAL.matcher(s).find() ? Verdict.NONE : Verdict.NECESSARY;
        }
        if (NECESSITY.matcher(s).find()) {
            if (NOT_ESTABLISHED.matcher(s).find()) {
                return Verdict.NOT_NECESSARY;
            }
            if (ESTABLISHED.matcher(s).find() && !CONDITIONAL.matcher(s).find()) {
                return Verdict.NECESSARY;
            }
        }
        if (HISTORY.matcher(s).find()) {
            return Verdict.NONE;
        }
        if (PLAIN_NEGATION.matcher(s).find()) {
            return Verdict.NOT_NECESSARY;
        }
        if (PLAIN_POSITIVE.matcher(s).find() && !CONDITIONAL.matcher(s).find()) {
            return Verdict.NECESSARY;
        }
        if (NON_CERTIFIED.matcher(s).find()) {
            return Verdict.NOT_NECESSARY;
        }
        return CERTIFIED.matcher(s).find() ? Verdict.NECESSARY : Verdict.NONE;
    }
}
