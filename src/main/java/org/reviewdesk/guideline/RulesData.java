package org.reviewdesk.guideline;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The builder's rules as data ({@code rules.json}, format {@code reviewdesk-rules/1}, beside the library):
 * brand names and their ingredients, the category rules in the order they are tried, synonyms for the
 * guideline search, body parts, and the data checklists. A clinician reads and changes them without a
 * build; a {@code rules.json} in the data folder is merged over the shipped file. Every refusal names the
 * file, the JSON path and the entry.
 */
public final class RulesData {
    static final String FORMAT = "reviewdesk-rules/1";
    private static final String SHIPPED = "rules.json";
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private static volatile RulesData shipped;

    /**
     * One category rule: the words that point to the category, the words that must be found with them
     * ({@code requires}, optional: "testosterone" counts here only beside an injection word) and the words that
     * veto it ({@code unless}).
     */
    record CategoryRule(TreatmentCategory category, RulePattern match, RulePattern unless, RulePattern requires) {
        /** Whether the rule points to its category in this (read, brands written out) text. */
        boolean matches(String text) {
            return match.find(text) && (requires == null || requires.find(text))
                    && (unless == null || !unless.find(text));
        }
    }

    /**
     * A topical ingredient: the words that name it, whether the guidelines recommend it in a topical product,
     * the words that make it recommended after all ({@code unless}: lidocaine only as the Lidoderm patch),
     * and the sentence that says why.
     */
    record Ingredient(String name, RulePattern match, boolean recommended, RulePattern unless, String why) {
        /** Whether it is recommended in a product with this (lower-case, brands read) name. */
        boolean recommendedIn(String expandedName) {
            return recommended || (unless != null && unless.find(expandedName));
        }
    }

    /** A body part: the words that name it in a request, the words of guideline names, the MTUS chapter. */
    record BodyPart(String key, RulePattern match, List<String> words, String mtusId) {
    }

    /** The file the rules come from (the user's, when merged): named when one of its patterns runs away. */
    private final String file;
    private final String version;
    private final Map<String, String> brands;
    private final List<CategoryRule> categoryRules;
    private final Map<String, List<String>> synonyms;
    private final List<BodyPart> bodyParts;
    private final Map<TreatmentCategory, String> categoryWords;
    private final Map<String, Pattern> synonymPatterns;
    private final Map<Pattern, String> brandPatterns;
    private final Map<String, DataChecklist> checklists;
    private final List<Ingredient> ingredients;
    private final Map<String, String> abbreviations;
    private final List<String> contextWords;
    private final Map<RulePattern, String> abbreviationPatterns;
    private final RulePattern context;
    private RulePattern purpose;
    private java.util.Set<TreatmentCategory> purposeDeferred = Set.of();
    private List<String> purposeWordList = List.of();
    private RulePattern sequence;
    private List<String> sequenceWordList = List.of();
    private RulePattern accompaniment;
    private List<String> accompanimentWordList = List.of();
    private java.util.Set<TreatmentCategory> accompanimentHeadSet = Set.of();
    private RulePattern preoperative;
    private List<String> preoperativeWordList = List.of();
    private RulePattern preparation;
    private List<String> preparationWordList = List.of();
    private volatile RequestReader reader;
    private Set<String> lexicon = Set.of();

