package org.reviewdesk.service;

import java.util.Arrays;
import java.util.List;

/**
 * The reviewer's own details: the name or reviewer ID shown in the signature, the credentials the
 * letter prints when a case does not carry them, and letter options.
 */
public record ReviewerProfile(String signerName, List<String> licensure, List<String> specialties,
                              String timestampUrl) {
    public ReviewerProfile {
        licensure = licensure == null ? List.of() : List.copyOf(licensure);
        specialties = specialties == null ? List.of() : List.copyOf(specialties);
        signerName = signerName == null ? "" : signerName.strip();
        timestampUrl = timestampUrl == null ? "" : timestampUrl.strip();
    }

    public static final ReviewerProfile EMPTY = new ReviewerProfile("", List.of(), List.of(), "");

    /** Splits "Texas, California" into its entries. */
    public static List<String> split(String commaSeparated) {
        if (commaSeparated == null || commaSeparated.isBlank()) {
            return List.of();
        }
        return Arrays.stream(commaSeparated.split("[,;\\n]")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
