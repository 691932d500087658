package org.reviewdesk.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.reviewdesk.service.DeliveryService;
import org.reviewdesk.service.Workbench;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "email", description = "An e-mail draft (.eml) with the signed letter attached; --send sends it over "
        + "SMTP (server in the settings).")
final class EmailCommand implements Callable<Integer> {
    @ParentCommand
    ReviewDeskCommand root;

    @Parameters(paramLabel = "CASE", description = "case number of a signed case")
    String caseNumber;

    @Option(names = "--to", required = true, paramLabel = "ADDRESS", description = "the recipient's e-mail address")
    String to;

    @Option(names = "--out", required = true, paramLabel = "FILE.eml",
            description = "where to write the draft (open it with your mail program)")
    Path out;

    @Option(names = "--send", description = "send it now over SMTP")
    boolean send;

    @Override
    public Integer call() throws Exception {
        try (Workbench w = root.open()) {
            w.cases().get(caseNumber);
            DeliveryService.Delivery d = w.delivery().deliver(caseNumber, to, out, send);
            System.out.println(d.draft());
            if (send && !d.sent()) {
                System.err.println("error: " + d.problem());
                return 1;
            }
            if (d.sent()) {
                System.out.println("sent to " + to);
            }
        }
        return 0;
    }
}