    private RulesData(String file, String version, Map<String, String> brands, List<CategoryRule> categoryRules,
            Map<String, List<String>> synonyms, Map<TreatmentCategory, String> categoryWords, List<BodyPart> bodyParts,
            Map<String, DataChecklist> checklists, List<Ingredient> ingredients, Map<String, String> abbreviations,
            List<String> contextWords) {
        this.file = file;
        this.abbreviations = abbreviations;
        this.contextWords = List.copyOf(contextWords);
        this.abbreviationPatterns = new LinkedHashMap<>();
        abbreviations.forEach((k, v) -> abbreviationPatterns.put(RulePattern.compile("(?<![a-z0-9])(?:" + k
                + ")(?![a-z0-9])", file + ": $.abbreviations." + k), java.util.regex.Matcher.quoteReplacement(v)));
        this.context = anyOf(contextWords, "contextWords");
        this.categoryWords = categoryWords;
        this.synonymPatterns = new LinkedHashMap<>();
        synonyms.keySet().forEach(k -> synonymPatterns.put(k,
                Pattern.compile("(?<![a-z0-9])" + Pattern.quote(k) + "(?![a-z0-9])")));
        this.brandPatterns = new LinkedHashMap<>();
        // A brand of two parts is found written with a space, a hyphen, a slash or joined ("Kera-Tek", "Keratek").
        brands.forEach((k, v) -> brandPatterns.put(Pattern.compile("(?<![a-z0-9])(" + brandPattern(k)
                + ")(?![a-z0-9])"), "$1 (" + java.util.regex.Matcher.quoteReplacement(v) + ")"));
        this.version = version;
        this.brands = brands;
        this.categoryRules = List.copyOf(categoryRules);
        this.synonyms = synonyms;
        this.bodyParts = List.copyOf(bodyParts);
        this.checklists = checklists;
        this.ingredients = List.copyOf(ingredients);
    }

    /** The brand name as a pattern: its parts, each quoted, joined by an optional space, hyphen or slash. */
    static String brandPattern(String brand) {
        List<String> parts = new ArrayList<>();
        for (String p : brand.split("[ /-]+")) {
            if (!p.isEmpty()) {
                parts.add(Pattern.quote(p));
            }
        }
        return parts.isEmpty() ? Pattern.quote(brand) : String.join("[-/ ]?", parts);
    }

    private static volatile RulesData active;

    /**
     * The rules in use: the shipped rules with the data folder's {@code rules.json} merged over them once
     * {@link #useDataFolder} has read it, otherwise the shipped rules.
     */
    public static RulesData active() {
        RulesData a = active;
        return a != null ? a : shipped();
    }

    /**
     * Reads {@code rules.json} from the data folder, if there is one, merged over the shipped rules, and
     * makes the result the rules in use. A broken file is refused with its path, the JSON path and the
     * entry, and the rules in use stay as they were.
     */
    public static synchronized RulesData useDataFolder(Path dataDir) throws IOException, GuidelineFormatException {
        Path user = dataDir.resolve("rules.json");
        if (!Files.exists(user)) {
            active = null;
            return shipped();
        }
        RulesData merged;
        try (InputStream in = RulesData.class.getResourceAsStream(SHIPPED)) {
            merged = load(in, user);
        }
        active = merged;
        return merged;
    }

