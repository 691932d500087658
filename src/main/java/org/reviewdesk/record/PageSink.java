package org.reviewdesk.record;

/**
 * Receives the pages of a record one at a time, in page order, on the thread that called
 * {@link RecordReader#readPages}. A runtime exception thrown here stops the reading and reaches the caller.
 */
@FunctionalInterface
public interface PageSink {
    void accept(PageText page);
}
