package org.reviewdesk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reviewdesk.files.Escape;

/**
 * Malformed case files given to {@code import}: wrong types, unknown fields, cut-off JSON, lists where objects
 * belong, numbers out of range, null where a string is required, duplicate keys, wrong encodings, huge strings
 * and numbers, deep nesting. Each error line names the file, where in it (the JSON path, or line and column) and
 * what was expected, in plain words: none of the JSON parser's own wording (class names, "[Source: ...]",
 * "(code 125)", feature names) reaches the reviewer. The store is unchanged.
 */
class PlainJsonErrorsTest {
    private static final String PW = "plain json errors password";
    /** The parser's wording, which must not reach a reviewer. */
    static final List<String> PARSER_WORDING = List.of("Source:", "REDACTED", "`", "java.", "com.fasterxml", "ackson",
            "Exception", "(code ", "CTRL-CHAR", "VALUE_STRING", "START_OBJECT", "StreamRead", "JsonReadFeature",
            "Feature", "deserializ", "Unrecognized", "Unexpected character", "Duplicate field", "was expecting",
            "reference chain", "close marker", "end-of-input", "Non-standard token");
    /** After the file: line and column, or a JSON path, or the whole file. */
    private static final Pattern LOCATED = Pattern.compile("The case file is not valid JSON at line \\d+, column \\d+"
            + "(, near \\S+)?: .+|(\\(root\\)|[A-Za-z]\\w*(\\[\\d+\\])*(\\.\\w+(\\[\\d+\\])*)*): .+|The case file is empty");

    @TempDir
    Path tmp;

    record Bad(Path path, String expected) {
    }

    /** The parser wording a message holds, or null. */
    static String parserWording(String message) {
        return PARSER_WORDING.stream().filter(message::contains).findFirst().orElse(null);
    }

    private static final String HEAD = "{\"format\":\"reviewdesk-case/1\",\"caseNumber\":\"A1\",";

