package org.reviewdesk.letter.sign;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider;
import org.verapdf.pdfa.Foundries;
import org.verapdf.pdfa.PDFAParser;
import org.verapdf.pdfa.PDFAValidator;
import org.verapdf.pdfa.flavours.PDFAFlavour;
import org.verapdf.pdfa.results.TestAssertion;
import org.verapdf.pdfa.results.ValidationResult;

/** Checks by tools that are not ours: veraPDF for PDF/A, poppler's pdfsig for signatures. */
final class ExternalChecks {
    private static boolean veraReady;

    private ExternalChecks() {
    }

    /** Fails with veraPDF's failed rules when the file is not PDF/A-2b. */
    static synchronized void assertPdfA2b(byte[] pdf, String what) throws Exception {
        if (!veraReady) {
            VeraGreenfieldFoundryProvider.initialise();
            veraReady = true;
        }
        try (PDFAParser parser = Foundries.defaultInstance().createParser(new ByteArrayInputStream(pdf),
                PDFAFlavour.PDFA_2_B);
             PDFAValidator validator = Foundries.defaultInstance().createValidator(PDFAFlavour.PDFA_2_B, false)) {
            ValidationResult result = validator.validate(parser);
            String failures = result.getTestAssertions().stream()
                    .filter(a -> a.getStatus() == TestAssertion.Status.FAILED)
                    .map(a -> a.getRuleId().getClause() + "-" + a.getRuleId().getTestNumber() + ": " + a.getMessage()
                            + " @ " + a.getLocation().getContext())
                    .distinct().limit(20).collect(Collectors.joining("\n"));
            assertTrue(result.isCompliant(), what + " is not PDF/A-2b:\n" + failures);
        }
    }

    /** pdfsig's output for a file, or null when poppler-utils is not installed. */
    static String pdfsig(Path file) throws Exception {
        Path tool = Path.of("/usr/bin/pdfsig");
        if (!Files.isExecutable(tool)) {
            return null;
        }
        Process process = new ProcessBuilder(tool.toString(), file.toString()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "pdfsig did not finish");
        return output;
    }

    /** Renders a page with poppler's pdftoppm at 80 dpi into {@code dir}; false when poppler is missing. */
    static boolean pdftoppm(Path pdf, int page, Path prefix) throws Exception {
        Path tool = Path.of("/usr/bin/pdftoppm");
        if (!Files.isExecutable(tool)) {
            return false;
        }
        Process process = new ProcessBuilder(tool.toString(), "-png", "-r", "80", "-f", String.valueOf(page), "-l",
                String.valueOf(page), "-singlefile", pdf.toString(), prefix.toString())
                .redirectErrorStream(true).start();
        process.getInputStream().readAllBytes();
        return process.waitFor(60, TimeUnit.SECONDS) && process.exitValue() == 0;
    }
}
