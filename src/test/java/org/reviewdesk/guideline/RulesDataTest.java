package org.reviewdesk.guideline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shipped rules file against its schema, and broken user files refused with the file, path and entry. */
class RulesDataTest {
    @TempDir
    Path tmp;

    private static InputStream shipped() {
        return RulesData.class.getResourceAsStream("rules.json");
    }

    @Test
    void theShippedFileFollowsTheSchema() throws Exception {
        JsonNode root = new ObjectMapper().readTree(shipped());
        assertEquals(RulesData.FORMAT, root.get("format").asText());
        Set<String> ruleCategories = new HashSet<>();
        for (JsonNode r : root.get("categoryRules")) {
            String key = r.get("category").asText();
            assertTrue(TreatmentCategory.fromKey(key) != TreatmentCategory.OTHER || key.equals("other"), key);
            assertTrue(r.get("match").size() > 0, key);
            ruleCategories.add(key);
        }
        for (TreatmentCategory c : TreatmentCategory.values()) {
            if (c != TreatmentCategory.OTHER) {
                assertTrue(ruleCategories.contains(c.key()), "a category rule for " + c.key());
            }
        }
        for (JsonNode c : root.get("checklists")) {
            for (JsonNode q : c.get("criteria")) {
                assertTrue(q.has("yes") || q.has("no"), c.get("category") + " " + q.get("key") + " states something");
            }
        }
        RulesData rules = RulesData.read(shipped(), "rules.json");
        assertNotNull(rules.version());
        // Every category's checklist is data.
        for (TreatmentCategory c : TreatmentCategory.values()) {
            assertNotNull(rules.checklist(c), "a data checklist for " + c.key());
        }
        for (String kind : new String[] {"tens-dme/back-support", "tens-dme/hospital-bed", "tens-dme/cold-therapy",
                "tens-dme/tens", "topical/compounded", "topical/lidocaine-patch", "topical/topical-nsaid",
                "imaging/low-back", "imaging/neck", "imaging/knee", "imaging/shoulder", "imaging/hip", "injection/prp",
                "other/shockwave"}) {
            assertTrue(rules.checklists().stream().anyMatch(d -> d.id().equals(kind)), "a data checklist for " + kind);
        }
        assertTrue(rules.ingredients().stream().anyMatch(x -> x.name().equals("gabapentin") && !x.recommended()));
        assertEquals("mtus-low-back-2004", rules.bodyPart("MRI of the lumbar spine").mtusId());
        assertTrue(rules.withIngredients("Synapryn 10mg/ml").contains("tramadol"));
    }

    @Test
    void everySentenceTheChecklistsDraftIsShortEnoughForTheChecker() {
        RulesData rules = RulesData.shipped();
        List<String> texts = new java.util.ArrayList<>();
        for (DataChecklist d : rules.checklists()) {
            texts.add(d.guideline());
            d.guidelines().forEach(g -> texts.add(g.text()));
            for (RulesSupport.Criterion c : d.criteria()) {
                texts.add(c.whenYes());
                texts.add(c.whenNo());
                texts.add(c.whenUnknown());
            }
        }
        rules.ingredients().forEach(x -> texts.add(x.why()));
        for (String t : texts) {
            if (t == null) {
                continue;
            }
            for (String sentence : ConclusionSupport.sentences(t)) {
                assertTrue(ReadingGrade.words(sentence) <= ConsistencyChecker.MAX_SENTENCE_WORDS, sentence);
            }
        }
    }

    private Path broken(java.util.function.Consumer<ObjectNode> change) throws Exception {
        return BrokenRules.write(tmp, change);
    }

    private static String refusal(Path userFile) {
        return BrokenRules.refusal(userFile);
    }

    /** The place of the checklist for this category (and kind) in the shipped file. */
    static int index(String id) throws Exception {
        JsonNode list = new ObjectMapper().readTree(shipped()).get("checklists");
        for (int i = 0; i < list.size(); i++) {
            JsonNode c = list.get(i);
            String key = c.get("category").asText() + (c.has("kind") ? "/" + c.get("kind").asText() : "");
            if (key.equals(id)) {
                return i;
            }
        }
        throw new AssertionError("no checklist " + id);
    }

