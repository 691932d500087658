package org.reviewdesk.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.ProcessBuilder.Redirect;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The store kept open after a command (docs/decisions/0022-the-store-kept-open-after-a-command.md): when a
 * command the server runs (list, show, search, records, suggest, check) opened the store in its own process,
 * started from the installed launcher, a {@code reviewdesk serve --keep} is started in the background once it
 * has closed the store. The next commands of the same user go to
 * that server (0.3 s instead of 0.8-1 s, each still with the store password) until it has been idle for
 * {@code REVIEWDESK_KEEP_MINUTES} minutes (default 10; 0 turns this off). Any other ReviewDesk process that
 * needs the store (the window, an import, a signature) asks it to hand the store over, with the password.
 */
public final class KeepOpen {
    /** Minutes a kept store waits for the next command; 0 keeps nothing. */
    public static final String MINUTES = "REVIEWDESK_KEEP_MINUTES";
    static final int DEFAULT_MINUTES = 10;
    /** At most a working day. */
    static final int MAX_MINUTES = 600;

    private static Path dir;
    private static char[] password;

    private KeepOpen() {
    }

    /** A command of this process opened the store of {@code dataDir} with {@code pw} (copied). */
    static synchronized void opened(Path dataDir, char[] pw) {
        forget();
        dir = dataDir.toAbsolutePath();
        password = pw.clone();
    }

    /** This command keeps the store itself ({@code serve}): nothing to keep after it. */
    static synchronized void notAfterThis() {
        forget();
    }

    private static void forget() {
        if (password != null) {
            Arrays.fill(password, '\0');
        }
        password = null;
        dir = null;
    }

    /**
     * Called once the command {@code args} has ended and closed the store: starts the kept server when it opened
     * the store here, is one the server runs (the next one like it then goes there; a script of imports or
     * signatures keeps none: each would take the store back from it and start another), this process was started
     * by the app's launcher ({@code jpackage.app-path}), the system is Linux (the server's peer check) and
     * {@link #MINUTES} is not 0. Quiet: whatever fails, the command's result stands.
     */
    public static void afterCommand(String... args) {
        Path d;
        char[] pw;
        synchronized (KeepOpen.class) {
            d = dir;
            pw = password;
            dir = null;
            password = null;
        }
        if (d == null) {
            return;
        }
        if (!ServedCommands.FORWARDED.contains(CommandWord.of(args).name)) {
            Arrays.fill(pw, '\0');
            return;
        }
        try {
            String app = System.getProperty("jpackage.app-path");
            int minutes = minutes(System.getenv(MINUTES));
            if (app == null || minutes == 0 || !System.getProperty("os.name", "").toLowerCase(Locale.ROOT)
                    .startsWith("linux") || !Files.isExecutable(Path.of(app))) {
                return;
            }
            start(List.of(app), d, pw, minutes, true, importing(args));
        } catch (IOException | RuntimeException e) {
            // only a head start for the next command
        } finally {
            Arrays.fill(pw, '\0');
        }
    }

    /**
     * Whether the command was an import ({@code records add}): a reviewer who adds one file often adds the next,
     * so the kept server compiles the import's code while it waits (docs/decisions/0023).
     */
    static boolean importing(String... args) {
        CommandWord word = CommandWord.of(args);
        if (!"records".equals(word.name)) {
            return false;
        }
        for (int i = word.at + 1; i < args.length; i++) {
            if (!args[i].startsWith("-")) {
                return "add".equals(args[i]);
            }
        }
        return false;
    }

    /** The minutes {@link #MINUTES} asks for: its default when unset or unreadable, at most {@link #MAX_MINUTES}. */
    static int minutes(String value) {
        if (value == null || value.isBlank()) {
            return DEFAULT_MINUTES;
        }
        try {
            int n = Integer.parseInt(value.trim());
            return n < 0 ? DEFAULT_MINUTES : Math.min(n, MAX_MINUTES);
        } catch (NumberFormatException e) {
            return DEFAULT_MINUTES;
        }
    }

    /**
     * Starts {@code command} (the launcher, or a java command line in tests) as {@code serve --keep} for the data
     * folder {@code dataDir}, its output discarded, the password on its standard input and none in its
     * environment. {@code detach}: through {@code setsid --fork}, in a session of its own (no terminal: closing the
     * terminal or Ctrl+C there does not reach it), and as a grandchild, so that this JVM's exit does not wait for
     * it (HotSpot's exit waits up to 300 ms for a thread blocked in native code, here the process reaper's
     * {@code waitpid}: measured 0.44 s against 0.15 s for a trivial main that starts a process). A shell between
     * them reads the password line first and hands it on through a pipe (printf is its built-in: no arguments),
     * so the password is written to a process that is still there; the returned process is that shell, which ends
     * once it has handed the password on. Null when the folder's socket path is too long for a Unix socket.
     */
    static Process start(List<String> command, Path dataDir, char[] pw, int minutes, boolean detach,
            boolean warmUp) throws IOException {
        Path socket = ServedCommands.socket(dataDir);
        if (socket.toString().getBytes(StandardCharsets.UTF_8).length > 100) {
            return null;
        }
        List<String> line = new ArrayList<>();
        boolean shell = detach && Files.isExecutable(Path.of("/usr/bin/setsid"))
                && Files.isExecutable(Path.of("/bin/sh"));
        if (shell) {
            for (char c : pw) {
                if (c == '\n' || c == '\r' || c == '\0') {
                    // the shell reads one line: such a password is not kept (the command's own result stands)
                    return null;
                }
            }
            line.addAll(List.of("/bin/sh", "-c",
                    "IFS= read -r pw; printf '%s' \"$pw\" | exec /usr/bin/setsid --fork \"$@\"", "reviewdesk-keep"));
        }
        line.addAll(command);
        line.addAll(List.of("--data", dataDir.toString(), "serve", "--keep", "--idle-minutes",
                Integer.toString(minutes)));
        if (warmUp) {
            line.add("--warm-up");
        }
        ProcessBuilder pb = new ProcessBuilder(line)
                .directory(dataDir.toFile())
                .redirectInput(Redirect.PIPE)
                .redirectOutput(Redirect.DISCARD)
                .redirectError(Redirect.DISCARD);
        pb.environment().keySet().removeAll(List.of(Passwords.STORE, Passwords.NEW, Passwords.KEY,
                Passwords.BUNDLE));
        Process p = pb.start();
        char[] sent = Arrays.copyOf(pw, pw.length + (shell ? 1 : 0));
        if (shell) {
            sent[pw.length] = '\n';
        }
        ByteBuffer bytes = StandardCharsets.UTF_8.encode(CharBuffer.wrap(sent));
        Arrays.fill(sent, '\0');
        byte[] out = Arrays.copyOf(bytes.array(), bytes.limit());
        Arrays.fill(bytes.array(), (byte) 0);
        try (OutputStream in = p.getOutputStream()) {
            in.write(out);
        } finally {
            Arrays.fill(out, (byte) 0);
        }
        return p;
    }
}
