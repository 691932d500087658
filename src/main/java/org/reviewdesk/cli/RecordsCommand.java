package org.reviewdesk.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.reviewdesk.service.RecordService;
import org.reviewdesk.service.Workbench;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "records", description = "The clinical record of a case.", subcommands = RecordsCommand.Add.class)
final class RecordsCommand implements Callable<Integer> {
    @ParentCommand
    ReviewDeskCommand root;

    @Override
    public Integer call() {
        throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this),
                "records needs a subcommand: records add CASE FILE...");
    }

    @Command(name = "add", description = "Add record files (PDF, text, PNG, JPEG, TIFF) to a case; prints one line "
            + "per file.")
    static final class Add implements Callable<Integer> {
        @ParentCommand
        RecordsCommand records;

        @Parameters(index = "0", paramLabel = "CASE", description = "case number")
        String caseNumber;

        @Parameters(index = "1..*", arity = "1..*", paramLabel = "FILE", description = "record files")
        List<Path> files;

        @Override
        public Integer call() throws Exception {
            int refused = 0;
            try (Workbench w = records.root.open()) {
                w.cases().get(caseNumber);
                for (RecordService.AddResult r : w.records().addFiles(caseNumber, files, RecordService.Progress.NONE,
                        () -> false)) {
                    if (r.error() != null) {
                        refused++;
                        System.err.println("error: " + r.error());
                    } else if (r.duplicate()) {
                        System.out.println(r.fileName() + ": already in the case as " + r.documentId()
                                + "; not stored again");
                    } else {
                        System.out.println(r.fileName() + ": added as " + r.documentId() + " (" + r.pages()
                                + (r.pages() == 1 ? " page)" : " pages)"));
                    }
                }
            }
            return refused == 0 ? 0 : 1;
        }
    }
}
