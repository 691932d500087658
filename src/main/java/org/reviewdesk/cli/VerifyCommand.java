package org.reviewdesk.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.reviewdesk.files.Escape;
import org.reviewdesk.letter.sign.Certificates;
import org.reviewdesk.letter.sign.SignatureCheck;
import org.reviewdesk.letter.sign.SignatureVerifier;
import org.reviewdesk.letter.sign.VerificationReport;
import org.reviewdesk.service.Workbench;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "verify", description = {"Report on the signatures of a PDF: VALID (intact, covers the whole "
        + "document, signer trusted), INTACT, SIGNER NOT TRUSTED (with the certificate's SHA-256 fingerprint), "
        + "or INVALID.",
        "The trust list is the store's (when a store and its password are at hand) plus every --trust file.",
        "Exit status: 0 only when every signature is VALID; 1 for INTACT, SIGNER NOT TRUSTED, INVALID, an "
        + "unsigned or unreadable file; 2 a usage error."})
final class VerifyCommand implements Callable<Integer> {
    @ParentCommand
    ReviewDeskCommand root;

    @Parameters(paramLabel = "FILE.pdf", description = "the signed PDF to check")
    Path file;

    @Option(names = "--trust", paramLabel = "FILE.pem|.cer", description = "trust this certificate (the signer's, "
            + "or an organization's CA) for this check only; may be repeated")
    List<Path> trust = new ArrayList<>();

    @Option(names = "--no-store", description = "do not use the store's trust list (no password asked)")
    boolean noStore;

    @Override
    public Integer call() throws Exception {
        PlainFiles.requireRegular(file, "the PDF");
        List<X509Certificate> extra = new ArrayList<>();
        for (Path t : trust) {
            byte[] bytes = PlainFiles.read(t, "the certificate", PlainFiles.MAX_CERTIFICATE_BYTES);
            try {
                extra.add(Certificates.read(bytes));
            } catch (org.reviewdesk.letter.sign.SigningException e) {
                throw new CliException(t + ": " + e.getMessage());
            }
        }
        byte[] pdf = PlainFiles.read(file, "the PDF", PlainFiles.MAX_VERIFIED_PDF_BYTES);
        VerificationReport report;
        String note = null;
        Path dir = root == null ? null : root.dataDir();
        if (!noStore && dir != null && Workbench.storeExists(dir) && root.passwords.available()) {
            try (Workbench w = root.open()) {
                report = w.letters().verifyTrusted(pdf, extra);
            } catch (org.reviewdesk.letter.sign.SigningException e) {
                throw new CliException(Escape.controls(file.toString()) + ": " + e.getMessage());
            }
        } else {
            try {
                report = SignatureVerifier.verify(pdf, extra);
            } catch (org.reviewdesk.letter.sign.SigningException e) {
                throw new CliException(Escape.controls(file.toString()) + ": " + e.getMessage());
            }
            note = noStore || dir == null || !Workbench.storeExists(dir) ? null
                    : "the store's trust list was not used (no store password given)";
        }
        System.out.print(Escape.keepingLines(report.toText()));
        if (note != null) {
            System.out.println("Note: " + note);
        }
        switch (report.verdict()) {
            case VALID:
                return 0;
            case INTACT_UNTRUSTED:
                SignatureCheck c = report.signatures().stream().filter(s -> !s.valid()).findFirst().orElseThrow();
                System.err.println("error: the signature is intact but its signer is not trusted (certificate "
                        + "SHA-256 " + c.sha256Fingerprint() + "): compare the fingerprint with the signer's, then "
                        + "use --trust FILE.cer or 'reviewdesk trust add'");
                return 1;
            default:
                System.err.println("error: " + (report.signatures().isEmpty() ? "the file carries no signature"
                        : "a signature is not valid or does not cover the whole document"));
                return 1;
        }
    }
}
