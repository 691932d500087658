package org.reviewdesk.letter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Poppler's command-line tools, as an independent reader of the PDFs we write. */
public final class PdfTools {
    private PdfTools() {
    }

    /** {@code pdftotext -layout} of a PDF file, optionally cropped to a band of each page (points). */
    public static String pdftotext(Path pdf, Integer cropTop, Integer cropHeight) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("pdftotext", "-layout", "-enc", "UTF-8"));
        if (cropTop != null) {
            cmd.addAll(List.of("-r", "72", "-x", "0", "-y", cropTop.toString(), "-W", "612", "-H",
                    cropHeight.toString()));
        }
        cmd.addAll(List.of(pdf.toString(), "-"));
        return run(cmd);
    }

    public static String run(List<String> cmd) throws Exception {
        Process p;
        try {
            p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        } catch (java.io.IOException e) {
            throw new AssertionError(cmd.get(0) + " is not installed (apt-get install poppler-utils)", e);
        }
        byte[] out = p.getInputStream().readAllBytes();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        String text = new String(out, StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), String.join(" ", cmd) + ": " + text);
        return text;
    }

    public static Path write(Path dir, String name, byte[] pdf) throws Exception {
        return Files.write(dir.resolve(name), pdf);
    }
}
