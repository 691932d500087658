package org.reviewdesk.guideline;

import java.util.ArrayList;
import java.util.List;

/**
 * How well a hit matches the query words: 0 when some word matches nowhere; otherwise each word scores
 * by where it matched (name 3, category 2, summary or limits 1), so name matches rank first.
 */
final class HitScore {
    private HitScore() {
    }

    static int score(SearchHit hit, List<String> query) {
        GuidelineEntry e = hit.entry();
        GuidelineSection s = hit.section();
        List<String> names = new ArrayList<>(Words.of(e.name()));
        List<String> categories = new ArrayList<>(Words.of(String.join(" ", e.categories())));
        List<String> text = new ArrayList<>(Words.of(e.summary(), e.limits()));
        List<String> own = List.of();
        if (s != null) {
            names.addAll(Words.of(s.name()));
            // A section inherits its entry's name but not the entry's summary: "chronic" alone should
            // give the Chronic Pain entry, not each of its forty sections.
            categories = Words.of(String.join(" ", s.categories()));
            text = Words.of(s.summary(), s.limits());
            own = new ArrayList<>(Words.of(s.name()));
            own.addAll(categories);
            own.addAll(text);
        }
        int total = 0;
        boolean sectionOwnMatch = s == null;
        for (String w : query) {
            int score = Words.anyStartsWith(names, w) ? 3
                    : Words.anyStartsWith(categories, w) ? 2 : Words.anyStartsWith(text, w) ? 1 : 0;
            if (score == 0) {
                return 0;
            }
            sectionOwnMatch |= Words.anyStartsWith(own, w);
            total += score;
        }
        return sectionOwnMatch ? total : 0;
    }
}
