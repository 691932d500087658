package org.reviewdesk.exchange;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Counts the bytes read and stops past a limit, whatever the ZIP entry declared. */
final class CountingStream extends FilterInputStream {
    /** Thrown when more bytes arrive than allowed. */
    static final class LimitExceeded extends IOException {
        LimitExceeded() {
            super("size limit exceeded");
        }
    }

    private final long limit;
    private long count;

    CountingStream(InputStream in, long limit) {
        super(in);
        this.limit = limit;
    }

    long count() {
        return count;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            add(1);
        }
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = super.read(b, off, len);
        if (n > 0) {
            add(n);
        }
        return n;
    }

    private void add(long n) throws LimitExceeded {
        count += n;
        if (count > limit) {
            throw new LimitExceeded();
        }
    }
}
