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

@Command(name = "import", description = "Import case files (.json), packets (folder or .zip) and archive bundles; "
        + "prints each case number.")
final class ImportCommand implements Callable<Integer> {
    @ParentCommand
    ReviewDeskCommand root;

    @Option(names = "--replace", description = "replace a case that is already in the store")
    boolean replace;

    @Option(names = "--trust", paramLabel = "FILE.pem|.cer", description = "for archive bundles: also trust this "
            + "signer's certificate (or CA) for this import; may be repeated")
    List<Path> trust = new java.util.ArrayList<>();

    @Parameters(paramLabel = "PATH", arity = "1..*", description = "case files, packet folders, .zip packets or archive bundles")
    List<Path> paths;

    @Override
    public Integer call() throws Exception {
        int failed = 0;
        List<java.security.cert.X509Certificate> extra = new java.util.ArrayList<>();
        for (Path t : trust) {
            extra.add(org.reviewdesk.letter.sign.Certificates.read(PlainFiles.read(t, "the certificate",
                    PlainFiles.MAX_CERTIFICATE_BYTES)));
        }
        try (Workbench w = root.open()) {
            for (Path p : paths) {
                try {
                    if (org.reviewdesk.exchange.ArchiveBundle.isBundle(p)) {
                        char[] pw = org.reviewdesk.exchange.ArchiveBundle.isEncrypted(p)
                                ? root.passwords.bundle(false) : null;
                        System.out.println(w.archives().importBundle(p, pw, replace, extra).caseNumber());
                        continue;
                    }
                    System.out.println(w.cases().importPath(p, replace).caseNumber());
                } catch (DuplicateCaseException e) {
                    failed++;
                    System.err.println("error: " + org.reviewdesk.files.Escape.controls(p.toString()) + ": case "
                            + org.reviewdesk.files.Escape.controls(e.caseNumber())
                            + " is already in the store; not imported (use --replace to replace it)");
                } catch (Exception e) {
                    failed++;
                    String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
                    int nl = m.indexOf('\n');
                    System.err.println("error: " + org.reviewdesk.files.Escape.controls(p.toString()) + ": "
                            + org.reviewdesk.files.Escape.controls(nl < 0 ? m : m.substring(0, nl)));
                }
            }
        }
        return failed == 0 ? 0 : 1;
    }
}