    @Test
    void aBrokenCriterionIsRefusedNamingTheFileTheEntryAndTheField() throws Exception {
        int gi = index("gi-protection");
        Path p = broken(root -> ((ObjectNode) root.get("checklists").get(gi).get("criteria").get(1))
                .put("need", "MANDATORY"));
        String m = refusal(p);
        assertTrue(m.startsWith(p.toString() + ": "), m);
        assertTrue(m.contains("$.checklists[" + gi + "] (gi-protection).criteria[1].need"), m);
        assertTrue(m.contains("MANDATORY"), m);
    }

    @Test
    void otherBrokenFilesAreRefusedWithTheirPlace() throws Exception {
        assertTrue(refusal(broken(root -> ((ObjectNode) root.get("categoryRules").get(0)).put("category", "massage")))
                .contains("$.categoryRules[0].category: unknown category \"massage\""));
        assertTrue(refusal(broken(root -> ((com.fasterxml.jackson.databind.node.ArrayNode) root.get("categoryRules")
                .get(1).get("match")).add("(unclosed"))).contains("$.categoryRules[1] (surgical-assistant).match["));
        assertTrue(refusal(broken(root -> root.put("format", "reviewdesk-rules/9"))).contains("$.format"));
        int preop = index("preop");
        assertTrue(refusal(broken(root -> ((ObjectNode) root.get("checklists").get(preop)).put("critera", "typo")))
                .contains("$.checklists[" + preop + "].critera: unknown field"));
        assertTrue(refusal(broken(root -> ((ObjectNode) root.get("checklists").get(preop).get("facts").get(0))
                .put("sentence", "no placeholder"))).contains("$.checklists[" + preop + "] (preop).facts[0].sentence"));
        Path notJson = tmp.resolve("bad.json");
        Files.writeString(notJson, "{\"format\": ");
        String m = refusal(notJson);
        assertEquals(notJson + ": $: not JSON at line 1, column 12, near $.format: the file ends before the JSON does "
                + "(is it cut off?)", m);
    }

    @Test
    void aFileBeyondTheParsersLimitsOrNotAFileIsRefusedNamingIt() throws Exception {
        // nesting past Jackson's 1,000 levels: its error has no location, which once gave a NullPointerException's
        // message without the file's name
        Path deep = tmp.resolve("deep.json");
        Files.writeString(deep, "{\"format\": \"reviewdesk-rules/1\", \"brands\": " + "[".repeat(5_000)
                + "]".repeat(5_000) + "}");
        String m = refusal(deep);
        assertTrue(m.startsWith(deep + ": $: not JSON at line 1, column ") && m.contains("near $.brands[0][0]")
                && m.endsWith(": nested more than 1,000 levels deep"), m);
        Path folder = Files.createDirectories(tmp.resolve("folder").resolve("rules.json"));
        m = refusal(folder);
        assertTrue(m.startsWith(folder + ": $: cannot be read"), m);
    }

