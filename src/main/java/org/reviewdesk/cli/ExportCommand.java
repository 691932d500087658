package org.reviewdesk.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.reviewdesk.service.Workbench;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "export", description = "Write a case file (.json) or a packet with its records (.zip).")
final class ExportCommand implements Callable<Integer> {
    @ParentCommand
    ReviewDeskCommand root;

    @Parameters(paramLabel = "CASE", description = "case number")
    String caseNumber;

    @Option(names = "--out", paramLabel = "FILE", required = true, description = "FILE.json or FILE.zip")
    Path out;

    @Override
    public Integer call() throws Exception {
        try (Workbench w = root.open()) {
            w.cases().export(caseNumber, out);
            System.out.println(out);
            int documents = w.cases().get(caseNumber).documentList().size();
            if (out.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".json") && documents > 0) {
                // the case file names its records but cannot hold them: imported alone, it would be refused
                System.err.println("note: the case's " + documents + " record file" + (documents == 1 ? " is" : "s are")
                        + " not in a .json case file; export to a .zip packet to carry them (a .json that names "
                        + "documents imports only with those files beside it)");
            }
        }
        return 0;
    }
}