    /** The rules shipped with the app; a broken shipped file is a build error, hence unchecked. */
    public static RulesData shipped() {
        RulesData r = shipped;
        if (r == null) {
            try (InputStream in = RulesData.class.getResourceAsStream(SHIPPED)) {
                if (in == null) {
                    throw new IllegalStateException("the shipped rules file " + SHIPPED + " is missing");
                }
                r = read(in, SHIPPED);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (GuidelineFormatException e) {
                throw new IllegalStateException("the shipped rules are invalid: " + e.getMessage(), e);
            }
            shipped = r;
        }
        return r;
    }

    /**
     * The shipped rules with the user's file merged over them: brands and synonyms are added (a user key
     * replaces a shipped one), the user's category rules are tried before the shipped ones, a user body
     * part or checklist with a shipped key replaces it.
     */
    public static RulesData load(InputStream shippedFile, Path userFileOrNull)
            throws IOException, GuidelineFormatException {
        RulesData base = read(shippedFile, SHIPPED);
        if (userFileOrNull == null) {
            return base;
        }
        RulesData user;
        try (InputStream in = Files.newInputStream(userFileOrNull)) {
            user = read(in, userFileOrNull.toString());
        } catch (java.nio.file.NoSuchFileException e) {
            throw e;
        } catch (IOException e) {
            throw GuidelineFormatException.unreadable(userFileOrNull.toString(), e);
        }
        Map<String, String> brands = new LinkedHashMap<>(base.brands);
        brands.putAll(user.brands);
        List<CategoryRule> rules = new ArrayList<>(user.categoryRules);
        rules.addAll(base.categoryRules);
        Map<String, List<String>> synonyms = new LinkedHashMap<>(base.synonyms);
        synonyms.putAll(user.synonyms);
        Map<String, BodyPart> parts = new LinkedHashMap<>();
        base.bodyParts.forEach(b -> parts.put(b.key(), b));
        user.bodyParts.forEach(b -> parts.put(b.key(), b));
        // The user's checklists first, so that a user's kind is chosen before a shipped one.
        Map<String, DataChecklist> lists = new LinkedHashMap<>(user.checklists);
        base.checklists.forEach(lists::putIfAbsent);
        Map<String, Ingredient> table = new LinkedHashMap<>();
        user.ingredients.forEach(x -> table.put(x.name(), x));
        base.ingredients.forEach(x -> table.putIfAbsent(x.name(), x));
        Map<TreatmentCategory, String> words = new LinkedHashMap<>(base.categoryWords);
        words.putAll(user.categoryWords);
        Map<String, String> abbreviations = new LinkedHashMap<>(base.abbreviations);
        abbreviations.putAll(user.abbreviations);
        List<String> contextWords = new ArrayList<>(user.contextWords);
        contextWords.addAll(base.contextWords);
        RulesData out = new RulesData(user.file, user.version, brands, rules, synonyms, words, new ArrayList<>(parts.values()),
                lists, new ArrayList<>(table.values()), abbreviations, contextWords);
        Set<String> lexicon = new java.util.HashSet<>(base.lexicon);
        lexicon.addAll(user.lexicon);
        out.lexicon = Set.copyOf(lexicon);
        // A user's purpose words and deferred heads replace the shipped ones when given.
        out.setPurpose(user.purposeWordList.isEmpty() ? base.purposeWordList : user.purposeWordList,
                user.purposeDeferred.isEmpty() ? base.purposeDeferred : user.purposeDeferred);
        out.setSequence(user.sequenceWordList.isEmpty() ? base.sequenceWordList : user.sequenceWordList);
        out.setAccompaniment(user.accompanimentWordList.isEmpty() ? base.accompanimentWordList : user.accompanimentWordList,
                user.accompanimentHeadSet.isEmpty() ? base.accompanimentHeadSet : user.accompanimentHeadSet);
        out.setPreoperative(user.preoperativeWordList.isEmpty() ? base.preoperativeWordList : user.preoperativeWordList,
                user.preparationWordList.isEmpty() ? base.preparationWordList : user.preparationWordList);
        return out;
    }

    /** Reads one rules file; {@code fileName} goes into every error message. */
    static RulesData read(InputStream in, String fileName) throws IOException, GuidelineFormatException {
        try {
            return parse(in, fileName);
        } catch (GuidelineFormatException e) {
            throw e.inFile(fileName);
        }
    }

    private static RulesData parse(InputStream in, String file) throws IOException, GuidelineFormatException {
        JsonNode root;
        try (com.fasterxml.jackson.core.JsonParser parser = MAPPER.createParser(in)) {
            try {
                root = MAPPER.readTree(parser);
            } catch (JsonProcessingException e) {
                throw GuidelineFormatException.notJson(parser, e);
            }
        }
        Json.object(root, "$", Set.of("format", "version", "brands", "categoryRules", "synonyms", "categoryWords",
                "bodyParts", "checklists", "topicalIngredients", "abbreviations", "contextWords", "knownWords",
                "purposeWords", "purposeHeadsDeferred", "sequenceWords",
                "accompanimentWords", "accompanimentHeads", "preoperativeWords", "preparationWords"));
        Json.strings(root, "$", "knownWords", false);
        String format = Json.text(root, "$", "format", true);
        if (!FORMAT.equals(format)) {
            throw new GuidelineFormatException("$.format", "expected \"" + FORMAT + "\", got \"" + format + "\"");
        }
        String version = Json.text(root, "$", "version", false);
        Map<String, String> brands = new LinkedHashMap<>();
        if (root.has("brands")) {
            JsonNode b = root.get("brands");
            Json.map(b, "$.brands");
            for (Iterator<Map.Entry<String, JsonNode>> it = b.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> e = it.next();
                if (!e.getValue().isTextual() || e.getValue().textValue().isBlank()) {
                    throw new GuidelineFormatException("$.brands." + e.getKey(), "expected the ingredient words");
                }
                brands.put(e.getKey().toLowerCase(Locale.ROOT), e.getValue().textValue().toLowerCase(Locale.ROOT));
            }
        }
        List<CategoryRule> rules = new ArrayList<>();
        JsonNode list = root.has("categoryRules") ? Json.array(root, "$", "categoryRules") : null;
        for (int i = 0; list != null && i < list.size(); i++) {
            String path = "$.categoryRules[" + i + "]";
            JsonNode n = list.get(i);
            Json.object(n, path, Set.of("category", "why", "match", "requires", "unless"));
            TreatmentCategory c = category(n, path);
            path += " (" + c.key() + ")";
            rules.add(new CategoryRule(c, words(n, file, path, "match", true), words(n, file, path, "unless", false),
                    words(n, file, path, "requires", false)));
        }
        Map<String, List<String>> synonyms = new LinkedHashMap<>();
        if (root.has("synonyms")) {
            JsonNode s = root.get("synonyms");
            Json.map(s, "$.synonyms");
            for (Iterator<Map.Entry<String, JsonNode>> it = s.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> e = it.next();
                synonyms.put(e.getKey().toLowerCase(Locale.ROOT),
                        Json.strings(s, "$.synonyms", e.getKey(), true));
            }
        }
        Map<TreatmentCategory, String> categoryWords = new LinkedHashMap<>();
        if (root.has("categoryWords")) {
            JsonNode cw = root.get("categoryWords");
            Json.map(cw, "$.categoryWords");
            for (Iterator<Map.Entry<String, JsonNode>> it = cw.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> e = it.next();
                TreatmentCategory c = TreatmentCategory.fromKey(e.getKey());
                if (c == TreatmentCategory.OTHER && !"other".equals(e.getKey())) {
                    throw new GuidelineFormatException("$.categoryWords." + e.getKey(), "unknown category");
                }
                if (!e.getValue().isTextual()) {
                    throw new GuidelineFormatException("$.categoryWords." + e.getKey(), "expected words");
                }
                categoryWords.put(c, e.getValue().textValue());
            }
        }
        List<BodyPart> parts = new ArrayList<>();
        JsonNode bp = root.has("bodyParts") ? Json.array(root, "$", "bodyParts") : null;
        for (int i = 0; bp != null && i < bp.size(); i++) {
            String path = "$.bodyParts[" + i + "]";
            JsonNode n = bp.get(i);
            Json.object(n, path, Set.of("key", "match", "words", "mtus"));
            String key = Json.text(n, path, "key", true);
            path += " (" + key + ")";
            parts.add(new BodyPart(key, words(n, file, path, "match", true), Json.strings(n, path, "words", true),
                    Json.text(n, path, "mtus", false)));
        }
        Map<String, DataChecklist> checklists = new LinkedHashMap<>();
        JsonNode cl = root.has("checklists") ? Json.array(root, "$", "checklists") : null;
        for (int i = 0; cl != null && i < cl.size(); i++) {
            DataChecklist d = DataChecklist.read(cl.get(i), file, "$.checklists[" + i + "]");
            if (checklists.put(d.id(), d) != null) {
                throw new GuidelineFormatException("$.checklists[" + i + "] (" + d.id() + ")",
                        d.isDefault() ? "a second checklist for the same category"
                                : "a second checklist for the same kind");
            }
        }
        List<Ingredient> ingredients = new ArrayList<>();
        JsonNode il = root.has("topicalIngredients") ? Json.array(root, "$", "topicalIngredients") : null;
        Set<String> names = new java.util.HashSet<>();
        for (int i = 0; il != null && i < il.size(); i++) {
            String path = "$.topicalIngredients[" + i + "]";
            JsonNode n = il.get(i);
            Json.object(n, path, Set.of("name", "match", "recommended", "unless", "why"));
            String name = Json.text(n, path, "name", true);
            path += " (" + name + ")";
            if (!names.add(name)) {
                throw new GuidelineFormatException(path + ".name", "a second entry for the same ingredient");
            }
            if (!n.has("recommended") || !n.get("recommended").isBoolean()) {
                throw new GuidelineFormatException(path + ".recommended", "expected true or false");
            }
            List<String> unless = Json.strings(n, path, "unless", false);
            ingredients.add(new Ingredient(name, words(n, file, path, "match", true),
                    n.get("recommended").booleanValue(), unless.isEmpty() ? null : words(n, file, path, "unless", false),
                    Json.text(n, path, "why", true)));
        }
        Map<String, String> abbreviations = new LinkedHashMap<>();
        if (root.has("abbreviations")) {
            JsonNode a = root.get("abbreviations");
            Json.map(a, "$.abbreviations");
            for (Iterator<Map.Entry<String, JsonNode>> it = a.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> e = it.next();
                if (!e.getValue().isTextual() || e.getValue().textValue().isBlank()) {
                    throw new GuidelineFormatException("$.abbreviations." + e.getKey(), "expected the words it stands for");
                }
                try {
                    Pattern.compile(e.getKey());
                } catch (PatternSyntaxException x) {
                    throw new GuidelineFormatException("$.abbreviations." + e.getKey(),
                            "not a valid pattern: " + x.getDescription());
                }
                abbreviations.put(e.getKey().toLowerCase(Locale.ROOT), e.getValue().textValue().toLowerCase(Locale.ROOT));
            }
        }
        List<String> contextWords = Json.strings(root, "$", "contextWords", false);
        for (int i = 0; i < contextWords.size(); i++) {
            try {
                Pattern.compile(contextWords.get(i));
            } catch (PatternSyntaxException e) {
                throw new GuidelineFormatException("$.contextWords[" + i + "]", "not a valid pattern: " + e.getDescription());
            }
        }
        RulesData out = new RulesData(file, version, brands, rules, synonyms, categoryWords, parts, checklists, ingredients,
                abbreviations, contextWords);
        Set<String> lexicon = new java.util.HashSet<>();
        words(root, lexicon);
        out.lexicon = Set.copyOf(lexicon);
        List<String> purposeWords = Json.strings(root, "$", "purposeWords", false);
        for (int i = 0; i < purposeWords.size(); i++) {
            try {
                Pattern.compile(purposeWords.get(i));
            } catch (PatternSyntaxException e) {
                throw new GuidelineFormatException("$.purposeWords[" + i + "]", "not a valid pattern: " + e.getDescription());
            }
        }
        Set<TreatmentCategory> deferred = new java.util.LinkedHashSet<>();
        List<String> deferredKeys = Json.strings(root, "$", "purposeHeadsDeferred", false);
        for (int i = 0; i < deferredKeys.size(); i++) {
            TreatmentCategory c = TreatmentCategory.fromKey(deferredKeys.get(i));
            if (c == TreatmentCategory.OTHER && !"other".equals(deferredKeys.get(i))) {
                throw new GuidelineFormatException("$.purposeHeadsDeferred[" + i + "]",
                        "unknown category \"" + deferredKeys.get(i) + "\"");
            }
            deferred.add(c);
        }
        List<String> sequenceWords = Json.strings(root, "$", "sequenceWords", false);
        for (int i = 0; i < sequenceWords.size(); i++) {
            try {
                Pattern.compile(sequenceWords.get(i));
            } catch (PatternSyntaxException e) {
                throw new GuidelineFormatException("$.sequenceWords[" + i + "]", "not a valid pattern: " + e.getDescription());
            }
        }
        out.setPurpose(purposeWords, deferred);
        out.setSequence(sequenceWords);
        out.setAccompaniment(patterns(root, "accompanimentWords"), categories(root, "accompanimentHeads"));
        out.setPreoperative(patterns(root, "preoperativeWords"), patterns(root, "preparationWords"));
        return out;
    }

    /** A list of patterns of the file, each checked; empty when absent. */
    private static List<String> patterns(JsonNode root, String field) throws GuidelineFormatException {
        List<String> words = Json.strings(root, "$", field, false);
        for (int i = 0; i < words.size(); i++) {
            try {
                Pattern.compile(words.get(i));
            } catch (PatternSyntaxException e) {
                throw new GuidelineFormatException("$." + field + "[" + i + "]", "not a valid pattern: " + e.getDescription());
            }
        }
        return words;
    }

    /** A list of category keys of the file, each known; empty when absent. */
    private static Set<TreatmentCategory> categories(JsonNode root, String field) throws GuidelineFormatException {
        Set<TreatmentCategory> out = new java.util.LinkedHashSet<>();
        List<String> keys = Json.strings(root, "$", field, false);
        for (int i = 0; i < keys.size(); i++) {
            TreatmentCategory c = TreatmentCategory.fromKey(keys.get(i));
            if (c == TreatmentCategory.OTHER && !"other".equals(keys.get(i))) {
                throw new GuidelineFormatException("$." + field + "[" + i + "]", "unknown category \"" + keys.get(i) + "\"");
            }
            out.add(c);
        }
        return out;
    }

    /** Whole-word alternatives of a list of the file ({@code field}), as one pattern; null when the list is empty. */
    private RulePattern anyOf(List<String> words, String field) {
        return words.isEmpty() ? null : RulePattern.compile("(?<![a-z0-9])(?:" + String.join("|", words)
                + ")(?![a-z0-9])", file + ": $." + field);
    }

    private void setAccompaniment(List<String> words, Set<TreatmentCategory> heads) {
        this.accompanimentWordList = List.copyOf(words);
        this.accompanimentHeadSet = Set.copyOf(heads);
        this.accompaniment = anyOf(words, "accompanimentWords");
    }

    /** The words after which a request names what comes with the item ("with"); null when none. */
    RulePattern accompanimentWords() {
        return accompaniment;
    }

    /**
     * The categories whose head decides before an accompaniment word: services, tests, equipment and
     * operations ("Office visit with x-rays" is the visit); not medicines, whose "with" joins ingredients
     * ("Tylenol with codeine", "cyclobenzaprine with lidocaine cream").
     */
    Set<TreatmentCategory> accompanimentHeads() {
        return accompanimentHeadSet;
    }

    private void setPreoperative(List<String> words, List<String> preparationWords) {
        this.preoperativeWordList = List.copyOf(words);
        this.preparationWordList = List.copyOf(preparationWords);
        this.preoperative = anyOf(words, "preoperativeWords");
        this.preparation = anyOf(preparationWords, "preparationWords");
    }

    /**
     * The words by which a request says itself that it prepares an operation ("pre-op", "preoperative",
     * "clearance", "associated surgical service:"); null when none. Post-operative words are not among them.
     */
    RulePattern preoperativeWords() {
        return preoperative;
    }

    /**
     * The words after which a request names what it prepares ("prior to", "before", "for"): an operation
     * named after one of them makes the request pre-operative; null when none.
     */
    RulePattern preparationWords() {
        return preparation;
    }

    private void setSequence(List<String> words) {
        this.sequenceWordList = List.copyOf(words);
        this.sequence = anyOf(words, "sequenceWords");
    }

    /** The words after which a request says what comes before or after the item ("following", "after"). */
    RulePattern sequenceWords() {
        return sequence;
    }

    private void setPurpose(List<String> words, Set<TreatmentCategory> deferred) {
        this.purposeWordList = List.copyOf(words);
        this.purposeDeferred = Set.copyOf(deferred);
        this.purpose = anyOf(words, "purposeWords");
    }

    /** The words after which a request says what the item is for ("for", "due to"); null when none. */
    RulePattern purposeWords() {
        return purpose;
    }

    /** The categories whose own rules read the purpose, so that their head does not decide alone. */
    Set<TreatmentCategory> purposeHeadsDeferred() {
        return purposeDeferred;
    }

    /** Every word of three letters or more in the file's text: words the spelling reader never corrects. */
    private static void words(JsonNode n, Set<String> into) {
        if (n.isTextual()) {
            java.util.regex.Matcher m = Pattern.compile("[a-z]{3,}").matcher(n.textValue().toLowerCase(Locale.ROOT));
            while (m.find()) {
                into.add(m.group());
            }
        } else if (n.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> e = it.next();
                words(com.fasterxml.jackson.databind.node.TextNode.valueOf(e.getKey()), into);
                words(e.getValue(), into);
            }
        } else if (n.isArray()) {
            n.forEach(x -> words(x, into));
        }
    }

