package org.reviewdesk.exchange;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.reviewdesk.domain.CaseFile;
import org.reviewdesk.domain.Citation;
import org.reviewdesk.domain.Decision;
import org.reviewdesk.domain.DocumentKind;
import org.reviewdesk.domain.Evidence;
import org.reviewdesk.domain.Item;
import org.reviewdesk.domain.Organization;
import org.reviewdesk.domain.Parties;
import org.reviewdesk.domain.Party;
import org.reviewdesk.domain.Priority;
import org.reviewdesk.domain.RecordDocument;
import org.reviewdesk.domain.ReviewType;
import org.reviewdesk.domain.Reviewer;

/** Reads and writes the case file format {@code reviewdesk-case/1}, strictly. */
public final class CaseJson {
    private static final Pattern CASE_NUMBER = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final Pattern SHA256 = Pattern.compile("[0-9a-fA-F]{64}");
    private static final Pattern CHECKLIST_KEY = Pattern.compile("[A-Za-z0-9._-]{1,80}");

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    private CaseJson() {
    }

    /** Parses and validates a case file; the exception message names the JSON path at fault. */
    public static CaseFile read(byte[] json) throws CaseFormatException {
        JsonNode root;
        JsonParser parser = null;
        try {
            parser = MAPPER.createParser(json);
            root = MAPPER.readTree(parser);
        } catch (JsonProcessingException | NumberFormatException e) {
            // where and what in plain words (a huge exponent is a NumberFormatException of the parser)
            org.reviewdesk.files.JsonErrors.Problem p = org.reviewdesk.files.JsonErrors.of(parser, e);
            throw new CaseFormatException("The case file is not valid JSON" + (p.where().isEmpty() ? "" : " at "
                    + p.where()) + ": " + p.problem(), e);
        } catch (IOException e) {
            throw new CaseFormatException("The case file cannot be read: " + e.getMessage(), e);
        } finally {
            if (parser != null) {
                try {
                    parser.close();
                } catch (IOException e) {
                    // an array in memory: nothing to release
                }
            }
        }
        if (root == null || root.isMissingNode()) {
            throw new CaseFormatException("The case file is empty", (Throwable) null);
        }
        checkText(root, "");
        return readCase(root);
    }

    /**
     * Refuses control characters other than tab and newline (a carriage return only before a newline),
     * bidirectional overrides, and lone surrogates, in every string and field name, naming the JSON path:
     * such characters clear terminals, hide or reorder text in a letter, or are silently lost by the store.
     */
    static void checkText(JsonNode n, String path) throws CaseFormatException {
        if (n.isTextual()) {
            String problem = textProblem(n.asText());
            if (problem != null) {
                throw new CaseFormatException(path.isEmpty() ? "(root)" : path, problem);
            }
        } else if (n.isArray()) {
            for (int i = 0; i < n.size(); i++) {
                checkText(n.get(i), path + "[" + i + "]");
            }
        } else if (n.isObject()) {
            for (var it = n.fields(); it.hasNext();) {
                var e = it.next();
                String child = path.isEmpty() ? e.getKey() : path + "." + e.getKey();
                String problem = textProblem(e.getKey());
                if (problem != null) {
                    throw new CaseFormatException(org.reviewdesk.files.Escape.controls(child), "the field name "
                            + problem);
                }
                checkText(e.getValue(), child);
            }
        }
    }

