package org.reviewdesk.guideline;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Pulls out what a rationale says is missing from the records ("no documentation of X",
 * "X is not documented") as short phrases to look up in the record.
 */
final class GapPhraseSupport {

    /** A sentence that says something is missing, and the phrase to search for. */
    record Gap(String sentence, String phrase) {
    }

    // What follows these words is the missing thing.
    private static final Pattern AFTER = Pattern.compile("(?:\\bno (?:documentation|evidence|indication|mention"
            + "|record)|\\black of (?:documentation|evidence)|\\b(?:does|do|did) not (?:document|note|show|indicate)"
            + "|\\bfail(?:s|ed)? to (?:document|note|show)|\\bwithout (?:documentation|evidence))"
            + "(?:\\s+(?:of|that|regarding|indicating|showing|to support|noting|for))*\\s+(.+)");
    // What precedes these words is the missing thing.
    // "is not indicated" is a guideline's verdict, not a gap in the records, so it is not a trigger.
    private static final Pattern BEFORE = Pattern.compile("^(.+?)\\s+(?:is|are|was|were|has not been|have not been)"
            + "\\s+(?:not\\s+)?(?:documented|specified|noted|provided|reported|mentioned)\\b");
    private static final Pattern NEGATIVE_BEFORE = Pattern.compile("\\b(?:is|are|was|were) not (?:documented"
            + "|specified|noted|provided|reported|mentioned)|\\b(?:has|have) not been (?:documented"
            + "|specified|noted|provided|reported)");
    // "the patient has failed X": the person is in every record; X is what to look for.
    private static final Pattern SUBJECT = Pattern.compile("^(?i)(?:that\\s+)?(?:the\\s+|this\\s+)?(?:patient|claimant"
            + "|injured worker|applicant|worker|employee)(?:'s|’s)?(?:\\s+(?:has|had|have|was|is|were|did|does))?"
            + "(?:\\s+(?:been|not))?\\s+");
    // The phrase ends where the sentence turns to where or why it is missing.
    private static final Pattern STOP = Pattern.compile("[,;:()\"“”]|\\s(?:in|from|with|for|after|on|to|since|by|at"
            + "|that|which|who|as|per|during|within|and|or|but|despite|because|is|are|was|were)\\s"
            + "|\\s(?:the|this) (?:patient|claimant|injured|applicant|worker)");
    private static final Set<String> LEADING = Set.of("the", "a", "an", "any", "significant", "specific", "objective",
            "clear", "recent", "documented", "prior", "previous", "remaining", "further", "additional", "current",
            "ongoing", "valid", "this", "these", "such", "evidence", "of", "number", "amount", "subjective",
            "clinically", "meaningful", "measurable", "what", "how", "which", "whether", "why", "documentation",
            "presence");
    private static final int MAX_WORDS = 5;

    private GapPhraseSupport() {
    }

    static List<Gap> gaps(String rationale) {
        Set<String> seen = new LinkedHashSet<>();
        List<Gap> gaps = new ArrayList<>();
        for (String sentence : ConclusionSupport.sentences(rationale)) {
            String phrase = phrase(sentence);
            if (phrase != null && seen.add(phrase)) {
                gaps.add(new Gap(sentence.strip(), phrase));
            }
        }
        return gaps;
    }

    static String phrase(String sentence) {
        String s = sentence.strip();
        Matcher after = AFTER.matcher(s.toLowerCase(Locale.ROOT));
        String raw = null;
        if (after.find()) {
            raw = s.substring(after.start(1));
        } else if (NEGATIVE_BEFORE.matcher(s.toLowerCase(Locale.ROOT)).find()) {
            Matcher before = BEFORE.matcher(s);
            raw = before.find() ? before.group(1) : null;
        }
        return raw == null ? null : clean(raw);
    }

    private static String clean(String raw) {
        String subjectless = SUBJECT.matcher(raw.strip()).replaceFirst("");
        Matcher stop = STOP.matcher(" " + subjectless + " ");
        String head = stop.find() ? (" " + subjectless + " ").substring(0, stop.start()) : subjectless;
        List<String> words = new ArrayList<>(Arrays.asList(head.strip().replaceAll("[.!?]+$", "").split("\\s+")));
        while (!words.isEmpty() && LEADING.contains(words.get(0).toLowerCase(Locale.ROOT))) {
            words.remove(0);
        }
        if (words.size() > MAX_WORDS) {
            words = words.subList(0, MAX_WORDS);
        }
        String phrase = String.join(" ", words).strip();
        // One ordinary word ("patient", "treatment", "benefit") finds everything; an acronym ("CURES") is specific.
        boolean acronym = phrase.matches("[A-Z]{3,}");
        return words.size() < 2 && !acronym ? null : phrase;
    }
}
