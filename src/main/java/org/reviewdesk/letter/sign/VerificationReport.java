package org.reviewdesk.letter.sign;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/** The signatures found in a PDF and what was checked about each, in signing order. */
public record VerificationReport(List<SignatureCheck> signatures) {
    public VerificationReport {
        signatures = List.copyOf(signatures);
    }

    /** True only when there is at least one signature and every one is VALID (intact, whole, trusted). */
    public boolean allValid() {
        return !signatures.isEmpty() && signatures.stream().allMatch(SignatureCheck::valid);
    }

    /** True when there is at least one signature and every one is intact and covers the whole file. */
    public boolean allIntact() {
        return !signatures.isEmpty() && signatures.stream().allMatch(SignatureCheck::intactAndWhole);
    }

    /** The worst verdict of all signatures (INVALID for an unsigned file). */
    public SignatureCheck.Verdict verdict() {
        if (signatures.isEmpty()) {
            return SignatureCheck.Verdict.INVALID;
        }
        return signatures.stream().map(SignatureCheck::verdict).max(java.util.Comparator.naturalOrder()).orElseThrow();
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
