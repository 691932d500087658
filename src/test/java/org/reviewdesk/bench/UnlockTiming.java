package org.reviewdesk.bench;

import java.nio.file.Path;
import org.reviewdesk.service.Workbench;

/**
 * Unlock time inside one process: the first unlock (cold JIT, as the window's first unlock) and the
 * following ones (warm, as the idle lock's). Args: data password [repeats].
 */
public final class UnlockTiming {
    private UnlockTiming() {
    }

    public static void main(String[] args) throws Exception {
        Path data = Path.of(args[0]);
        char[] pw = args[1].toCharArray();
        int n = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        for (int i = 0; i < n; i++) {
            long t = System.nanoTime();
            try (Workbench w = Workbench.open(data, pw)) {
                long ms = (System.nanoTime() - t) / 1_000_000;
                long k = System.nanoTime();
                boolean ok = w.checkPassword(pw);
                long kms = (System.nanoTime() - k) / 1_000_000;
                System.out.println((i == 0 ? "first unlock (cold): " : "unlock " + (i + 1) + " (warm): ") + ms
                        + " ms; password check alone (Argon2id): " + kms + " ms " + ok);
            }
        }
    }
}
