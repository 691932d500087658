package org.reviewdesk.service;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.reviewdesk.domain.RecordDocument;
import org.reviewdesk.search.Query;
import org.reviewdesk.search.SearchIndex;
import org.reviewdesk.store.Store;
import org.reviewdesk.store.StoreException;

/**
 * Full-text search of the records. The index is built in memory from the page texts kept in the
 * encrypted store, on first use, and kept up to date as records are added; it is never written out.
 */
public final class SearchService {
    /** A hit with the document's title, for lists. */
    public record SearchHit(String caseNumber, String documentId, String documentTitle, int page, String snippet,
                            List<int[]> snippetMarks, List<int[]> pageMarks) {
    }

    private final Store store;
    private SearchIndex index;

    SearchService(Store store) {
        this.store = store;
    }

    /** Loads the index if it is not loaded yet (the window does this in the background at unlock). */
    public synchronized SearchIndex index() throws StoreException {
        if (index == null) {
            SearchIndex fresh = new SearchIndex();
            store.records().forEachPage((c, d, p, text) -> fresh.add(new SearchIndex.PageKey(c, d, p), text));
            index = fresh;
        }
        return index;
    }

    /** Searches one case ({@code caseNumber}) or every case (null). */
    public List<SearchHit> search(String query, String caseNumber, int limit) throws StoreException {
        List<SearchIndex.Hit> hits = index().search(Query.parse(query), caseNumber, limit);
        Map<String, Map<String, String>> titles = new HashMap<>();
        List<SearchHit> out = new ArrayList<>();
        for (SearchIndex.Hit h : hits) {
            String c = h.page().caseNumber();
            Map<String, String> t = titles.get(c);
            if (t == null) {
                t = new HashMap<>();
                for (var d : store.records().documents(c)) {
                    RecordDocument doc = d.document();
                    t.put(doc.id(), doc.title() != null ? doc.title() : doc.file());
                }
                titles.put(c, t);
            }
            out.add(new SearchHit(c, h.page().documentId(), t.getOrDefault(h.page().documentId(),
                    h.page().documentId()), h.page().page(), h.snippet(), h.snippetMarks(), h.pageMarks()));
        }
        return out;
    }

    private static final java.util.regex.Pattern NEGATION = java.util.regex.Pattern.compile(
            "\\b(?:not|no|none|never|unknown|unspecified|without|denies|denied)\\b",
            java.util.regex.Pattern.CASE_INSENSITIVE);

    /**
     * Whether the record's own words around a hit say the thing is absent ("Number of visits to
     * date: not recorded", "no prior therapy"): such a hit does not show that it is documented.
     */
    public static boolean negated(String snippet, List<int[]> marks) {
        for (int[] m : marks) {
            String before = snippet.substring(Math.max(0, m[0] - 25), m[0]);
            String after = snippet.substring(m[1], Math.min(snippet.length(), m[1] + 40));
            if (!NEGATION.matcher(before + " " + after).find()) {
                return false;
            }
        }
        return !marks.isEmpty();
    }

    /** Where a query matches on one page's text, for marking the hits in the viewer. */
    public static List<int[]> marks(String pageText, String query) {
        return SearchIndex.marks(pageText, Query.parse(query));
    }

    synchronized void pageAdded(String caseNumber, String documentId, int page, String text) {
        if (index != null) {
            index.add(new SearchIndex.PageKey(caseNumber, documentId, page), text);
        }
    }

    synchronized void documentRemoved(String caseNumber, String documentId) {
        if (index != null) {
            index.removeDocument(caseNumber, documentId);
        }
    }
}