    private List<Bad> corpus(Path dir) throws Exception {
        List<Bad> all = new ArrayList<>();
        Object[][] texts = {
            // cut off
            {HEAD + "\"items\":[{\"request\":\"MRI\",\"decision\":", "near items[0].decision: the file ends before the JSON "
                + "does"},
            {HEAD + "\"items\":[{\"request\":\"MRI\"", "near items[0].request: the file ends before the JSON does (is it "
                + "cut off?): expected } to close the object"},
            {HEAD + "\"items\":[{\"request\":\"MRI\"}", "near items[0]: the file ends before the JSON does (is it cut "
                + "off?): expected ] to close the list"},
            {HEAD + "\"items\":[{\"request\":\"MRI}]}", "near items[0].request: the file ends before the JSON does (is it "
                + "cut off?): a string is not closed by \""},
            // not JSON as written
            {HEAD + "}", "near caseNumber: expected a field name in double quotes, found '}' (no comma after the last "
                + "field)"},
            {HEAD + "\"items\":[{\"request\":\"MRI\"},]}", "near items[1]: expected a value"},
            {HEAD + "\"items\":[] \"x\":1}", "near items: expected a comma or } after the value, found '\"'"},
            {HEAD + "\"items\":[]} x", "expected a value (a string in double quotes, a number, an object, a list, true, "
                + "false or null), found \"x\""},
            {HEAD + "\"items\":[]} {}", "more after the end of the JSON object"},
            {"{format:\"reviewdesk-case/1\"}", "line 1, column 2: expected a field name in double quotes, found 'f'"},
            {HEAD + "\"items\":[]}/* c */", "comments are not allowed in JSON"},
            {HEAD + "\"items\":[{\"request\":\"MRI\\q\"}]}", "near items[0].request: \\q is not an escape of JSON"},
            {HEAD + "\"items\":[{\"request\":\"MR\tI\"}]}", "near items[0].request: the control character \\u0009 must "
                + "be written as an escape"},
            {HEAD + "\"items\":[{\"request\":NaN}]}", "near items[0].request: \"NaN\" is not a JSON number"},
            {HEAD + "\"items\":[],\"x\":tru}", "near x: expected a value"},
            {HEAD + "\"items\":[{\"request\":\"MRI\"]}", "near items[0].request: found ']' where the object should end with }"},
            // duplicate keys
            {HEAD + "\"items\":[{\"request\":\"MRI\",\"request\":\"CT\"}]}", "near items[0].request: the field "
                + "\"request\" appears twice"},
            {HEAD + "\"items\":[],\"items\":[]}", "near items: the field \"items\" appears twice"},
            // numbers
            {HEAD + "\"items\":[],\"evidence\":[{\"documentId\":\"d\",\"page\":1e99999999999,\"quote\":\"q\"}]}",
                "near evidence[0].page: a number too large to read"},
            {HEAD + "\"items\":[],\"evidence\":[{\"documentId\":\"d\",\"page\":" + "9".repeat(1500) + "}]}",
                "near evidence[0].page: a number longer than 1,000 digits"},
            {HEAD + "\"items\":[],\"evidence\":[{\"documentId\":\"d\",\"page\":01}]}", "near evidence[0].page: a number "
                + "must not start with 0"},
            {HEAD + "\"items\":[],\"evidence\":[{\"documentId\":\"d\",\"page\":+1}]}", "near evidence[0].page: not a "
                + "valid number at '+'"},
            {HEAD + "\"items\":[],\"documents\":[{\"id\":\"d\",\"file\":\"a.pdf\"}],\"evidence\":[{\"documentId\":\"d\","
                + "\"page\":99999999999,\"quote\":\"q\"}]}", "evidence[0].page: expected a whole number of at least 1"},
            {HEAD + "\"items\":[],\"documents\":[{\"id\":\"d\",\"file\":\"a.pdf\"}],\"evidence\":[{\"documentId\":\"d\","
                + "\"page\":1.5,\"quote\":\"q\"}]}", "evidence[0].page: expected a whole number of at least 1, got 1.5"},
            // wrong types, lists where objects belong, null where a string is required, unknown fields
            {HEAD + "\"items\":[{\"request\":\"MRI\",\"decision\":5}]}", "items[0].decision: expected UPHELD or "
                + "OVERTURNED, got 5"},
            {HEAD + "\"items\":[{\"request\":null}]}", "items[0].request: expected a string, got null"},
            {"{\"format\":\"reviewdesk-case/1\",\"caseNumber\":null,\"items\":[]}", "caseNumber: expected a string, got "
                + "null"},
            {HEAD + "\"items\":[[\"MRI\"]]}", "items[0]: expected an object, got a list"},
            {HEAD + "\"items\":[],\"parties\":[1]}", "parties: expected an object, got a list"},
            {HEAD + "\"items\":[],\"organization\":{\"name\":{\"x\":1}}}", "organization.name: expected a string, got "
                + "an object"},
            {HEAD + "\"items\":[{\"request\":\"MRI\",\"citations\":[{\"guidelineId\":\"x\",\"sections\":\"s\"}]}]}",
                "items[0].citations[0].sections: expected a list, got \"s\""},
            {HEAD + "\"items\":[],\"dateOfInjury\":20170101}", "dateOfInjury: expected a date YYYY-MM-DD, got 20170101"},
            {HEAD + "\"items\":[],\"priority\":true}", "priority: expected STANDARD or EXPEDITED, got true"},
            {HEAD + "\"items\":[],\"bogus\":1}", "bogus: unknown field (allowed here:"},
            {HEAD + "\"items\":[{\"request\":\"MRI\",\"decison\":\"UPHELD\"}]}", "items[0].decison: unknown field"},
            {"null", "(root): expected an object, got null"},
            {"\"a case\"", "(root): expected an object, got \"a case\""},
            {"[1, 2]", "(root): expected an object, got a list"},
            {"   ", "The case file is empty"},
            // deep nesting
            {"[".repeat(1200) + "]".repeat(1200), "line 1, column 1002, near [0][0]"},
            {HEAD + "\"items\":[{\"request\":" + "[".repeat(1200) + "]".repeat(1200) + "}]}", "near items[0].request[0]"},
        };
        int n = 0;
        for (Object[] t : texts) {
            Path p = dir.resolve("bad-" + (n++) + ".json");
            Files.writeString(p, (String) t[0], StandardCharsets.UTF_8);
            all.add(new Bad(p, (String) t[1]));
        }
        // wrong encodings and a huge string
        String latin = HEAD + "\"items\":[{\"request\":\"Caf\u00e9 visit\"}]}";
        all.add(new Bad(Files.write(dir.resolve("latin1.json"), latin.getBytes(StandardCharsets.ISO_8859_1)),
                "near items[0].request: the text is not UTF-8 (save the file as UTF-8)"));
        byte[] ff = (HEAD + "\"items\":[{\"request\":\"x\u00ff\"}]}").getBytes(StandardCharsets.ISO_8859_1);
        all.add(new Bad(Files.write(dir.resolve("byte-ff.json"), ff), "the text is not UTF-8"));
        all.add(new Bad(Files.write(dir.resolve("utf16-cut.json"), new byte[] {(byte) 0xff, (byte) 0xfe, '{', 0, '"',
            0}), "the file ends before the JSON does (is it cut off?): a field name is not closed by \""));
        Path huge = dir.resolve("huge-string.json");
        try (var w = Files.newBufferedWriter(huge, StandardCharsets.UTF_8)) {
            w.write(HEAD + "\"items\":[{\"request\":\"");
            String chunk = "a".repeat(1_000_000);
            for (int i = 0; i < 21; i++) {
                w.write(chunk);
            }
            w.write("\"}]}");
        }
        all.add(new Bad(huge, "near items[0].request: a string longer than 20,000,000 characters"));
        return all;
    }

