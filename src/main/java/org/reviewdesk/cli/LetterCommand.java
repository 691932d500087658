package org.reviewdesk.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import org.reviewdesk.domain.CaseFile;
import org.reviewdesk.domain.LetterReadiness;
import org.reviewdesk.exchange.CaseJson;
import org.reviewdesk.letter.RenderedLetter;
import org.reviewdesk.letter.sign.SigningIdentity;
import org.reviewdesk.service.LetterService;
import org.reviewdesk.service.Workbench;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "letter", description = "Render the determination letter of a stored case or of a case file.")
final class LetterCommand implements Callable<Integer> {
    /** This command as the parser built it: a usage error names it as "reviewdesk NAME". */
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @ParentCommand
    ReviewDeskCommand root;

    @ArgGroup(multiplicity = "1")
    Source source;

    static final class Source {
        @Parameters(paramLabel = "CASE", description = "case number of a stored case")
        String caseNumber;

        @Option(names = "--case", paramLabel = "FILE.json", description = "a case file, without a store")
        Path caseFile;
    }

    @Option(names = "--out", paramLabel = "FILE.pdf", required = true, description = "where to write the PDF")
    Path out;

    @Option(names = "--sign", description = "sign the letter (the store's identity, or --keystore)")
    boolean sign;

    @Option(names = "--keystore", paramLabel = "FILE.p12", description = "sign with this PKCS#12 keystore "
            + "(password from REVIEWDESK_KEY_PASSWORD or a prompt)")
    Path keystore;

    @Override
    public Integer call() throws Exception {
        if (keystore != null && !sign) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "--keystore is only used with --sign");
        }
        // before anything is signed: a letter saved over the store's files would make the store unreadable
        org.reviewdesk.service.DataFolders.requireOutside(root.dataDir(), out, "letter");
        SigningIdentity given = null;
        if (sign && keystore != null) {
            given = SigningIdentity.fromPkcs12(PlainFiles.read(keystore, "the keystore",
                    PlainFiles.MAX_KEYSTORE_BYTES), root.passwords.key());
        }
        byte[] pdf;
        if (source.caseFile != null) {
            pdf = fromCaseFile(given);
        } else {
            try (Workbench w = root.open()) {
                LetterService letters = w.letters();
                pdf = sign ? letters.sign(source.caseNumber, given).pdf() : letters.unsigned(source.caseNumber);
                HeaderNote.print(letters.headerGaps(source.caseNumber));
            }
        }
        Path dir = out.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        org.reviewdesk.files.PrivateFiles.writeAtomically(out, pdf);
        System.out.println(out);
        return 0;
    }

    private byte[] fromCaseFile(SigningIdentity given) throws Exception {
        CaseFile c;
        try {
            c = CaseJson.read(PlainFiles.read(source.caseFile, "the case file",
                    org.reviewdesk.exchange.PacketLimits.DEFAULT.maxCaseFileBytes()));
        } catch (org.reviewdesk.exchange.CaseFormatException e) {
            throw new CliException(source.caseFile + " is not a valid case file: " + e.getMessage());
        }
        RenderedLetter r = LetterService.render(c);
        if (!sign) {
            return r.pdf();
        }
        if (given == null) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "signing a case file needs --keystore FILE.p12");
        }
        var missing = LetterReadiness.missing(c);
        if (!missing.isEmpty()) {
            throw new CliException("the letter cannot be signed yet: " + String.join(" ", missing));
        }
        return LetterService.signOutsideStore(r, given, Clock.systemDefaultZone());
    }
}