    /** The words of the rules file(s), which the spelling reader never corrects. */
    Set<String> lexicon() {
        return lexicon;
    }

    static TreatmentCategory category(JsonNode n, String path) throws GuidelineFormatException {
        String key = Json.text(n, path, "category", true);
        TreatmentCategory c = TreatmentCategory.fromKey(key);
        if (c == TreatmentCategory.OTHER && !"other".equals(key)) {
            throw new GuidelineFormatException(path + ".category", "unknown category \"" + key + "\"");
        }
        return c;
    }

    /** Whole-word alternatives: "pt" must not match "prompt" nor "ct" "act". */
    private static RulePattern words(JsonNode n, String file, String path, String field, boolean required)
            throws GuidelineFormatException {
        List<String> words = Json.strings(n, path, field, required);
        if (words.isEmpty()) {
            return null;
        }
        for (int i = 0; i < words.size(); i++) {
            try {
                Pattern.compile(words.get(i));
            } catch (PatternSyntaxException e) {
                throw new GuidelineFormatException(path + "." + field + "[" + i + "]",
                        "not a valid pattern: " + e.getDescription());
            }
        }
        return RulePattern.compile("(?<![a-z0-9])(" + String.join("|", words) + ")(?![a-z0-9])",
                file + ": " + path + "." + field);
    }

