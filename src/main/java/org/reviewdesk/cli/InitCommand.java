package org.reviewdesk.cli;

import java.util.concurrent.Callable;
import org.reviewdesk.service.Workbench;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "init", description = "Create a new encrypted store (with the built-in sample case).")
final class InitCommand implements Callable<Integer> {
    @ParentCommand
    ReviewDeskCommand root;

    @Option(names = "--empty", description = "do not add the built-in sample case")
    boolean empty;

    @Override
    public Integer call() throws Exception {
        var dir = root.dataDir();
        if (Workbench.storeExists(dir)) {
            throw new CliException("a store already exists in " + dir + "; choose another --data folder");
        }
        try (Workbench w = Workbench.create(dir, root.passwords.fresh(Passwords.STORE), empty)) {
            System.out.println("created an encrypted store in " + w.dataDir());
        }
        return 0;
    }
}
