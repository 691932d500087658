package org.reviewdesk.cli;

import java.util.concurrent.Callable;
import org.reviewdesk.service.Workbench;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

@Command(name = "passwd", description = "Change the store password (re-encrypts the store).")
final class PasswdCommand implements Callable<Integer> {
    @ParentCommand
    ReviewDeskCommand root;

    @Override
    public Integer call() throws Exception {
        var dir = root.dataDir();
        if (!Workbench.storeExists(dir)) {
            throw new CliException("there is no store in " + dir + ": create one with 'reviewdesk init'");
        }
        char[] old = root.passwords.store();
        char[] fresh = root.passwords.fresh(null);
        Workbench.changePassword(dir, old, fresh);
        System.out.println("the store in " + dir + " is now encrypted under the new password");
        return 0;
    }
}