    public String version() {
        return version;
    }

    Map<String, String> brands() {
        return brands;
    }

    List<CategoryRule> categoryRules() {
        return categoryRules;
    }

    Map<String, List<String>> synonyms() {
        return synonyms;
    }

    /** The synonyms whose key the (lower-case) text names. */
    List<String> synonymsIn(String lowerText) {
        List<String> out = new ArrayList<>();
        synonymPatterns.forEach((k, p) -> {
            if (p.matcher(lowerText).find()) {
                out.addAll(synonyms.get(k));
            }
        });
        return out;
    }

    /** The words that describe a category in guideline names, e.g. "special studies imaging"; may be null. */
    String categoryWords(TreatmentCategory c) {
        return categoryWords.get(c);
    }

    List<BodyPart> bodyParts() {
        return bodyParts;
    }

    /** The data checklist of a category, or null when the category's rules are still in Java. */
    DataChecklist checklist(TreatmentCategory c) {
        return checklists.get(c.key());
    }

    /**
     * The data checklist for an item: the first checklist for a kind of item (of this category, or for any
     * category) that its name selects, else the category's own data checklist, else null.
     */
    DataChecklist checklist(TreatmentCategory c, String itemName) {
        if (itemName != null && !itemName.isBlank()) {
            String expanded = withIngredients(itemName);
            for (DataChecklist d : checklists.values()) {
                if ((d.category() == c || d.anyCategory()) && d.selects(expanded, this)) {
                    return d;
                }
            }
        }
        return checklist(c);
    }