    @Test
    void brokenKindChecklistsAndIngredientsAreRefusedWithTheirPlace() throws Exception {
        int bed = index("tens-dme/hospital-bed");
        String m = refusal(broken(root -> ((ObjectNode) root.get("checklists").get(bed)).put("when", "bed(")));
        assertTrue(m.contains("$.checklists[" + bed + "] (tens-dme/hospital-bed).when: not a valid pattern"), m);
        m = refusal(broken(root -> ((ObjectNode) root.get("checklists").get(bed)).remove("when")));
        assertTrue(m.contains("$.checklists[" + bed + "] (tens-dme/hospital-bed).when"), m);
        int tens = index("tens-dme/tens");
        m = refusal(broken(root -> {
            com.fasterxml.jackson.databind.node.ArrayNode criteria =
                    (com.fasterxml.jackson.databind.node.ArrayNode) root.get("checklists").get(tens).get("criteria");
            ((ObjectNode) criteria.get(criteria.size() - 1)).put("ifYes", "purchased");
        }));
        assertTrue(m.contains("(tens-dme/tens).criteria[") && m.contains(".ifYes: no question \"purchased\""), m);
        m = refusal(broken(root -> ((ObjectNode) root.get("checklists").get(bed)).put("kind", "back-support")));
        assertTrue(m.contains("(tens-dme/back-support): a second checklist for the same kind"), m);
        int relaxant = index("muscle-relaxant");
        m = refusal(broken(root -> ((ObjectNode) root.get("checklists").get(relaxant).get("numberRules").get(0))
                .put("over", "Too long.")));
        assertTrue(m.contains("$.checklists[" + relaxant + "] (muscle-relaxant).numberRules[0].over: must contain %s"),
                m);
        int injection = index("injection");
        m = refusal(broken(root -> ((ObjectNode) root.get("checklists").get(injection).get("guidelines").get(0))
                .remove("when")));
        assertTrue(m.contains("$.checklists[" + injection + "] (injection).guidelines[0].when: required"), m);
        m = refusal(broken(root -> ((ObjectNode) root.get("checklists").get(injection).get("criteria").get(1))
                .put("unless", "epidural|(")));
        assertTrue(m.contains("(injection).criteria[1].unless: not a valid pattern"), m);
        int surgery = index("surgery");
        m = refusal(broken(root -> ((ObjectNode) root.get("checklists").get(surgery).get("criteria").get(0))
                .put("if", "postOp")));
        assertTrue(m.contains("$.checklists[" + surgery + "] (surgery).criteria[0].if: no condition \"postOp\""), m);
        int pt = index("physical-therapy");
        m = refusal(broken(root -> ((ObjectNode) root.get("checklists").get(pt).get("limits").get(0))
                .put("visitsFrom", "allowed")));
        assertTrue(m.contains("$.checklists[" + pt + "] (physical-therapy).limits[0].visitsFrom: no question"), m);
        m = refusal(broken(root -> ((ObjectNode) root.get("checklists").get(pt).get("conditions").get("crps"))
                .put("is", "maybe")));
        assertTrue(m.contains("(physical-therapy).conditions.crps"), m);
        m = refusal(broken(root -> ((ObjectNode) root.get("checklists").get(pt).get("conflicts").get(0))
                .put("if", "neverDefined")));
        assertTrue(m.contains("$.checklists[" + pt + "] (physical-therapy).conflicts[0].if: no condition "
                + "\"neverDefined\""), m);
        m = refusal(broken(root -> ((ObjectNode) root.get("checklists").get(pt).get("conflicts").get(1))
                .remove("if")));
        assertTrue(m.contains("(physical-therapy).conflicts[1].if: a conflict needs \"if\""), m);
        m = refusal(broken(root -> ((ObjectNode) root.get("topicalIngredients").get(0)).put("recommended", "no")));
        assertTrue(m.contains("$.topicalIngredients[0] (gabapentin).recommended: expected true or false"), m);
        m = refusal(broken(root -> ((ObjectNode) root.get("checklists").get(bed)).putArray("entries")
                .add("ODG Knee DME")));
        assertTrue(m.contains("(tens-dme/hospital-bed).entries[0]: expected a library id"), m);
    }

    @Test
    void aRuleWithRequiredWordsMatchesOnlyWhenTheyAreFoundToo() throws Exception {
        Path p = tmp.resolve("requires.json");
        Files.writeString(p, "{\"format\":\"reviewdesk-rules/1\",\"categoryRules\":[{\"category\":\"psych\","
                + "\"match\":[\"qigong\"],\"requires\":[\"group\",\"class(?:es)?\"],\"unless\":[\"video\"]}]}");
        RulesData rules = RulesData.load(shipped(), p);
        assertEquals(TreatmentCategory.PSYCH, CategorySuggester.suggest("Qigong group, 8 weeks", rules));
        assertEquals(TreatmentCategory.PSYCH, CategorySuggester.suggest("Classes of qigong x 6", rules));
        assertEquals(TreatmentCategory.OTHER, CategorySuggester.suggest("Qigong course, 8 weeks", rules),
                "without a required word the rule does not match");
        assertEquals(TreatmentCategory.OTHER, CategorySuggester.suggest("Qigong group video", rules),
                "the veto still vetoes");
        assertEquals(TreatmentCategory.PHYSICAL_THERAPY, CategorySuggester.suggest("Physical therapy group", rules),
                "the required words alone point nowhere");
        assertTrue(refusal(broken(root -> ((ObjectNode) root.get("categoryRules").get(1)).putArray("requires")
                .add("(unclosed"))).contains("$.categoryRules[1] (surgical-assistant).requires[0]: not a valid pattern"));
    }

