package org.reviewdesk.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.reviewdesk.service.Workbench;

/**
 * After a kill: the store opens with exactly one of the two passwords, its audit chain is intact, it holds
 * the sample case, and no leftover (scratch folder, spare copy, temp file) is in the data folder.
 * Prints "ok A|B notes..." or "BAD ..." (exit 1).
 */
public final class SwapCrashCheck {
    private SwapCrashCheck() {
    }

    public static void main(String[] args) throws Exception {
        Path data = Path.of(args[0]);
        char[] a = args[1].toCharArray();
        char[] b = args[2].toCharArray();
        String notes = "";
        int opened = 0;
        String which = "";
        for (char[] pw : List.of(a, b)) {
            try (Workbench w = Workbench.open(data, pw)) {
                opened++;
                which += pw == a ? "A" : "B";
                notes += String.join(" / ", w.openingNotes());
                if (w.auditProblem() != null || w.cases().list().isEmpty()) {
                    System.out.println("BAD: audit " + w.auditProblem() + ", cases " + w.cases().list().size());
                    System.exit(1);
                }
            } catch (org.reviewdesk.store.StoreException.WrongPassword e) {
                // the other password
            }
        }
        List<String> left;
        try (Stream<Path> s = Files.list(data)) {
            left = s.map(p -> p.getFileName().toString())
                    // the search index (issue 13) is derived, encrypted data that belongs there
                    .filter(n -> !List.of("reviewdesk.mv.db", "reviewdesk.key.json", "reviewdesk.oplock", "backups", "index")
                            .contains(n)).toList();
        }
        if (opened != 1 || !left.isEmpty()) {
            System.out.println("BAD: opened with " + opened + " passwords (" + which + "), leftovers " + left);
            System.exit(1);
        }
        System.out.println("ok " + which + (notes.isEmpty() ? "" : " (" + notes + ")"));
    }
}