    /** Every data checklist, in the order they are tried. */
    List<DataChecklist> checklists() {
        return List.copyOf(checklists.values());
    }

    /** The topical ingredients table. */
    List<Ingredient> ingredients() {
        return ingredients;
    }

    /** The table's ingredients this (lower-case, brands read) name names, in table order. */
    List<Ingredient> ingredientsIn(String expandedName) {
        return ingredients.stream().filter(x -> x.match().find(expandedName)).toList();
    }

    /** Whether the name is of a compounded product: two or more ingredients, or any not recommended. */
    boolean compounded(String expandedName) {
        List<Ingredient> in = ingredientsIn(expandedName);
        return in.size() >= 2 || in.stream().anyMatch(x -> !x.recommendedIn(expandedName));
    }

    /**
     * What the item's name shows about its ingredients: which ones it contains, and for each one the
     * guidelines do not recommend, why (against the item: "any compounded product that contains at least
     * one drug (or drug class) that is not recommended is not recommended").
     */
    List<RulesSupport.Finding> ingredientFindings(String itemName) {
        String expanded = withIngredients(itemName);
        List<Ingredient> in = ingredientsIn(expanded);
        List<RulesSupport.Finding> out = new ArrayList<>();
        if (in.isEmpty()) {
            return out;
        }
        List<String> named = in.stream().map(Ingredient::name).toList();
        out.add(new RulesSupport.Finding("The product contains " + (named.size() == 1 ? named.get(0)
                : String.join(", ", named.subList(0, named.size() - 1)) + " and " + named.get(named.size() - 1))
                + ".", false));
        for (Ingredient x : in) {
            if (!x.recommendedIn(expanded)) {
                out.add(new RulesSupport.Finding(x.why(), true));
            }
        }
        return out;
    }

