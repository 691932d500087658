package org.reviewdesk.files;

import java.util.concurrent.CancellationException;

/**
 * Told how far a long piece of work (an archive, a backup, a bundle's import) has come, on the thread doing it. The
 * window shows it and may stop the work: {@link #update} then throws {@link CancellationException}, and the work
 * keeps nothing of what it had begun, as for any other failure.
 */
@FunctionalInterface
public interface WorkProgress {
    /** For callers that show no progress and never stop the work. */
    WorkProgress NONE = (what, done, total) -> { };

    /**
     * {@code done} of {@code total} (bytes or steps; {@code total <= 0}: not known) of the step named {@code what}
     * (words for the reviewer, never record text).
     *
     * @throws CancellationException when the reviewer stopped the work
     */
    void update(String what, long done, long total);

    /**
     * The last moment the work may be stopped: after this step ({@code what}) it finishes whatever happens, and a
     * failure after it is a failure, not a stop. Throws {@link CancellationException} when stopped before.
     */
    default void lastStop(String what) {
        update(what, 0, 0);
    }

    /** An input stream that reports each read to this progress as {@code base} plus the bytes read so far. */
    default java.io.InputStream counting(java.io.InputStream in, String what, long base, long total) {
        WorkProgress self = this;
        return new java.io.FilterInputStream(in) {
            private long read;

            @Override
            public int read() throws java.io.IOException {
                int b = super.read();
                if (b >= 0) {
                    tell(1);
                }
                return b;
            }

            @Override
            public int read(byte[] buf, int off, int len) throws java.io.IOException {
                int n = super.read(buf, off, len);
                if (n > 0) {
                    tell(n);
                }
                return n;
            }

            private void tell(int n) {
                read += n;
                self.update(what, base + read, total);
            }
        };
    }
}
