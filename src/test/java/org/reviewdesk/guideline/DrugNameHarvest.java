package org.reviewdesk.guideline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Harvests drug, product and device NAMES from the text of all public letters, for the name table of
 * {@code drug-names.json} (the project allows a guideline or brand name to come from any letter). It prints
 * names only: a word that stands before a strength or a dosage form ("Xxx 10mg", "Xxx 5% cream", "Xxx patch"),
 * a word with a drug-name ending (-codone, -profen, -prazole, ...), or a capitalised word in a medication list
 * ("medications included A, B and C"). For each name: the number of letters it occurs in and the category the
 * rules give the name on its own, so that names the rules do not know stand out. It never prints the text
 * around a name, never an item's request, decision, citation or label, and it does not run the suggester on
 * any request. A person classifies each name by pharmacology; the table is written by hand from that.
 *
 * <p>Run (from the project root, after {@code mvn -q -o test-compile}):
 * {@code java -cp target/classes:target/test-classes:$(cat target/bench.cp) org.reviewdesk.guideline.DrugNameHarvest
 * ../shared/data/imr-letters/txt > /tmp/names.tsv}
 */
public final class DrugNameHarvest {
    private static final Pattern WORD = Pattern.compile("[A-Za-z][A-Za-z'\\-]*[A-Za-z]");
    private static final Pattern STRENGTH = Pattern.compile(
            "^\\s*(?:\\(|-|\\s)*(?:[A-Za-z-]+\\s+){0,2}?\\d+(?:\\.\\d+)?(?:/\\d+(?:\\.\\d+)?)?\\s*(?:mg|mcg|%|ml|gm|g|grams?|units?|meq|iu|mcg/hr|mg/ml)\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern FORM = Pattern.compile(
            "^\\s*(?:\\d+(?:\\.\\d+)?\\s*%\\s*)?(?:cream|gel|lotion|ointment|patch(?:es)?|tablets?|tabs?|capsules?|caps|ER|XR|CR|SR|DS|ODT|spray|solution|suspension|kit)\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern DEVICE = Pattern.compile(
            "^\\s*(?:[A-Za-z-]+\\s+)?(?:units?|device|system|machine|stimulator|brace|sling|orthosis|wrap|pump|pad|splint|monitor)\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern SUFFIX = Pattern.compile(
            "(?i).*(?:codone|morphone|adol|profen|fenac|oxicam|coxib|prazole|tidine|azepam|zolam|pam|barbital|"
            + "xetine|faxine|triptyline|triptan|tiapine|pine|caine|sone|olone|methasone|zolid|ramine|etine|"
            + "iramate|gabalin|pentin|pidem|clone|codeine|fentanyl|tramadol|nadol|salicylate|cillin|mycin|floxacin|"
            + "statin|pril|sartan|olol|dipine|formin|thiazide|semide|zepam|trazodone|azole|afil|asone|terol)");
    private static final Pattern LIST = Pattern.compile(
            "(?i)(?:medications?(?: regimen| list)?(?: (?:included|include|includes|including|consisting of|were|are|such as))?\\s*:?|"
            + "prescribed|prescriptions? (?:for|of)|dispensed|refills? of|was given|were given)([^.]{0,400})");
    private static final Set<String> STOP = Set.of("the", "and", "with", "was", "were", "for", "per", "day", "daily",
            "times", "tablet", "tablets", "patch", "cream", "gel", "mg", "twice", "once", "every", "as", "needed",
            "which", "that", "this", "his", "her", "she", "he", "they", "their", "including", "included", "also",
            "other", "oral", "topical", "medications", "medication", "current", "pain", "injured", "worker", "patient",
            "prn", "bid", "tid", "qid", "qhs", "hours", "hour", "night", "bedtime", "request", "requested");

    private DrugNameHarvest() {
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "../shared/data/imr-letters/txt");
        Map<String, Set<String>> letters = new TreeMap<>();
        Map<String, String> shown = new HashMap<>();
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
        }
        Map<String, Set<String>> capitalised = new HashMap<>();
        Set<String> lower = new HashSet<>();
        for (Path p : files) {
            String text = Files.readString(p).replaceAll("-\\n\\s*", "").replaceAll("\\s+", " ");
            Set<String> names = new HashSet<>();
            Matcher w = WORD.matcher(text);
            while (w.find()) {
                String word = w.group();
                String after = text.substring(w.end(), Math.min(text.length(), w.end() + 40));
                boolean capital = Character.isUpperCase(word.charAt(0));
                boolean midSentence = capital && w.start() >= 2 && Character.isLowerCase(text.charAt(w.start() - 2))
                        && text.charAt(w.start() - 1) == ' ';
                if (Character.isLowerCase(word.charAt(0))) {
                    lower.add(word);
                } else if (midSentence && word.length() >= 5) {
                    capitalised.computeIfAbsent(word, k -> new HashSet<>()).add(p.getFileName().toString());
                }
                if (word.length() >= 4 && (SUFFIX.matcher(word).matches()
                        || (STRENGTH.matcher(after).find() || FORM.matcher(after).find()) && (capital || word.length() >= 6)
                        || DEVICE.matcher(after).find() && midSentence)) {
                    names.add(word);
                }
            }
            Matcher l = LIST.matcher(text);
            while (l.find()) {
                for (String part : l.group(1).split("[,;]| and ")) {
                    Matcher f = WORD.matcher(part.strip());
                    if (f.find() && f.start() == 0 && Character.isUpperCase(f.group().charAt(0)) && f.group().length() >= 4) {
                        names.add(f.group());
                    }
                }
            }
            for (String n : names) {
                String key = n.toLowerCase(Locale.ROOT);
                if (STOP.contains(key)) {
                    continue;
                }
                letters.computeIfAbsent(key, k -> new HashSet<>()).add(p.getFileName().toString());
                shown.putIfAbsent(key, n);
            }
        }
        // A capitalised word in mid-sentence that no letter writes in lower case is a proper name: a product,
        // a test's or a person's name, a place; the person classifying drops what is not a product.
        capitalised.forEach((word, in) -> {
            String key = word.toLowerCase(Locale.ROOT);
            if (!lower.contains(key) && !STOP.contains(key)) {
                letters.computeIfAbsent(key, k -> new HashSet<>()).addAll(in);
                shown.putIfAbsent(key, word);
            }
        });
        List<Map.Entry<String, Set<String>>> out = new ArrayList<>(letters.entrySet());
        out.sort((a, b) -> b.getValue().size() != a.getValue().size() ? b.getValue().size() - a.getValue().size()
                : a.getKey().compareTo(b.getKey()));
        System.out.println("# name\tletters\tcategory the rules give the name alone");
        for (Map.Entry<String, Set<String>> e : out) {
            System.out.println(shown.get(e.getKey()) + "\t" + e.getValue().size() + "\t"
                    + CategorySuggester.suggest(shown.get(e.getKey())).key());
        }
    }
}