    /** The text with each brand name followed by its ingredients ("Synapryn (tramadol)"), lower case. */
    String withIngredients(String text) {
        String t = text.toLowerCase(Locale.ROOT);
        for (Map.Entry<Pattern, String> b : brandPatterns.entrySet()) {
            t = b.getKey().matcher(t).replaceAll(b.getValue());
        }
        return t;
    }

    /** The (lower-case) text with each abbreviation of the table written out ("xr" as "x-ray"). */
    String withAbbreviations(String lowerText) {
        String t = lowerText;
        for (Map.Entry<RulePattern, String> a : abbreviationPatterns.entrySet()) {
            t = a.getKey().matcher(t).replaceAll(a.getValue());
        }
        return t;
    }

    /**
     * The words that only say where an item stands ("associated surgical service:", "post-op"), not what it
     * is; null when the table is empty.
     */
    RulePattern contextWords() {
        return context;
    }

    /** The reader of requests for these rules (normaliser and spelling), made once. */
    RequestReader reader() {
        RequestReader r = reader;
        if (r == null) {
            r = new RequestReader(this);
            reader = r;
        }
        return r;
    }

    /** The first body part the text names, or null. */
    BodyPart bodyPart(String text) {
        String t = text == null ? "" : text.toLowerCase(Locale.ROOT);
        for (BodyPart b : bodyParts) {
            if (b.match().find(t)) {
                return b;
            }
        }
        return null;
    }
}
