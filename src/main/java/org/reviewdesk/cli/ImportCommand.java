package org.reviewdesk.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.reviewdesk.service.Workbench;
import org.reviewdesk.store.DuplicateCaseException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "import", description = "Import case files (.json), packets (folder or .zip); prints each case number.")
final class ImportCommand implements Callable<Integer> {
    @ParentCommand
    ReviewDeskCommand root;

    @Option(names = "--replace", description = "replace a case that is already in the store")
    boolean replace;

    @Parameters(paramLabel = "PATH", arity = "1..*", description = "case files, packet folders or .zip packets")
    List<Path> paths;

    @Override
    public Integer call() throws Exception {
        int failed = 0;
        try (Workbench w = root.open()) {
            for (Path p : paths) {
                try {
                    if (org.reviewdesk.exchange.ArchiveBundle.isBundle(p)) {
                        char[] pw = org.reviewdesk.exchange.ArchiveBundle.isEncrypted(p)
                                ? root.passwords.bundle(false) : null;
                        System.out.println(w.archives().importBundle(p, pw, replace).caseNumber());
                        continue;
                    }
                    System.out.println(w.cases().importPath(p, replace).caseNumber());
                } catch (DuplicateCaseException e) {
                    failed++;
                    System.err.println("error: " + p + ": case " + e.caseNumber()
                            + " is already in the store; not imported (use --replace to replace it)");
                } catch (Exception e) {
                    failed++;
                    System.err.println("error: " + p + ": " + e.getMessage());
                }
            }
        }
        return failed == 0 ? 0 : 1;
    }
}
