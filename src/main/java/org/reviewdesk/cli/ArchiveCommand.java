package org.reviewdesk.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.reviewdesk.service.Workbench;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "archive", description = "An archive bundle of a finalized case (case file, records, signed letter, "
        + "manifest), AES-256 encrypted unless --plain.")
final class ArchiveCommand implements Callable<Integer> {
    @ParentCommand
    ReviewDeskCommand root;

    @Parameters(paramLabel = "CASE", description = "case number of a finalized case")
    String caseNumber;

    @Option(names = "--out", required = true, paramLabel = "FILE.zip", description = "where to write the bundle")
    Path out;

    @Option(names = "--plain", description = "write an unencrypted bundle (it holds patient data in the clear)")
    boolean plain;

    @Option(names = "--remove-records", description = "after the verified archive, remove the case's record files "
            + "from the store")
    boolean remove;

    @Override
    public Integer call() throws Exception {
        char[] password = plain ? null : root.passwords.bundle(true);
        try (Workbench w = root.open()) {
            w.archives().archive(caseNumber, out, password);
            System.out.println(out);
            if (remove) {
                w.archives().removeRecords(caseNumber);
                System.out.println("the records of " + caseNumber + " were removed from the store");
            }
        }
        return 0;
    }
}
