package org.reviewdesk.cli;

import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.concurrent.Callable;
import org.reviewdesk.files.Escape;
import org.reviewdesk.letter.sign.Certificates;
import org.reviewdesk.service.Workbench;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "trust", description = {"The certificates whose signatures 'verify' reports VALID.",
        "  trust list                      the trusted certificates with their SHA-256 fingerprints",
        "  trust add FILE.pem|.cer         trust a signer's certificate or an organization's CA (shows the "
                + "fingerprint: compare it with the one the owner gives you)",
        "  trust remove FINGERPRINT        stop trusting a certificate"})
final class TrustCommand implements Callable<Integer> {
    /** This command as the parser built it: a usage error names it as "reviewdesk NAME". */
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @ParentCommand
    ReviewDeskCommand root;

    @Parameters(index = "0", paramLabel = "list|add|remove", description = "list the trusted certificates, add one, or remove one")
    String action;

    @Parameters(index = "1", arity = "0..1", paramLabel = "FILE|FINGERPRINT", description = "add: a certificate file (.pem, .cer); remove: its SHA-256 fingerprint as 'trust list' shows it")
    String arg;

    @Override
    public Integer call() throws Exception {
        switch (action) {
            case "list" -> {
                try (Workbench w = root.open()) {
                    for (var t : w.letters().trustList()) {
                        System.out.println(t.sha256() + "  " + Escape.controls(t.subject()) + "  (" + t.reason()
                                + ", " + t.addedAt().toLocalDate() + ")");
                    }
                }
                return 0;
            }
            case "add" -> {
                if (arg == null) {
                    throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                            "trust add needs a certificate file (.pem, .cer or .crt)");
                }
                Path f = Path.of(arg);
                byte[] bytes = PlainFiles.read(f, "the certificate", PlainFiles.MAX_CERTIFICATE_BYTES);
                X509Certificate cert;
                try {
                    cert = Certificates.read(bytes);
                } catch (org.reviewdesk.letter.sign.SigningException e) {
                    throw new CliException(Escape.controls(arg) + ": " + e.getMessage());
                }
                try (Workbench w = root.open()) {
                    boolean added = w.letters().trust(cert, "added from " + f.getFileName());
                    System.out.println((added ? "trusted: " : "already trusted: ")
                            + Escape.controls(cert.getSubjectX500Principal().getName()));
                    System.out.println("SHA-256 fingerprint: " + Certificates.fingerprint(cert));
                    if (cert.getBasicConstraints() >= 0) {
                        System.out.println("This is a CA certificate: every certificate it issued is now trusted.");
                    }
                }
                return 0;
            }
            case "remove" -> {
                if (arg == null) {
                    throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                            "trust remove needs a SHA-256 fingerprint (see 'reviewdesk trust list')");
                }
                try (Workbench w = root.open()) {
                    if (!w.letters().untrust(arg)) {
                        throw new CliException("no trusted certificate has the fingerprint " + Escape.controls(arg));
                    }
                }
                System.out.println("no longer trusted: " + Escape.controls(arg));
                return 0;
            }
            default -> throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "unknown trust action: " + action + " (list, add or remove)");
        }
    }
}
