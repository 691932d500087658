package org.reviewdesk.letter.sign;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/** The signatures found in a PDF and what was checked about each, in signing order. */
public record VerificationReport(List<SignatureCheck> signatures) {
    public VerificationReport {
        signatures = List.copyOf(signatures);
    }

    /** True only when there is at least one signature and every one is intact and covers the whole file. */
    public boolean allValid() {
        return !signatures.isEmpty() && signatures.stream().allMatch(SignatureCheck::valid);
    }

    /** The lines a {@code verify} command prints, times in UTC. */
    public String toText() {
        return toText(ZoneId.of("UTC"));
    }

    /** The lines a {@code verify} command prints, times in the given zone. */
    public String toText(ZoneId zone) {
        if (signatures.isEmpty()) {
            return "No digital signature found: the document is not signed.\n";
        }
        List<String> lines = new ArrayList<>();
        for (SignatureCheck check : signatures) {
            lines.addAll(check.lines(zone));
        }
        return String.join("\n", lines) + "\n";
    }
}
