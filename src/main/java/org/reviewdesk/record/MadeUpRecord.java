package org.reviewdesk.record;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Random;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/** A record made up of generated words (no patient's), for the kept server's warm-up (ADR 0023). */
public final class MadeUpRecord {
    private static final String[] WORDS = {"patient", "reports", "lumbar", "pain", "radiating", "left", "lower",
        "extremity", "physical", "therapy", "visits", "medication", "tramadol", "ibuprofen", "examination",
        "tenderness", "range", "of", "motion", "the", "and", "with", "no", "MRI", "dated", "follow-up", "weeks",
        "request", "authorization", "treating", "physician", "diagnosis", "strain", "sprain", "cervical", "knee",
        "shoulder", "injection", "surgery", "work", "status", "modified", "duty", "functional", "improvement"};

    private MadeUpRecord() {
    }

    /** A text PDF of generated progress notes: dated headers, lines of common words and made-up ones. */
    public static byte[] pdf(int pages, Random r) throws IOException {
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            for (int p = 0; p < pages; p++) {
                PDPage page = new PDPage(PDRectangle.LETTER);
                doc.addPage(page);
                try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                    cs.beginText();
                    cs.setFont(font, 9);
                    cs.setLeading(12);
                    cs.newLineAtOffset(50, 740);
                    cs.showText("PROGRESS NOTE  Date of service: " + (1 + p % 12) + "/" + (1 + p % 28) + "/20"
                            + (10 + p % 15) + "  Page " + (p % 4 + 1) + " of 4");
                    cs.newLine();
                    for (int line = 0; line < 38; line++) {
                        StringBuilder sb = new StringBuilder();
                        while (sb.length() < 95) {
                            if (r.nextInt(4) == 0) {
                                for (int k = 3 + r.nextInt(7); k > 0; k--) {
                                    sb.append((char) ('a' + r.nextInt(26)));
                                }
                            } else {
                                sb.append(WORDS[r.nextInt(WORDS.length)]);
                            }
                            sb.append(r.nextInt(12) == 0 ? ". " : " ");
                        }
                        cs.showText(sb.toString().strip());
                        cs.newLine();
                    }
                    cs.endText();
                }
            }
            doc.save(out);
            return out.toByteArray();
        }
    }
}