    /** What is wrong with a text value, or null. */
    static String textProblem(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
                continue;
            }
            if (Character.isSurrogate(c)) {
                return String.format("holds a lone surrogate (\\u%04x) at character %d: not valid Unicode text", (int) c,
                        i + 1);
            }
            if (c == '\t' || c == '\n' || (c == '\r' && i + 1 < s.length() && s.charAt(i + 1) == '\n')) {
                continue;
            }
            if (org.reviewdesk.files.Escape.unsafe(c)) {
                return String.format("holds the control character \\u%04x at character %d; only tab and newline "
                        + "are allowed in text", (int) c, i + 1);
            }
        }
        return null;
    }

    private static CaseFile readCase(JsonNode root) throws CaseFormatException {
        // the version first: a file of another version (or no case file at all) is told so, not about the first
        // field this version does not know
        JsonNode declared = root.get("format");
        if (declared != null && declared.isTextual() && !CaseFile.FORMAT.equals(declared.asText())) {
            throw new CaseFormatException("format", "expected \"" + CaseFile.FORMAT + "\", got \""
                    + declared.asText() + "\": this is not a ReviewDesk case file, or one of another version");
        }
        JsonFields f = JsonFields.of(root, "", "format", "caseNumber", "priority", "reviewType", "dateAssigned",
                "dateOfInjury", "urDenialDate", "applicationReceived", "decisionDate", "dueDate", "organization",
                "reviewer", "parties", "clinicalSummary", "items", "documents", "evidence");
        String format = f.string("format", true);
        if (!CaseFile.FORMAT.equals(format)) {
            throw new CaseFormatException("format", "expected \"" + CaseFile.FORMAT + "\", got \"" + format
                    + "\": this is not a ReviewDesk case file, or one of another version");
        }
        String caseNumber = f.nonBlank("caseNumber");
        if (!CASE_NUMBER.matcher(caseNumber).matches()) {
            throw new CaseFormatException("caseNumber", "expected letters, digits, '-', '_' or '.' (at most 64), got "
                    + JsonFields.describe(root.get("caseNumber")));
        }
        Organization organization = null;
        if (f.get("organization") != null) {
            JsonFields o = JsonFields.of(f.get("organization"), "organization", "name", "shortName");
            organization = new Organization(o.string("name", false), o.string("shortName", false));
        }
        Reviewer reviewer = null;
        if (f.get("reviewer") != null) {
            JsonFields r = JsonFields.of(f.get("reviewer"), "reviewer", "licensure", "specialties");
            reviewer = new Reviewer(r.strings("licensure"), r.strings("specialties"));
        }
        Parties parties = null;
        if (f.get("parties") != null) {
            JsonFields p = JsonFields.of(f.get("parties"), "parties", "employee", "employer", "claimsAdministrator",
                    "requestingPhysician");
            parties = new Parties(party(p, "employee"), party(p, "employer"), party(p, "claimsAdministrator"),
                    party(p, "requestingPhysician"));
        }
        JsonNode itemNodes = f.list("items", true);
        List<Item> items = new ArrayList<>();
        for (int i = 0; i < itemNodes.size(); i++) {
            items.add(readItem(itemNodes.get(i), "items[" + i + "]"));
        }
        List<RecordDocument> documents = readDocuments(f.list("documents", false));
        List<Evidence> evidence = readEvidence(f.list("evidence", false), documents, items.size());
        return new CaseFile(caseNumber, f.enumValue("priority", Priority.class),
                f.enumValue("reviewType", ReviewType.class), f.date("dateAssigned"), f.date("dateOfInjury"),
                f.date("urDenialDate"), f.date("applicationReceived"), f.date("decisionDate"), f.date("dueDate"),
                organization, reviewer, parties, f.string("clinicalSummary", false), items, documents, evidence);
    }

    private static Party party(JsonFields p, String name) throws CaseFormatException {
        JsonNode n = p.get(name);
        if (n == null) {
            return null;
        }
        return new Party(JsonFields.of(n, p.pathOf(name), "name").string("name", false));
    }

    private static Item readItem(JsonNode node, String path) throws CaseFormatException {
        JsonFields f = JsonFields.of(node, path, "request", "treatmentCategory", "decision",
                "claimsAdministratorGuideline", "reviewerGuideline", "rationale", "citations", "checklist");
        List<Citation> citations = null;
        JsonNode cs = f.list("citations", false);
        if (cs != null) {
            citations = new ArrayList<>();
            for (int i = 0; i < cs.size(); i++) {
                String cp = path + ".citations[" + i + "]";
                JsonFields c = JsonFields.of(cs.get(i), cp, "guidelineId", "sections", "pages");
                citations.add(new Citation(c.nonBlank("guidelineId"), c.strings("sections"), c.string("pages", false)));
            }
        }
        Map<String, Object> checklist = null;
        JsonNode cl = f.get("checklist");
        if (cl != null) {
            if (!cl.isObject()) {
                throw new CaseFormatException(path + ".checklist", "expected an object, got " + JsonFields.describe(cl));
            }
            checklist = new LinkedHashMap<>();
            var fields = cl.fields();
            while (fields.hasNext()) {
                var e = fields.next();
                String kp = path + ".checklist." + e.getKey();
                if (!CHECKLIST_KEY.matcher(e.getKey()).matches()) {
                    throw new CaseFormatException(kp, "a question key is letters, digits, '.', '_' or '-'");
                }
                JsonNode v = e.getValue();
                if (!(v.isTextual() || v.isBoolean() || v.isNumber() || v.isNull())) {
                    throw new CaseFormatException(kp, "expected a string, a number, true, false or null, got "
                            + JsonFields.describe(v));
                }
                checklist.put(e.getKey(), MAPPER.convertValue(v, Object.class));
            }
        }
        return new Item(f.string("request", true), f.string("treatmentCategory", false),
                f.enumValue("decision", Decision.class), f.string("claimsAdministratorGuideline", false),
                f.string("reviewerGuideline", false), f.string("rationale", false), citations, checklist);
    }

    private static List<RecordDocument> readDocuments(JsonNode list) throws CaseFormatException {
        if (list == null) {
            return null;
        }
        List<RecordDocument> out = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        Set<String> files = new HashSet<>();
        for (int i = 0; i < list.size(); i++) {
            String path = "documents[" + i + "]";
            JsonFields f = JsonFields.of(list.get(i), path, "id", "title", "kind", "date", "author", "file", "sha256");
            String id = f.nonBlank("id");
            if (!ids.add(id)) {
                throw new CaseFormatException(path + ".id", "duplicate document id \"" + id + "\"");
            }
            String file = f.nonBlank("file");
            String problem = PacketPaths.problem(file);
            if (problem != null) {
                throw new CaseFormatException(path + ".file", problem + ": \"" + file + "\"");
            }
            if (!files.add(file)) {
                throw new CaseFormatException(path + ".file", "the file \"" + file + "\" is named by two documents");
            }
            String sha = f.string("sha256", false);
            if (sha != null && !SHA256.matcher(sha).matches()) {
                throw new CaseFormatException(path + ".sha256", "expected 64 hexadecimal digits");
            }
            // as sha256sum writes it; Windows' Get-FileHash writes upper case
            sha = sha == null ? null : sha.toLowerCase(java.util.Locale.ROOT);
            out.add(new RecordDocument(id, f.string("title", false), f.enumValue("kind", DocumentKind.class),
                    f.date("date"), f.string("author", false), file, sha));
        }
        return out;
    }

    private static List<Evidence> readEvidence(JsonNode list, List<RecordDocument> documents, int itemCount)
            throws CaseFormatException {
        if (list == null) {
            return null;
        }
        Set<String> ids = new HashSet<>();
        if (documents != null) {
            documents.forEach(d -> ids.add(d.id()));
        }
        List<Evidence> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            String path = "evidence[" + i + "]";
            JsonFields f = JsonFields.of(list.get(i), path, "documentId", "page", "quote", "note", "itemIndex");
            String doc = f.nonBlank("documentId");
            if (!ids.contains(doc)) {
                throw new CaseFormatException(path + ".documentId", "no document with id \"" + doc + "\" in documents");
            }
            int page = f.integer("page", true, 1);
            String quote = f.nonBlank("quote");
            Integer itemIndex = f.integer("itemIndex", false, 0);
            if (itemIndex != null && itemIndex >= itemCount) {
                throw new CaseFormatException(path + ".itemIndex", "there is no item " + itemIndex + " (the case has "
                        + itemCount + " items, counted from 0)");
            }
            out.add(new Evidence(doc, page, quote, f.string("note", false), itemIndex));
        }
        return out;
    }

    // ---- writing ----

    /** The case as a case file: UTF-8, two-space indentation, fields in the format's order. */
    public static byte[] write(CaseFile c) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("format", CaseFile.FORMAT);
        root.put("caseNumber", c.caseNumber());
        putEnum(root, "priority", c.priority());
        putEnum(root, "reviewType", c.reviewType());
        putDate(root, "dateAssigned", c.dateAssigned());
        putDate(root, "dateOfInjury", c.dateOfInjury());
        putDate(root, "decisionDate", c.decisionDate());
        putDate(root, "urDenialDate", c.urDenialDate());
        putDate(root, "applicationReceived", c.applicationReceived());
        putDate(root, "dueDate", c.dueDate());
        if (c.organization() != null) {
            ObjectNode o = root.putObject("organization");
            putText(o, "name", c.organization().name());
            putText(o, "shortName", c.organization().shortName());
        }
        if (c.reviewer() != null) {
            ObjectNode r = root.putObject("reviewer");
            putStrings(r, "licensure", c.reviewer().licensure());
            putStrings(r, "specialties", c.reviewer().specialties());
        }
        if (c.parties() != null) {
            ObjectNode p = root.putObject("parties");
            putParty(p, "employee", c.parties().employee());
            putParty(p, "employer", c.parties().employer());
            putParty(p, "claimsAdministrator", c.parties().claimsAdministrator());
            putParty(p, "requestingPhysician", c.parties().requestingPhysician());
        }
        putText(root, "clinicalSummary", c.clinicalSummary());
        ArrayNode items = root.putArray("items");
        for (Item i : c.items()) {
            ObjectNode n = items.addObject();
            putText(n, "request", i.request());
            putText(n, "treatmentCategory", i.treatmentCategory());
            putEnum(n, "decision", i.decision());
            putText(n, "claimsAdministratorGuideline", i.claimsAdministratorGuideline());
            putText(n, "reviewerGuideline", i.reviewerGuideline());
            putText(n, "rationale", i.rationale());
            if (i.citations() != null) {
                ArrayNode cs = n.putArray("citations");
                for (Citation ct : i.citations()) {
                    ObjectNode cn = cs.addObject();
                    cn.put("guidelineId", ct.guidelineId());
                    putStrings(cn, "sections", ct.sections());
                    putText(cn, "pages", ct.pages());
                }
            }
            if (i.checklist() != null) {
                n.set("checklist", MAPPER.valueToTree(i.checklist()));
            }
        }
        if (c.documents() != null) {
            ArrayNode docs = root.putArray("documents");
            for (RecordDocument d : c.documents()) {
                ObjectNode n = docs.addObject();
                n.put("id", d.id());
                putText(n, "title", d.title());
                putEnum(n, "kind", d.kind());
                putDate(n, "date", d.date());
                putText(n, "author", d.author());
                n.put("file", d.file());
                putText(n, "sha256", d.sha256());
            }
        }
        if (c.evidence() != null) {
            ArrayNode ev = root.putArray("evidence");
            for (Evidence e : c.evidence()) {
                ObjectNode n = ev.addObject();
                n.put("documentId", e.documentId());
                n.put("page", e.page());
                n.put("quote", e.quote());
                putText(n, "note", e.note());
                if (e.itemIndex() != null) {
                    n.put("itemIndex", e.itemIndex());
                }
            }
        }
        try {
            String text = MAPPER.writer(printer()).writeValueAsString(root) + "\n";
            return text.getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A case tree could not be written", e);
        }
    }

    /** Indentation as common JSON tools write it: two spaces, {@code "key": value}, {@code []} when empty. */
    private static DefaultPrettyPrinter printer() {
        Separators separators = Separators.createDefaultInstance()
                .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                .withObjectEmptySeparator("")
                .withArrayEmptySeparator("");
        DefaultPrettyPrinter p = new DefaultPrettyPrinter(separators);
        DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
        p.indentObjectsWith(indenter);
        p.indentArraysWith(indenter);
        return p;
    }

    private static void putText(ObjectNode n, String name, String value) {
        if (value != null) {
            n.put(name, value);
        }
    }

    private static void putEnum(ObjectNode n, String name, Enum<?> value) {
        if (value != null) {
            n.put(name, value.name());
        }
    }

    private static void putDate(ObjectNode n, String name, LocalDate value) {
        if (value != null) {
            n.put(name, value.toString());
        }
    }

    private static void putStrings(ObjectNode n, String name, List<String> values) {
        if (values != null) {
            ArrayNode a = n.putArray(name);
            values.forEach(a::add);
        }
    }

    private static void putParty(ObjectNode n, String name, Party party) {
        if (party != null) {
            ObjectNode p = n.putObject(name);
            putText(p, "name", party.name());
        }
    }

}
