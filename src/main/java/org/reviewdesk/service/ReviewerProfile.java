package org.reviewdesk.service;

import java.util.Arrays;
import java.util.List;

/**
 * The reviewer's own details: the name or reviewer ID shown in the signature, the credentials the
 * letter prints when a case does not carry them, and letter options.
 */
public record ReviewerProfile(String signerName, List<String> licensure, List<String> specialties,
                              String timestampUrl, List<String> affiliations) {
    public ReviewerProfile {
        affiliations = affiliations == null ? List.of() : List.copyOf(affiliations);
        licensure = licensure == null ? List.of() : List.copyOf(licensure);
        specialties = specialties == null ? List.of() : List.copyOf(specialties);
        signerName = signerName == null ? "" : signerName.strip();
        timestampUrl = timestampUrl == null ? "" : timestampUrl.strip();
    }

    public static final ReviewerProfile EMPTY = new ReviewerProfile("", List.of(), List.of(), "", List.of());

    public ReviewerProfile(String signerName, List<String> licensure, List<String> specialties, String timestampUrl) {
        this(signerName, licensure, specialties, timestampUrl, List.of());
    }

    /**
     * The parties of a case that match one of the reviewer's declared affiliations (employers,
     * insurers, practices): a possible conflict of interest the reviewer must weigh before deciding.
     */
    public List<String> conflicts(org.reviewdesk.domain.Parties parties) {
        if (parties == null || affiliations.isEmpty()) {
            return List.of();
        }
        List<String> out = new java.util.ArrayList<>();
        check(out, "employee", parties.employee());
        check(out, "employer", parties.employer());
        check(out, "claims administrator", parties.claimsAdministrator());
        check(out, "requesting physician", parties.requestingPhysician());
        return out;
    }

    private void check(List<String> out, String role, org.reviewdesk.domain.Party p) {
        if (p == null || p.name() == null || p.name().isBlank()) {
            return;
        }
        String name = normalize(p.name());
        for (String a : affiliations) {
            String aff = normalize(a);
            if (!aff.isEmpty() && (name.contains(aff) || aff.contains(name))) {
                out.add("The " + role + ", " + p.name() + ", matches your declared affiliation \"" + a + "\".");
                return;
            }
        }
    }

    private static String normalize(String s) {
        return s.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9 ]", " ")
                .replaceAll("\\b(inc|llc|ltd|corp|co|company|the|dr|md)\\b", " ").replaceAll("\\s+", " ").strip();
    }

    /** Splits "Texas, California" into its entries. */
    public static List<String> split(String commaSeparated) {
        if (commaSeparated == null || commaSeparated.isBlank()) {
            return List.of();
        }
        return Arrays.stream(commaSeparated.split("[,;\\n]")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
