package org.reviewdesk.record;

/** Told how far the reading of a record has come, on the thread that called {@link RecordReader#readPages}. */
@FunctionalInterface
public interface ProgressListener {
    /** A listener for callers that show no progress. */
    ProgressListener NONE = (done, total) -> { };

    void pagesRead(int pagesDone, int totalPages);
}
