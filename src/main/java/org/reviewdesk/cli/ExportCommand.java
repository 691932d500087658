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
        }
        return 0;
    }
}