    private CommandProcess.Run run(String... args) throws Exception {
        return CommandProcess.run(tmp, PW, List.of(), 180, args);
    }

    @Test
    void everyMalformedCaseFileIsToldWhereAndWhatInPlainWordsAndTheStoreIsUnchanged() throws Exception {
        String data = tmp.resolve("data").toString();
        assertEquals(0, run("--data", data, "init").status());
        CommandProcess.Run listBefore = run("--data", data, "list");
        CommandProcess.Run showBefore = run("--data", data, "show", "EXAMPLE-0001");

        List<Bad> corpus = corpus(Files.createDirectories(tmp.resolve("corpus")));
        List<String> args = new ArrayList<>(List.of("--data", data, "import"));
        corpus.forEach(b -> args.add(b.path().toString()));
        CommandProcess.Run r = run(args.toArray(new String[0]));

        assertEquals(1, r.status());
        assertEquals("", r.out(), "nothing was imported");
        List<String> lines = r.err().lines().toList();
        assertEquals(corpus.size(), lines.size(), "one line per input:\n" + r.err());
        List<String> wrong = new ArrayList<>();
        for (int i = 0; i < corpus.size(); i++) {
            Bad b = corpus.get(i);
            String line = lines.get(i);
            String head = "error: " + Escape.controls(b.path().toString()) + ": ";
            String message = line.startsWith(head) ? line.substring(head.length()) : null;
            if (message == null || parserWording(message) != null || !LOCATED.matcher(message).matches()
                    || !message.contains(b.expected())) {
                wrong.add(b.path().getFileName() + " -> " + line + "\n    expected: " + b.expected()
                        + (message == null ? "" : "; parser wording: " + parserWording(message)));
            }
        }
        assertTrue(wrong.isEmpty(), wrong.size() + " of " + corpus.size() + " messages are wrong:\n"
                + String.join("\n", wrong));
        assertEquals(listBefore.out(), run("--data", data, "list").out());
        assertEquals(showBefore.out(), run("--data", data, "show", "EXAMPLE-0001").out());
    }
}
