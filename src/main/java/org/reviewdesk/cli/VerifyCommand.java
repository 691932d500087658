package org.reviewdesk.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.reviewdesk.letter.sign.SignatureVerifier;
import org.reviewdesk.letter.sign.VerificationReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "verify", description = "Report on the signatures of a PDF; exit 0 only when every signature "
        + "is valid and covers the whole document.")
final class VerifyCommand implements Callable<Integer> {
    @Parameters(paramLabel = "FILE.pdf")
    Path file;

    @Override
    public Integer call() throws Exception {
        if (!Files.isRegularFile(file)) {
            throw new CliException("no such file: " + file);
        }
        VerificationReport report = SignatureVerifier.verify(Files.readAllBytes(file));
        System.out.print(report.toText());
        if (!report.allValid()) {
            System.err.println("error: " + (report.signatures().isEmpty() ? "the file carries no signature"
                    : "a signature is not valid or does not cover the whole document"));
            return 1;
        }
        return 0;
    }
}
