package org.reviewdesk.domain;

import java.util.ArrayList;
import java.util.List;

/** What a case still lacks before its letter may be signed; empty when it is complete. */
public final class LetterReadiness {
    private LetterReadiness() {
    }

    public static List<String> missing(CaseFile c) {
        List<String> out = new ArrayList<>();
        if (c.items().isEmpty()) {
            out.add("The case has no disputed items.");
        }
        if (blank(c.clinicalSummary())) {
            out.add("The clinical case summary is empty.");
        }
        String shortName = c.organization() != null && !blank(c.organization().shortName())
                ? c.organization().shortName() : "Reviewer";
        for (int i = 0; i < c.items().size(); i++) {
            Item item = c.items().get(i);
            String which = "Item " + (i + 1) + " (" + shorten(item.request()) + ")";
            if (item.decision() == null) {
                out.add(which + ": no decision (Upheld or Overturned).");
            }
            if (blank(item.reviewerGuideline())) {
                out.add(which + ": the " + shortName + " guideline is empty.");
            }
            if (!item.hasRationale()) {
                out.add(which + ": the decision rationale is empty.");
            }
        }
        Reviewer r = c.reviewer();
        if (r == null || r.licensure() == null || r.licensure().stream().allMatch(LetterReadiness::blank)) {
            out.add("The reviewer's state(s) of licensure are not set (Settings, reviewer profile).");
        }
        if (r == null || r.specialties() == null || r.specialties().stream().allMatch(LetterReadiness::blank)) {
            out.add("The reviewer's certification(s)/specialty are not set (Settings, reviewer profile).");
        }
        return out;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String shorten(String s) {
        String t = s == null ? "" : s.strip();
        return t.length() > 50 ? t.substring(0, 47) + "..." : t;
    }
}
