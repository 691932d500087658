package org.reviewdesk.letter;

import java.util.List;

/** The determination letter as text: header table rows and body blocks, before any layout. */
public record LetterModel(String caseNumber, String organizationName, List<HeaderRow> header, List<Block> blocks) {
    public LetterModel {
        header = List.copyOf(header);
        blocks = List.copyOf(blocks);
    }

    /** One label and its value in the header table. */
    public record HeaderField(String label, String value) {
    }

    /** A row of the header table: a field on the left, and maybe one on the right. */
    public record HeaderRow(HeaderField left, HeaderField right) {
    }

    /** A run of text, bold or regular. */
    public record Run(String text, boolean bold) {
    }

    /** A block of the body. */
    public sealed interface Block permits SectionTitle, ItemHeading, Paragraph {
    }

    /** A bold centred section title such as {@code CLINICAL CASE SUMMARY}. */
    public record SectionTitle(String text) implements Block {
    }

    /** The heading of one disputed item: the request in bold, then the decision. */
    public record ItemHeading(String request, String decision) implements Block {
    }

    /** A paragraph of runs; a newline inside a run is a line break. */
    public record Paragraph(List<Run> runs) implements Block {
        public Paragraph {
            runs = List.copyOf(runs);
        }

        public static Paragraph of(String text) {
            return new Paragraph(List.of(new Run(text, false)));
        }

        public static Paragraph labelled(String label, String text) {
            return new Paragraph(List.of(new Run(label, true), new Run(text, false)));
        }

        /** The paragraph's text, runs joined. */
        public String text() {
            StringBuilder b = new StringBuilder();
            runs.forEach(r -> b.append(r.text()));
            return b.toString();
        }
    }
}
