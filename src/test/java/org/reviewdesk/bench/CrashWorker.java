package org.reviewdesk.bench;

import java.nio.file.Path;
import org.reviewdesk.domain.CaseFile;
import org.reviewdesk.service.Workbench;

/**
 * Edits and imports in a loop, printing "committed N" after each save returns, until it is killed.
 * Used by src/test/bench/crash-test.sh, which kills it (kill -9) at random moments.
 */
public final class CrashWorker {
    private CrashWorker() {
    }

    public static void main(String[] args) throws Exception {
        Path data = Path.of(args[0]);
        Path caseFile = Path.of(args[1]);
        char[] pw = args[2].toCharArray();
        try (Workbench w = Workbench.open(data, pw)) {
            long n = Long.parseLong(args[3]);
            while (true) {
                n++;
                CaseFile c = w.cases().get("EXAMPLE-0001");
                String summary = c.clinicalSummary().replaceAll(" \\[edit \\d+\\]$", "") + " [edit " + n + "]";
                w.cases().save(c.withEdits(summary, c.items()));
                System.out.println("committed " + n);
                if (n % 3 == 0) {
                    w.cases().importPath(caseFile, true);
                    System.out.println("imported " + n);
                }
                System.out.flush();
            }
        }
    }
}
