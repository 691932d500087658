package org.reviewdesk.letter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.reviewdesk.TestData;
import org.reviewdesk.domain.CaseFile;
import org.reviewdesk.exchange.CaseJson;

/** The rendered letter reads word for word like the real letters (compared as pdftotext sees them). */
class LetterWordForWordTest {
    private static final String START = "HOW THE IMR FINAL DETERMINATION WAS MADE";
    /** Everything above the footer band: the footer line "Page N of M" is ours, not the letters'. */
    private static final int BODY_TOP = 0;
    private static final int BODY_HEIGHT = 745;

    @TempDir
    Path tmp;

    static Stream<Path> letterCases() throws Exception {
        return TestData.letterCases().stream();
    }

    private static String squash(String s) {
        return s.replaceAll("\\s+", "");
    }

    private static String fromStart(String text) {
        int i = text.indexOf(START);
        assertTrue(i >= 0, "no '" + START + "' in the text");
        return text.substring(i);
    }

    private String render(CaseFile c) throws Exception {
        RenderedLetter r = LetterPdf.render(LetterComposer.compose(c), null);
        Path pdf = PdfTools.write(tmp, c.caseNumber() + ".pdf", r.pdf());
        return PdfTools.pdftotext(pdf, BODY_TOP, BODY_HEIGHT);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("letterCases")
    void eachLetterCaseReproducesItsOriginalLetter(Path caseFile) throws Exception {
        CaseFile c = CaseJson.read(Files.readAllBytes(caseFile));
        String number = c.caseNumber();
        String original = Files.readString(TestData.shared().resolve("data/imr-letters/txt/" + number + ".txt"),
                StandardCharsets.UTF_8);
        String mine = render(c);
        assertTextEquals(squash(fromStart(original)), squash(fromStart(mine)), number);
        assertTrue(headerValues(original).size() >= 6, number + ": the original's header was not read");
        assertEquals(headerValues(original), headerValues(mine), number + ": header values");
    }

    @Test
    void theSeedCaseReproducesTheSampleLetter() throws Exception {
        CaseFile c = CaseJson.read(Files.readAllBytes(TestData.seedCase()));
        String expected = Files.readString(TestData.shared().resolve("data/seed-case/letter.txt"),
                StandardCharsets.UTF_8);
        assertTextEquals(squash(fromStart(expected)), squash(fromStart(render(c))), "seed case");
    }

    @Test
    void unicodeTheReviewerTypesComesOutAsTyped() throws Exception {
        CaseFile seed = CaseJson.read(Files.readAllBytes(TestData.seedCase()));
        String typed = "Curly “quotes” and ‘single’, accents é ñ ü Ö, ≥ 50%, ≤ 3, 10 µg, ± 2°, — dash … and ½.";
        CaseFile c = seed.withEdits(typed, seed.items());
        String text = render(c);
        assertTrue(text.replaceAll("\\s+", " ").contains(typed), text);
    }

    private static void assertTextEquals(String expected, String actual, String what) {
        if (!expected.equals(actual)) {
            int i = 0;
            while (i < Math.min(expected.length(), actual.length()) && expected.charAt(i) == actual.charAt(i)) {
                i++;
            }
            throw new AssertionError(what + ": the texts differ at character " + i + ":\n expected …"
                    + expected.substring(Math.max(0, i - 60), Math.min(expected.length(), i + 60)) + "\n actual   …"
                    + actual.substring(Math.max(0, i - 60), Math.min(actual.length(), i + 60)));
        }
    }

    private static final String[] LABELS = {"Case Number:", "Date Assigned:", "Date of Injury:", "Decision Date:",
        "UR Denial Date:", "Priority:", "Application"};

    /** The header table's values, read off the pdftotext layout (the text before the first title). */
    static Map<String, String> headerValues(String text) {
        String head = text.substring(0, text.indexOf(START));
        Map<String, String> values = new LinkedHashMap<>();
        for (String label : LABELS) {
            Matcher m = Pattern.compile(Pattern.quote(label) + "\\s+(?:Received:\\s+)?([A-Za-z0-9/-]+)").matcher(head);
            if (m.find()) {
                values.put(label, m.group(1));
            }
        }
        return values;
    }
}
