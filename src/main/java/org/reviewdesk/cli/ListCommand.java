package org.reviewdesk.cli;

import java.util.concurrent.Callable;
import org.reviewdesk.domain.CaseSummary;
import org.reviewdesk.service.Workbench;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

@Command(name = "list", description = "One line per case: number, status, priority, due date, items decided/total.")
final class ListCommand implements Callable<Integer> {
    @ParentCommand
    ReviewDeskCommand root;

    @Override
    public Integer call() throws Exception {
        try (Workbench w = root.open()) {
            for (CaseSummary s : w.cases().list()) {
                System.out.printf("%-16s %-14s %-10s %-10s %s%n", s.caseNumber(), s.status().label(),
                        s.priority().label(), s.dueDate() == null ? "-" : s.dueDate(), s.progress());
            }
        }
        return 0;
    }
}