    @Test
    void aUserFileExtendsTheShippedRules() throws Exception {
        Path p = tmp.resolve("mine.json");
        Files.writeString(p, "{\"format\":\"reviewdesk-rules/1\",\"brands\":{\"zorbex\":\"tramadol\"},"
                + "\"categoryRules\":[{\"category\":\"psych\",\"match\":[\"qigong\"]}]}");
        assertEquals(TreatmentCategory.OTHER, CategorySuggester.suggest("Qigong course, 8 weeks", RulesData.shipped()));
        RulesData rules = RulesData.load(shipped(), p);
        assertEquals(TreatmentCategory.OPIOID, CategorySuggester.suggest("Zorbex 50mg #30", rules));
        assertEquals(TreatmentCategory.PSYCH, CategorySuggester.suggest("Qigong course, 8 weeks", rules));
        assertEquals(TreatmentCategory.IMAGING, CategorySuggester.suggest("MRI of the knee", rules));
        assertNotNull(rules.checklist(TreatmentCategory.FCE), "shipped checklists stay");
        // A clinician's own kind of item and ingredient, without a build: tried before the shipped ones.
        Path kinds = tmp.resolve("kinds.json");
        Files.writeString(kinds, "{\"format\":\"reviewdesk-rules/1\",\"checklists\":[{\"category\":\"tens-dme\","
                + "\"kind\":\"knee-brace\",\"when\":\"knee brace\",\"entries\":[\"odg-knee-leg\"],"
                + "\"guideline\":\"The ODG supports a knee brace for instability.\",\"criteria\":[{\"key\":\"instability\","
                + "\"text\":\"Is knee instability documented?\",\"need\":\"REQUIRED\",\"no\":\"No instability is documented.\"}]},"
                + "{\"category\":\"topical\",\"kind\":\"compounded\",\"whenCompounded\":true,\"judgeIngredients\":true,"
                + "\"guideline\":\"Each ingredient is judged.\",\"criteria\":[{\"key\":\"neuropathicPain\","
                + "\"text\":\"Is the pain neuropathic?\",\"need\":\"REQUIRED\",\"yes\":\"The pain is neuropathic.\"}]}],"
                + "\"topicalIngredients\":[{\"name\":\"menthol\",\"match\":[\"menthol\"],\"recommended\":false,"
                + "\"why\":\"Menthol is not recommended here.\"}]}");
        RulesData mine = RulesData.load(shipped(), kinds);
        assertEquals("knee-brace", mine.checklist(TreatmentCategory.TENS_DME, "Hinged knee brace, left").kind());
        assertEquals("hospital-bed", mine.checklist(TreatmentCategory.TENS_DME, "Hospital bed").kind(),
                "shipped kinds stay");
        assertEquals("Each ingredient is judged.", mine.checklist(TreatmentCategory.TOPICAL, "Compound cream: gabapentin 10%, menthol 2%")
                .guideline(), "a user kind with a shipped kind's name replaces it");
        assertTrue(mine.ingredientFindings("Menthol 5% cream").stream().anyMatch(RulesSupport.Finding::against),
                "a user ingredient replaces the shipped one of the same name");
        assertTrue(mine.ingredients().stream().anyMatch(x -> x.name().equals("gabapentin")));
        byte[] empty = "{\"format\":\"reviewdesk-rules/1\"}".getBytes(StandardCharsets.UTF_8);
        assertNotNull(RulesData.read(new ByteArrayInputStream(empty), "x.json"));
    }
}
