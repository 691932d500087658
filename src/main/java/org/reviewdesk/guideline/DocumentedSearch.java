package org.reviewdesk.guideline;

import java.util.List;

/** Looks a phrase up in the case's clinical record; the app backs it with its full-text search. */
@FunctionalInterface
public interface DocumentedSearch {
    /** Descriptions of the hits (e.g. "Progress note 2017-01-03, page 4: ..."); empty when none. */
    List<String> find(String phrase);
}
