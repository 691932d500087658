package org.reviewdesk.cli;

import java.util.concurrent.Callable;
import org.reviewdesk.service.Workbench;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "show", description = "The case as a case file (JSON) on standard output.")
final class ShowCommand implements Callable<Integer> {
    @ParentCommand
    ReviewDeskCommand root;

    @Parameters(paramLabel = "CASE", description = "case number")
    String caseNumber;

    @Override
    public Integer call() throws Exception {
        try (Workbench w = root.open()) {
            System.out.write(w.cases().show(caseNumber));
            System.out.flush();
        }
        return 0;
    }
}
