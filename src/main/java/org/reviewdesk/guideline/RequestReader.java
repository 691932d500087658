package org.reviewdesk.guideline;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a request as the category rules need it, the same way for every request: the IMR-eligible
 * portion without billing details ("DOS: 11/11/2016"), lower case, the rules' abbreviations written out
 * ("xr" as "x-ray"), and long words misspelt by one letter read as the rules' word ("acupunture",
 * "tramadal", "thearpy"). Nothing here names a category: the words come from {@code rules.json}.
 */
final class RequestReader {
    /** Words shorter than this are never corrected: "lotion" must not become "motion". */
    static final int MIN_LENGTH = 7;
    /** A changed (rather than added, dropped or swapped) letter is read only in words this long. */
    static final int MIN_SUBSTITUTION = 8;
    private static final Pattern WORD = Pattern.compile("[a-z]+");
    // A plain word inside a rule's pattern: not a stem ("electromyogra\w*") and not optional ("braces?").
    private static final Pattern PLAIN = Pattern.compile("(?<![a-z\\\\])[a-z]{" + MIN_LENGTH + ",}(?![a-z\\\\?(\\[{*+])");
    private static final Pattern ANY = Pattern.compile("[a-z]{3,}");
    /** Initials written with periods ("m.r.i.", "e.m.g."), read as the abbreviation ("mri"). */
    private static final Pattern DOTTED = Pattern.compile("(?<![a-z0-9])((?:[a-z]\\.){1,3}[a-z]\\.?)(?![a-z0-9])");
    /** A zero typed or scanned for the letter o at the start of a word ("0meprazole", "0xycodone"). */
    private static final Pattern ZERO_FOR_O = Pattern.compile("(?<![a-z0-9.,/])0(?=[a-z]{4,})");

    private final RulesData rules;
    /** The words a misspelling may be read as: the rules' own words, brands and ingredients. */
    private final Set<String> vocabulary = new HashSet<>();
    /** Every word the rules know (also stems and vetoes), never corrected. */
    private final Set<String> known = new HashSet<>();
    /** The category the rules give each vocabulary word read alone (absent when none). */
    private final Map<String, TreatmentCategory> categoryOfWord = new java.util.HashMap<>();

    RequestReader(RulesData rules) {
        this.rules = rules;
        for (RulesData.CategoryRule r : rules.categoryRules()) {
            collect(r.match().pattern(), true);
            if (r.requires() != null) {
                collect(r.requires().pattern(), false);
            }
            if (r.unless() != null) {
                collect(r.unless().pattern(), false);
            }
        }
        for (Map.Entry<String, String> b : rules.brands().entrySet()) {
            collect(b.getKey(), true);
            collect(b.getValue(), true);
        }
        for (RulesData.Ingredient x : rules.ingredients()) {
            collect(x.name().toLowerCase(Locale.ROOT), true);
            collect(x.match().pattern(), true);
        }
        for (Map.Entry<String, List<String>> s : rules.synonyms().entrySet()) {
            collect(s.getKey(), false);
            s.getValue().forEach(v -> collect(v.toLowerCase(Locale.ROOT), false));
        }
        for (RulesData.BodyPart p : rules.bodyParts()) {
            collect(p.match().pattern(), false);
            p.words().forEach(w -> collect(w.toLowerCase(Locale.ROOT), false));
        }
        for (String w : rules.lexicon()) {
            known.add(w);
        }
        known.addAll(vocabulary);
        for (String v : vocabulary) {
            String text = rules.withIngredients(v);
            for (RulesData.CategoryRule r : rules.categoryRules()) {
                if (r.matches(text)) {
                    categoryOfWord.put(v, r.category());
                    break;
                }
            }
        }
    }

    private void collect(String source, boolean target) {
        if (target) {
            Matcher m = PLAIN.matcher(source);
            while (m.find()) {
                vocabulary.add(m.group());
            }
        }
        Matcher a = ANY.matcher(source);
        while (a.find()) {
            known.add(a.group());
            // An optional last letter ("massagers?") makes two words the rules know: "massager" too.
            if (a.end() < source.length() && source.charAt(a.end()) == '?' && a.group().length() > 3) {
                known.add(a.group().substring(0, a.group().length() - 1));
            }
        }
    }

    /** The request read for the rules: portion, lower case, abbreviations written out, spelling read. */
    String read(String request) {
        String t = ItemNameSupport.itemName(request).toLowerCase(Locale.ROOT);
        t = ZERO_FOR_O.matcher(t).replaceAll("o");
        t = undotted(t);
        t = rules.withAbbreviations(t);
        return spelled(t);
    }

    /** The text with initials written with periods read without them ("m.r.i." as "mri"). */
    static String undotted(String lowerText) {
        Matcher m = DOTTED.matcher(lowerText);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(m.group(1).replace(".", "")));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** The text with each long word the rules do not know, one edit from exactly one rule word, read as that word. */
    String spelled(String lowerText) {
        Matcher m = WORD.matcher(lowerText);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String w = m.group();
            String fixed = w.length() >= MIN_LENGTH && !known.contains(w) ? correction(w) : null;
            m.appendReplacement(out, Matcher.quoteReplacement(fixed == null ? w : fixed));
        }
        m.appendTail(out);
        return out.toString();
    }

    /**
     * The one vocabulary word at one edit (a letter added, dropped, changed or two swapped), or null; a word
     * with "ph" for the rules' "f" ("ibuprophen", "ketoprophen") is read as that word. When several words are
     * at one edit and the rules give each of them, read alone, the same category ("naproxyn": naproxen and
     * Naprosyn, both NSAIDs), the first of them in alphabetical order is read: the category does not depend on
     * which.
     */
    String correction(String word) {
        if (word.contains("ph")) {
            String f = word.replace("ph", "f");
            if (vocabulary.contains(f)) {
                return f;
            }
        }
        java.util.TreeSet<String> found = new java.util.TreeSet<>();
        for (String v : vocabulary) {
            if (Math.abs(v.length() - word.length()) <= 1 && oneEdit(word, v)) {
                found.add(v);
            }
        }
        if (found.size() <= 1) {
            return found.isEmpty() ? null : found.first();
        }
        TreatmentCategory c = categoryOfWord.get(found.first());
        for (String v : found) {
            if (c == null || categoryOfWord.get(v) != c) {
                return null;
            }
        }
        return found.first();
    }

    /** Whether a and b differ by exactly one insertion, deletion, substitution or swap of neighbours. */
    static boolean oneEdit(String a, String b) {
        if (a.equals(b)) {
            return false;
        }
        int la = a.length();
        int lb = b.length();
        if (la == lb) {
            int i = 0;
            while (a.charAt(i) == b.charAt(i)) {
                i++;
            }
            // A changed letter only in longer words: "heating" and "hearing" are words, not "healing".
            if (la >= MIN_SUBSTITUTION && a.substring(i + 1).equals(b.substring(i + 1))) {
                return true;
            }
            return i + 1 < la && a.charAt(i) == b.charAt(i + 1) && a.charAt(i + 1) == b.charAt(i)
                    && a.substring(i + 2).equals(b.substring(i + 2));
        }
        if (Math.abs(la - lb) != 1) {
            return false;
        }
        String s = la < lb ? a : b;
        String l = la < lb ? b : a;
        int i = 0;
        while (i < s.length() && s.charAt(i) == l.charAt(i)) {
            i++;
        }
        return s.substring(i).equals(l.substring(i + 1));
    }

    /** The words misspellings are read as (for tests). */
    Set<String> vocabulary() {
        return Set.copyOf(vocabulary);
    }
}
