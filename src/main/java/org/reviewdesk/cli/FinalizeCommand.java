package org.reviewdesk.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.reviewdesk.letter.sign.SigningIdentity;
import org.reviewdesk.service.LetterService;
import org.reviewdesk.service.Workbench;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "finalize", description = "Check the case is complete, sign its letter and lock the case.")
final class FinalizeCommand implements Callable<Integer> {
    @ParentCommand
    ReviewDeskCommand root;

    @Parameters(paramLabel = "CASE", description = "case number")
    String caseNumber;

    @Option(names = "--keystore", paramLabel = "FILE.p12", description = "sign with this keystore instead of the "
            + "store's identity (password from REVIEWDESK_KEY_PASSWORD or a prompt)")
    Path keystore;

    @Override
    public Integer call() throws Exception {
        SigningIdentity given = keystore == null ? null
                : SigningIdentity.fromPkcs12(PlainFiles.read(keystore, "the keystore",
                        PlainFiles.MAX_KEYSTORE_BYTES), root.passwords.key());
        try (Workbench w = root.open()) {
            LetterService.SignedLetter s = w.letters().finalizeCase(caseNumber, given);
            System.out.println(caseNumber + " finalized: signed by " + s.signer() + ", decision date "
                    + s.decisionDate() + ", SHA-256 " + s.sha256());
            HeaderNote.print(w.letters().headerGaps(caseNumber));
        }
        return 0;
    }
}
