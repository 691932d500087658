package org.reviewdesk.precedent;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import org.reviewdesk.guideline.GuidelineEntry;
import org.reviewdesk.guideline.GuidelineKind;
import org.reviewdesk.guideline.GuidelineLibrary;

/**
 * Which guideline a citation cites, at the level reviewers compare them: an MTUS guideline is its library
 * entry; a non-MTUS citation is its publication (ODG, ACOEM) and chapter, because the library keeps each spelling
 * the letters used as its own entry ("Official Disability Guidelines (ODG), Low Back Chapter", "ODG Low back
 * chapter/ x-ray", "Official Disability Guidelines, Low Back - MRIs" are all the ODG low back chapter).
 */
public final class GuidelineChapters {
    private GuidelineChapters() {
    }

    /** The guideline keys of one library entry (an entry naming two chapters gives two keys). */
    public static Set<String> of(String entryId, GuidelineLibrary lib) {
        Set<String> out = new LinkedHashSet<>();
        GuidelineEntry e = lib.byId(entryId).orElse(null);
        if (e == null || e.kind() == GuidelineKind.MTUS) {
            out.add(entryId);
            return out;
        }
        String name = e.name().toLowerCase(Locale.ROOT);
        String publication = name.contains("official disability guidelines") || name.matches(".*\\bodg\\b.*") ? "odg"
                : name.contains("acoem") ? "acoem" : null;
        if (publication == null) {
            out.add(entryId);
            return out;
        }
        for (String region : BodyParts.of(e.name())) {
            out.add(publication + ":" + region);
        }
        if (name.contains("pain")) {
            out.add(publication + ":pain");
        }
        if (name.contains("mental") || name.contains("stress")) {
            out.add(publication + ":mental");
        }
        if (out.isEmpty()) {
            out.add(entryId);
        }
        return out;
    }

    /** The guideline keys of several entries. */
    public static Set<String> of(Set<String> entryIds, GuidelineLibrary lib) {
        Set<String> out = new LinkedHashSet<>();
        entryIds.forEach(id -> out.addAll(of(id, lib)));
        return out;
    }
}
