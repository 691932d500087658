package org.reviewdesk.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Period;
import java.util.concurrent.Callable;
import org.reviewdesk.letter.sign.SelfSignedIdentity;
import org.reviewdesk.service.Workbench;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "keygen", description = "Create a self-signed signing identity: a PKCS#12 file (--out), "
        + "or the store's own identity (--store).")
final class KeygenCommand implements Callable<Integer> {
    /** This command as the parser built it: a usage error names it as "reviewdesk NAME". */
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @ParentCommand
    ReviewDeskCommand root;

    @Option(names = "--name", required = true, paramLabel = "NAME",
            description = "the reviewer's name or reviewer ID, as the signature shows it")
    String name;

    @Option(names = "--out", paramLabel = "FILE.p12", description = "write the identity to this keystore "
            + "(password from REVIEWDESK_KEY_PASSWORD or a prompt)")
    Path out;

    @Option(names = "--store", description = "keep the identity inside the encrypted store, for signing there")
    boolean store;

    @Option(names = "--years", paramLabel = "N", defaultValue = "5", description = "validity in years (default 5)")
    int years;

    @Override
    public Integer call() throws Exception {
        if ((out == null) == !store) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "give either --out FILE.p12 or --store");
        }
        if (name.isBlank()) {
            throw new CliException("--name must not be empty");
        }
        if (store) {
            try (Workbench w = root.open()) {
                System.out.println(w.letters().createIdentity(name.strip()).describe());
            }
            return 0;
        }
        if (Files.exists(out)) {
            throw new CliException(out + " already exists; choose another file name");
        }
        char[] password = root.passwords.newKey();
        byte[] p12 = SelfSignedIdentity.create(name.strip(), Period.ofYears(years), password);
        org.reviewdesk.files.PrivateFiles.writeAtomically(out, p12);
        System.out.println(out);
        return 0;
    }
}
