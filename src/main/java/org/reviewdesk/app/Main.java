package org.reviewdesk.app;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.reviewdesk.cli.ReviewDeskCommand;

/**
 * The launcher: with a command it runs the command line, without one it opens the window. It does
 * not extend {@code Application}, so JavaFX can start from the class path of a plain jar.
 */
public final class Main {
    /**
     * Set only by installer/build.sh for the training run of the start-up archive (AOT cache or AppCDS):
     * the arguments are several commands separated by ";", run one after the other in this one process,
     * so that the archive holds the classes of all of them.
     */
    static final String TRAINING = "reviewdesk.training";

    private Main() {
    }

    public static void main(String[] args) {
        if (Boolean.getBoolean(TRAINING)) {
            System.exit(training(args));
        }
        System.exit(run(args));
    }

    private static int run(String[] args) {
        // a command for the store that a running 'reviewdesk serve' holds open goes to it (docs/decisions/0016)
        Integer served = org.reviewdesk.cli.ServedCommands.forward(args);
        if (served != null) {
            return served;
        }
        // a command that opens the store: its key stretching overlaps the class loading of what follows
        ReviewDeskCommand.startKeyDerivationEarly(args);
        // a store held by a server kept after an earlier command is handed over to this process (ADR 0022)
        org.reviewdesk.service.Workbench.setHandover(org.reviewdesk.cli.ServedCommands::handOver);
        // a lambda, not ReviewDeskApp::launchWindow: the method reference would load ReviewDeskApp and with
        // it JavaFX's Application class for every command, also those that draw nothing
        int status = ReviewDeskCommand.run(dir -> ReviewDeskApp.launchWindow(dir), args);
        // the store stays open for the next commands in a background server (ADR 0022)
        org.reviewdesk.cli.KeepOpen.afterCommand(args);
        return status;
    }

    /** Runs each ";"-separated command; the first failure's status, else 0. A window is never opened. */
    static int training(String[] args) {
        int status = 0;
        List<String> one = new ArrayList<>();
        for (String a : Arrays.copyOf(args, args.length + 1)) {
            if (a == null || a.equals(";")) {
                if (one.isEmpty()) {
                    continue;
                }
                String[] command = one.toArray(String[]::new);
                ReviewDeskCommand.startKeyDerivationEarly(command);
                int s = ReviewDeskCommand.run(dir -> {
                    throw new IllegalStateException("the training run opens no window");
                }, command);
                status = status == 0 ? s : status;
                one.clear();
            } else {
                one.add(a);
            }
        }
        return status;
    }
}
