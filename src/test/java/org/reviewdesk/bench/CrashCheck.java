package org.reviewdesk.bench;

import java.nio.file.Path;
import org.reviewdesk.service.Workbench;

/** After a kill: the store opens, and the last committed edit the worker reported is there. */
public final class CrashCheck {
    private CrashCheck() {
    }

    public static void main(String[] args) throws Exception {
        Path data = Path.of(args[0]);
        long lastCommitted = Long.parseLong(args[1]);
        try (Workbench w = Workbench.open(data, args[2].toCharArray())) {
            String s = w.cases().get("EXAMPLE-0001").clinicalSummary();
            var m = java.util.regex.Pattern.compile("\\[edit (\\d+)\\]$").matcher(s);
            long stored = m.find() ? Long.parseLong(m.group(1)) : 0;
            int cases = w.cases().list().size();
            boolean audit = w.auditProblem() == null;
            if (stored < lastCommitted || !audit) {
                System.out.println("LOST: reported " + lastCommitted + ", stored " + stored + ", audit intact "
                        + audit);
                System.exit(1);
            }
            System.out.println("ok " + stored + " (" + cases + " cases)");
        }
    }
}
