package org.reviewdesk.cli;

import java.util.concurrent.Callable;
import org.reviewdesk.service.Workbench;
import org.reviewdesk.store.AuditLog;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "audit", description = "The audit log; 'audit verify' checks its hash chain.")
final class AuditCommand implements Callable<Integer> {
    /** This command as the parser built it: a usage error names it as "reviewdesk NAME". */
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @ParentCommand
    ReviewDeskCommand root;

    @Parameters(arity = "0..1", paramLabel = "verify", description = "check the log's hash chain instead of printing it")
    String action;

    @Override
    public Integer call() throws Exception {
        if (action != null && !action.equals("verify")) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "unknown audit action: " + action + " (only 'verify')");
        }
        try (Workbench w = root.open()) {
            if (action == null) {
                for (AuditLog.Entry e : w.auditEntries()) {
                    System.out.println(e.at().toLocalDateTime().withNano(0) + "  " + e.action()
                            + (e.caseNumber() == null ? "" : "  " + org.reviewdesk.files.Escape.controls(e.caseNumber()))
                            + (e.detail() == null ? "" : "  " + org.reviewdesk.files.Escape.controls(e.detail())));
                }
                return 0;
            }
            AuditLog.Verification v = w.verifyAudit();
            if (!v.intact()) {
                System.err.println("error: the audit log is broken: " + v.problem());
                return 1;
            }
            System.out.println("the audit log is intact: " + v.entries() + " entries, "
                    + (v.anchorsChecked() == 0 ? "no anchor outside the store to compare with (sign a letter or "
                    + "write a backup)" : "agrees with " + v.anchorsChecked() + " anchor"
                    + (v.anchorsChecked() == 1 ? "" : "s") + " outside the store (signed letters, newest backup)"));
            return 0;
        }
    }
}
