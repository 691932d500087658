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
        description = "Independent Medical Review workstation. Without a command it opens the window.")
public final class ReviewDeskCommand implements Callable<Integer> {
    /**
     * The subcommands, in the order of the usage text. Not in the {@code @Command} annotation: picocli would
     * build the model of every one of them (about 0.7 s of reflection in a fresh JVM) for each command;
     * {@link #run} adds only the one the arguments name (all of them for the usage text or anything unclear).
     */
    static final Class<?>[] SUBCOMMANDS = {InitCommand.class, PasswdCommand.class, ImportCommand.class,
        ListCommand.class, ShowCommand.class, ExportCommand.class, LetterCommand.class, KeygenCommand.class,
        VerifyCommand.class, RecordsCommand.class, SearchCommand.class,
        BackupCommand.class, RestoreCommand.class, AuditCommand.class,
        GuidelinesCommand.class, EmailCommand.class, FinalizeCommand.class,
        ArchiveCommand.class, TrustCommand.class,
        SuggestCommand.class, CheckCommand.class, PrecedentsCommand.class, ServeCommand.class};

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

    /** Set when a command server runs this command: its open store, lent for the command (see ServeCommand). */
    Workbench lent;

    /** Whether the command should stop: a served command's client has gone (Ctrl+C); never for a local one. */
    java.util.function.BooleanSupplier cancelled = () -> false;

    /** Opens the store with the password from the environment or console. */
    Workbench open() throws Exception {
        if (lent != null) {
            return lent;
        }
        Path dir = dataDir();
        if (!Workbench.storeExists(dir)) {
            throw new CliException("there is no store in " + dir + ": create one with 'reviewdesk init'");
        }
        char[] password = passwords.store();
        Workbench w = Workbench.open(dir, password);
        // a command ends in seconds: the index's long background work is left to the window and the servers
        w.search().shortLived(true);
        // the store may stay open for the next commands once this one has ended (docs/decisions/0022)
        KeepOpen.opened(dir, password);
        // an interrupted restore or password change finished or rolled back, a key upgrade, read-only media
        for (String note : w.openingNotes()) {
            System.err.println("note: " + note);
        }
        return w;
    }

    /** The commands that always open the store first: their key stretching may start before parsing. */
    private static final java.util.Set<String> OPENS_STORE = java.util.Set.of("list", "show", "search", "records",
            "export", "letter", "audit", "import", "finalize", "email", "archive", "backup", "trust", "suggest",
            "check");

    /**
     * For a command that opens the store, with the password in the environment: starts the store key's
     * stretching on a background thread before the command line is even parsed, so that it overlaps the
     * loading of the command line, JSON and database classes (issue 13, docs/decisions/0014). Picks the
     * data folder out of the arguments as picocli will ({@code --data DIR} or {@code --data=DIR}, else
     * $REVIEWDESK_DATA or the platform's folder). Whatever it misreads costs only time: the store opens
     * with the key it derives itself unless folder, password and parameters all match.
     */
    public static void startKeyDerivationEarly(String... args) {
        startKeyDerivationFor(System.getenv(Passwords.STORE), args);
    }

    /** As {@link #startKeyDerivationEarly(String...)} with this password; the data folder started for, or null. */
    static Path startKeyDerivationFor(String password, String... args) {
        CommandWord word = CommandWord.of(args);
        if (word.help) {
            return null;
        }
        String command = word.name;
        Path data = word.data;
        if (command == null || !OPENS_STORE.contains(command) || password == null || password.isEmpty()) {
            return null;
        }
        try {
            Path dir = DataFolders.resolve(data);
            Workbench.startKeyDerivation(dir, password.toCharArray());
            return dir;
        } catch (RuntimeException e) {
            // only a head start: the command derives the key itself
            return null;
        }
    }

    /** The whole command line with every subcommand (its usage text lists them all). */
    public static CommandLine fullCommandLine(Consumer<Path> window) {
        CommandLine cl = new CommandLine(new ReviewDeskCommand(window));
        for (Class<?> c : SUBCOMMANDS) {
            cl.addSubcommand(c);
        }
        return cl;
    }

    /**
     * The subcommands {@code args} need: only the one they name; none for the window (no name, no help);
     * all of them for the usage text or a name that is not a subcommand's (picocli's own message then).
     */
    static java.util.List<Class<?>> subcommandsFor(String... args) {
        String name = null;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--data")) {
                i++;
            } else if (a.equals("-h") || a.equals("--help") || a.equals("--")) {
                return name == null ? java.util.List.of(SUBCOMMANDS) : named(name);
            } else if (!a.startsWith("-")) {
                name = a;
                break;
            }
        }
        return name == null ? java.util.List.of() : named(name);
    }

    private static java.util.List<Class<?>> named(String name) {
        for (Class<?> c : SUBCOMMANDS) {
            Command command = c.getAnnotation(Command.class);
            if (command != null && (command.name().equals(name) || java.util.Arrays.asList(command.aliases())
                    .contains(name))) {
                return java.util.List.of(c);
            }
        }
        return java.util.List.of(SUBCOMMANDS);
    }

    /** Runs the command line; returns the exit status (0 success, 1 failure, 2 usage). */
    public static int run(Consumer<Path> window, String... args) {
        return commandLine(new ReviewDeskCommand(window), null, args).execute(args);
    }

    /**
     * Runs a command sent to a command server: on the server's open store {@code lent} (the command's own
     * password was checked by the server), its paths relative to the client's folder {@code cwd}, its output
     * to {@code out} and {@code err}. One at a time: standard output is the command's while it runs.
     */
    static synchronized int runServed(Workbench lent, Path cwd, java.io.PrintStream out, java.io.PrintStream err,
            java.util.function.BooleanSupplier cancelled, String... args) {
        ReviewDeskCommand root = new ReviewDeskCommand(dir -> {
            throw new IllegalStateException("a command server opens no window");
        });
        root.lent = lent;
        root.cancelled = cancelled;
        PrintWriter errors = new PrintWriter(err, true);
        CommandLine cl = commandLine(root, errors, args);
        cl.registerConverter(Path.class, s -> cwd.resolve(s));
        cl.registerConverter(java.io.File.class, s -> cwd.resolve(s).toFile());
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(errors);
        java.io.PrintStream oldOut = System.out;
        java.io.PrintStream oldErr = System.err;
        System.setOut(out);
        System.setErr(err);
        try {
            return cl.execute(args);
        } finally {
            out.flush();
            err.flush();
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    /** The command line with its subcommands and error handlers; they write to {@code errors}, else picocli's. */
    private static CommandLine commandLine(ReviewDeskCommand root, PrintWriter errors, String... args) {
        CommandLine cl = new CommandLine(root);
        // before the handlers below: picocli gives them to the subcommands present when they are set
        for (Class<?> c : subcommandsFor(args)) {
            cl.addSubcommand(c);
        }
        cl.setExecutionExceptionHandler((ex, line, parsed) -> {
            PrintWriter err = errors != null ? errors : line.getErr();
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
            PrintWriter err = errors != null ? errors : ex.getCommandLine().getErr();
            err.println("error: " + org.reviewdesk.files.Escape.controls(firstLine(String.valueOf(ex.getMessage())))
                    + " (see '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help')");
            err.flush();
            return 2;
        });
        return cl;
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
