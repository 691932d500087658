package org.reviewdesk.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import org.reviewdesk.service.DataFolders;
import org.reviewdesk.service.Workbench;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** {@code reviewdesk [--data DIR] [--debug] [COMMAND ...]}: no command opens the window. */
@Command(name = "reviewdesk", mixinStandardHelpOptions = true, scope = ScopeType.INHERIT, version = "ReviewDesk 0.1.0",
        description = "Independent Medical Review workstation. Without a command it opens the window.",
        subcommands = {InitCommand.class, PasswdCommand.class, ImportCommand.class, ListCommand.class,
                ShowCommand.class, ExportCommand.class, LetterCommand.class, KeygenCommand.class,
                VerifyCommand.class, RecordsCommand.class, SearchCommand.class,
                BackupCommand.class, RestoreCommand.class, AuditCommand.class,
                GuidelinesCommand.class, EmailCommand.class, FinalizeCommand.class,
                ArchiveCommand.class, TrustCommand.class,
                SuggestCommand.class, CheckCommand.class, PrecedentsCommand.class})
public final class ReviewDeskCommand implements Callable<Integer> {
    @Option(names = "--data", paramLabel = "DIR", scope = ScopeType.INHERIT,
            description = "data folder (default: $REVIEWDESK_DATA or the platform's user-data folder)")
    Path data;

    @Option(names = "--debug", scope = ScopeType.INHERIT, description = "print stack traces of errors")
    boolean debug;

    private final Consumer<Path> window;
    Passwords passwords = Passwords.system();

    public ReviewDeskCommand(Consumer<Path> window) {
        this.window = window;
    }

    @Override
    public Integer call() {
        window.accept(dataDir());
        return 0;
    }

    Path dataDir() {
        return DataFolders.resolve(data);
    }

    /** Opens the store with the password from the environment or console. */
    Workbench open() throws Exception {
        Path dir = dataDir();
        if (!Workbench.storeExists(dir)) {
            throw new CliException("there is no store in " + dir + ": create one with 'reviewdesk init'");
        }
        Workbench w = Workbench.open(dir, passwords.store());
        // an interrupted restore or password change finished or rolled back, a key upgrade, read-only media
        for (String note : w.openingNotes()) {
            System.err.println("note: " + note);
        }
        return w;
    }

    /** Runs the command line; returns the exit status (0 success, 1 failure, 2 usage). */
    public static int run(Consumer<Path> window, String... args) {
        ReviewDeskCommand root = new ReviewDeskCommand(window);
        CommandLine cl = new CommandLine(root);
        cl.setExecutionExceptionHandler((ex, line, parsed) -> {
            PrintWriter err = line.getErr();
            String message = ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage();
            // input quoted in a message (a case number, a file name) must not drive the terminal
            err.println("error: " + org.reviewdesk.files.Escape.controls(firstLine(message)));
            if (root.debug) {
                ex.printStackTrace(err);
            }
            err.flush();
            return 1;
        });
        cl.setParameterExceptionHandler((ex, argv) -> {
            PrintWriter err = ex.getCommandLine().getErr();
            err.println("error: " + org.reviewdesk.files.Escape.controls(firstLine(String.valueOf(ex.getMessage())))
                    + " (see '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help')");
            err.flush();
            return 2;
        });
        return cl.execute(args);
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
