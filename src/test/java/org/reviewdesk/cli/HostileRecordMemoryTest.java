package org.reviewdesk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Record files built to exhaust memory, added on the command line with a small heap: each is refused or
 * marked unreadable with a message, never a stack trace, and nothing is left waiting for good.
 */
class HostileRecordMemoryTest {
    private static final String PW = "hostile memory store password";

    @TempDir
    Path tmp;
    Path data;


    private CommandProcess.Run run(String... args) throws Exception {
        List<String> all = new ArrayList<>(List.of("--data", data.toString()));
        all.addAll(List.of(args));
        return CommandProcess.run(tmp, PW, List.of("-Xmx256m", "-XX:+UseSerialGC"), 240, all.toArray(String[]::new));
    }

    @BeforeEach
    void store() throws Exception {
        data = tmp.resolve("data");
        assertEquals(0, run("init").status());
    }

    /** A one-page PDF: a content stream and, if given, an image XObject the page draws. */
    static byte[] pdf(byte[] content, String imageDict, byte[] imageData) {
        List<byte[]> objs = new ArrayList<>();
        String resources = imageDict == null ? "<< >>" : "<< /XObject << /Im1 5 0 R >> >>";
        objs.add(b("<< /Type /Catalog /Pages 2 0 R >>"));
        objs.add(b("<< /Type /Pages /Kids [3 0 R] /Count 1 >>"));
        objs.add(b("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources " + resources
                + " /Contents 4 0 R >>"));
        objs.add(stream("/Filter /FlateDecode", deflate(content)));
        if (imageDict != null) {
            objs.add(stream(imageDict, imageData));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(b("%PDF-1.7\n"));
        List<Integer> offsets = new ArrayList<>();
        for (int i = 0; i < objs.size(); i++) {
            offsets.add(out.size());
            out.writeBytes(b((i + 1) + " 0 obj\n"));
            out.writeBytes(objs.get(i));
            out.writeBytes(b("\nendobj\n"));
        }
        int xref = out.size();
        StringBuilder x = new StringBuilder("xref\n0 " + (objs.size() + 1) + "\n0000000000 65535 f \n");
        offsets.forEach(o -> x.append(String.format("%010d 00000 n \n", o)));
        x.append("trailer\n<< /Size ").append(objs.size() + 1).append(" /Root 1 0 R >>\nstartxref\n").append(xref)
                .append("\n%%EOF\n");
        out.writeBytes(b(x.toString()));
        return out.toByteArray();
    }

    private static byte[] stream(String dict, byte[] data) {
        ByteArrayOutputStream s = new ByteArrayOutputStream();
        s.writeBytes(b("<< " + dict + " /Length " + data.length + " >>\nstream\n"));
        s.writeBytes(data);
        s.writeBytes(b("\nendstream"));
        return s.toByteArray();
    }

    static byte[] deflate(byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (DeflaterOutputStream d = new DeflaterOutputStream(out, new Deflater(9))) {
            d.write(data);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** {@code rows} rows of {@code width} zero bytes, deflated without holding them all. */
    static byte[] deflatedZeros(int width, int rows) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] row = new byte[width];
        try (DeflaterOutputStream d = new DeflaterOutputStream(out, new Deflater(9))) {
            for (int i = 0; i < rows; i++) {
                d.write(row);
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static void assertNoStackTrace(CommandProcess.Run r) {
        assertFalse(r.err().contains("Exception in thread") || r.err().contains("\tat "), r.err());
    }

    @Test
    void aPageImageThatDecodesPastTheHeapIsMarkedUnreadableAndLeavesNoOcrWaiting() throws Exception {
        // a scanned page (no text) whose image is 20,000 x 20,000 grey pixels: 400 MB decoded, 0.4 MB stored
        byte[] bomb = pdf(b("q 612 0 0 792 0 0 cm /Im1 Do Q"), "/Type /XObject /Subtype /Image /Width 20000 "
                + "/Height 20000 /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /FlateDecode",
                deflatedZeros(20_000, 20_000));
        Path file = Files.write(tmp.resolve("bomb-scan.pdf"), bomb);

        CommandProcess.Run add = run("records", "add", "EXAMPLE-0001", file.toString());
        assertEquals(0, add.status(), add.err());
        assertNoStackTrace(add);
        assertTrue(add.err().contains("could not be read by OCR"), add.err());

        // the page is done with (unreadable), not waiting: no later OCR run trips over it again
        CommandProcess.Run list = run("records", "list", "EXAMPLE-0001");
        assertEquals(0, list.status(), list.err());
        assertFalse((list.out() + list.err()).contains("OCR 0 of"), list.out() + list.err());
    }

    @Test
    void aTextLayerThatExhaustsTheHeapIsRefusedWithOneLineAndTheStoreIsUnchanged() throws Exception {
        // two million nested "save graphics state" operators: 4 MB of content, 4 KB stored
        byte[] content = b("q ".repeat(2_000_000) + "BT /F1 12 Tf 72 700 Td (hello) Tj ET");
        Path file = Files.write(tmp.resolve("nested-states.pdf"), pdf(content, null, null));
        CommandProcess.Run before = run("records", "list", "EXAMPLE-0001");

        CommandProcess.Run add = run("records", "add", "EXAMPLE-0001", file.toString());
        assertEquals(1, add.status(), add.err());
        assertNoStackTrace(add);
        assertEquals(1, add.err().lines().count(), add.err());
        assertTrue(add.err().startsWith("error: nested-states.pdf "), add.err());
        assertEquals(before.out(), run("records", "list", "EXAMPLE-0001").out());
    }
}
