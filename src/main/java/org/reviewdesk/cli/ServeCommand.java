package org.reviewdesk.cli;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.reviewdesk.service.Workbench;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code reviewdesk serve}: keeps the store open in this process and runs the commands other ReviewDesk
 * processes of the same user send over the data folder's Unix socket (docs/decisions/0016-command-server.md).
 * Each command still needs the store's password, checked here; one command runs at a time.
 */
@Command(name = "serve", description = {
    "Keep the store open and run list, show, search, records, suggest and check for other terminals of the same "
        + "user without starting the database each time (each still needs the store's password).",
    "Stops after --idle-minutes without a command, on Ctrl+C, or with 'reviewdesk serve --stop'."})
final class ServeCommand implements Callable<Integer> {
    @ParentCommand
    ReviewDeskCommand root;

    @Option(names = "--idle-minutes", paramLabel = "N", defaultValue = "30",
            description = "stop after N minutes without a command (default 30)")
    int idleMinutes;

    @Option(names = "--stop", description = "stop the server of the data folder")
    boolean stop;

    /**
     * Started by a command that opened the store in its own process (docs/decisions/0022): the store password
     * comes on standard input, nothing is printed, and the server hands the store over to any ReviewDesk
     * process of the same user that asks with the password.
     */
    @Option(names = "--keep", hidden = true)
    boolean keep;

    /**
     * With --keep, after a {@code records add}: runs the import's code over a made-up record in memory while no
     * command runs, so that the next import meets compiled code (docs/decisions/0023).
     */
    @Option(names = "--warm-up", hidden = true)
    boolean warmUp;

    /** With --stop: stop only a server kept after a command (see --keep); others refuse. */
    @Option(names = "--handover", hidden = true)
    boolean handover;

    /** The exit status a server sends to a hand-over request with a wrong password. */
    static final int HANDOVER_WRONG_PASSWORD = 3;

    /** How long a connected client has to send its request. */
    static final long REQUEST_SECONDS = 10;

    @Override
    public Integer call() throws Exception {
        Path dir = root.dataDir();
        if (stop) {
            // reached only when no server answered on the socket (a running one takes --stop itself)
            throw new CliException("no ReviewDesk server is running for " + dir);
        }
        if (idleMinutes < 1) {
            throw new CliException("--idle-minutes must be at least 1");
        }
        Path socket = ServedCommands.socket(dir);
        if (socket.toString().getBytes(StandardCharsets.UTF_8).length > 100) {
            throw new CliException("the data folder's path is too long for a socket (" + socket
                    + "); use a shorter --data folder");
        }
        if (keep) {
            return keep(dir, socket);
        }
        Workbench w = root.open();
        KeepOpen.notAfterThis();
        // a server stays: it repairs the index and chooses its common words while it waits for commands
        w.search().shortLived(false);
        w.search().openInBackground();
        Server server;
        try {
            server = new Server(w, socket, java.time.Duration.ofMinutes(idleMinutes));
        } catch (IOException | CliException | RuntimeException e) {
            w.close();
            throw e;
        }
        // closing the server closes the store
        try (server) {
            System.out.println("Serving the store in " + dir + " (socket " + socket + ").");
            System.out.println("In other terminals, list, show, search, records, suggest and check now run here."
                    + " Stop: Ctrl+C, 'reviewdesk serve --stop', or " + idleMinutes + (idleMinutes == 1 ? " minute" : " minutes")
                    + " without a command.");
            System.out.flush();
            int served = server.run();
            System.out.println("Stopped after " + served + (served == 1 ? " command." : " commands."));
            return 0;
        }
    }

    /**
     * The server kept after a command: the password from standard input (all of it, up to its end), the store
     * opened without asking anyone to hand it over (whoever holds it keeps it: this server is not needed then),
     * served quietly until idle. Exit status 1 when it could not start; nobody reads it.
     */
    private int keep(Path dir, Path socket) throws IOException {
        byte[] bytes = System.in.readNBytes(4 * 4096);
        java.nio.CharBuffer chars = StandardCharsets.UTF_8.decode(java.nio.ByteBuffer.wrap(bytes));
        Arrays.fill(bytes, (byte) 0);
        char[] password = Arrays.copyOf(chars.array(), chars.limit());
        Arrays.fill(chars.array(), '\0');
        Workbench w;
        Server server;
        try {
            try {
                w = Workbench.open(dir, password, false);
            } catch (org.reviewdesk.store.StoreException e) {
                return 1;
            }
            try {
                server = new Server(w, socket, java.time.Duration.ofMinutes(idleMinutes), true, true, () -> { });
            } catch (IOException | CliException | RuntimeException e) {
                w.close();
                return 1;
            }
            // the password just opened the store: the next command, or a hand-over, need not stretch it again
            server.accepted.add(server.hash(password));
            // the index's repair and common words while no command runs
            w.search().openInBackground();
        } finally {
            Arrays.fill(password, '\0');
        }
        if (warmUp) {
            Server s = server;
            Thread t = new Thread(() -> org.reviewdesk.service.ImportWarmUp.run(() -> s.busy, () -> s.stopping),
                    "serve-warm-up");
            t.setDaemon(true);
            t.setPriority(Thread.MIN_PRIORITY);
            t.start();
        }
        try (server) {
            server.run();
        }
        return 0;
    }

    /** The accept loop over one open workbench. */
    static final class Server implements AutoCloseable {
        private final Workbench workbench;
        private final Path socket;
        private final long idleNanos;
        private final ServerSocketChannel channel;
        private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "serve-timer");
            t.setDaemon(true);
            return t;
        });
        private final byte[] salt = new byte[32];
        private final List<byte[]> accepted = new ArrayList<>();
        private volatile long lastActivity = System.nanoTime();
        /** When the write to the current client started that has not finished yet, else 0. */
        private volatile long writing;
        private volatile SocketChannel current;
        /** A client that takes no output for this long is dropped (its command goes on, its output is lost). */
        static final long STALLED_SECONDS = 30;
        private volatile boolean busy;
        private volatile boolean stopping;
        /** Null for a window's server: the window owns the store, its close ends the serving. */
        private final Thread hook;
        /** Whether this server owns the store (serve) or a window lends it (see {@link WindowCommandServer}). */
        private final boolean owning;
        /** Run after a served command that may have changed the store (records add), on the server's thread. */
        private final Runnable changed;
        /** Started by a command, not by the reviewer: hands the store over to whoever asks with its password. */
        private final boolean kept;

        Server(Workbench workbench, Path socket, java.time.Duration idle) throws IOException, CliException {
            this(workbench, socket, idle, true, false, () -> { });
        }

        /** {@code idle} null: no idle stop (a window's server lives as long as the window's store). */
        Server(Workbench workbench, Path socket, java.time.Duration idle, boolean owning, Runnable changed)
                throws IOException, CliException {
            this(workbench, socket, idle, owning, false, changed);
        }

        Server(Workbench workbench, Path socket, java.time.Duration idle, boolean owning, boolean kept,
                Runnable changed) throws IOException, CliException {
            this.workbench = workbench;
            this.socket = socket;
            this.idleNanos = idle == null ? Long.MAX_VALUE : idle.toNanos();
            this.owning = owning;
            this.kept = kept;
            this.changed = changed;
            new SecureRandom().nextBytes(salt);
            if (Files.exists(socket)) {
                if (answers(socket)) {
                    throw new CliException("a ReviewDesk server is already running for " + socket.getParent());
                }
                // left by a server that was killed
                Files.delete(socket);
            }
            channel = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
            channel.bind(UnixDomainSocketAddress.of(socket));
            try {
                Files.setPosixFilePermissions(socket, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                // not a POSIX file system: the data folder's own permissions protect the socket
            }
            workbench.hold(true);
            // Ctrl+C or a kill: stop taking commands, let the running one finish (30 s at most), close the store
            // cleanly (a window closes its store itself, after stopping this server)
            hook = !owning ? null : new Thread(() -> {
                stopNow();
                awaitIdle();
                closeStore();
            }, "serve-stop");
            if (hook != null) {
                Runtime.getRuntime().addShutdownHook(hook);
            }
            timer.scheduleAtFixedRate(() -> {
                if (!busy && System.nanoTime() - lastActivity > idleNanos) {
                    stopNow();
                }
                // a client that stopped reading (`| less` left open, a suspended terminal) must not hold the others
                long w = writing;
                SocketChannel c = current;
                if (w != 0 && c != null && System.nanoTime() - w > TimeUnit.SECONDS.toNanos(STALLED_SECONDS)) {
                    try {
                        c.close();
                    } catch (IOException e) {
                        // closing only
                    }
                }
            }, 1, 1, TimeUnit.SECONDS);
        }

        private static boolean answers(Path socket) {
            try (SocketChannel c = SocketChannel.open(StandardProtocolFamily.UNIX)) {
                c.connect(UnixDomainSocketAddress.of(socket));
                return true;
            } catch (IOException e) {
                return false;
            }
        }

        /** Serves until stopped; the number of commands run. */
        int run() {
            int served = 0;
            while (!stopping) {
                SocketChannel client;
                try {
                    client = channel.accept();
                } catch (ClosedChannelException e) {
                    break;
                } catch (IOException e) {
                    continue;
                }
                busy = true;
                current = client;
                try (client) {
                    if (handle(client)) {
                        served++;
                    }
                } catch (IOException e) {
                    // the client went away: nothing to answer
                } finally {
                    current = null;
                    lastActivity = System.nanoTime();
                    busy = false;
                }
            }
            return served;
        }

        /** Runs one client's command; whether a command ran. */
        private boolean handle(SocketChannel client) throws IOException {
            if (!sameUser(client)) {
                return false;
            }
            // a client that connects and sends nothing does not hold the server
            ScheduledFuture<?> deadline = timer.schedule(() -> {
                try {
                    client.close();
                } catch (IOException e) {
                    // closing only
                }
            }, REQUEST_SECONDS, TimeUnit.SECONDS);
            DataInputStream in = new DataInputStream(new BufferedInputStream(Channels.newInputStream(client)));
            DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Channels.newOutputStream(client)));
            ServedCommands.Request request;
            try {
                request = ServedCommands.readRequest(in);
                if (request == null) {
                    return false;
                }
            } finally {
                deadline.cancel(false);
            }
            String cwd = request.cwd();
            String[] args = request.args();
            char[] password = request.password();
            if (!stillThere(client)) {
                // its process ended while it waited for another command to finish (Ctrl+C, a timeout)
                Arrays.fill(password, '\0');
                return false;
            }
            synchronized (out) {
                out.writeByte(ServedCommands.STARTED);
                out.flush();
            }
            PrintStream stdout = frames(out, ServedCommands.OUT);
            PrintStream stderr = frames(out, ServedCommands.ERR);
            int status;
            try {
                if (!passwordAccepted(password)) {
                    stderr.println("error: The password is not correct for this store; nothing was changed. Try again.");
                    status = isHandover(args) ? HANDOVER_WRONG_PASSWORD : 1;
                } else if (isHandover(args) && !(owning && kept)) {
                    // the window, or a server the reviewer started on purpose: it keeps the store
                    stderr.println("error: " + (owning ? "a ReviewDesk server started with 'reviewdesk serve'"
                            : "the ReviewDesk window") + " holds the store of " + socket.getParent());
                    status = 1;
                } else if (isStop(args) && !owning) {
                    stderr.println("error: the ReviewDesk window serves the store of " + socket.getParent()
                            + "; it stops when the window closes");
                    status = 1;
                } else if (isStop(args)) {
                    stdout.println("The ReviewDesk server of " + socket.getParent() + " stops.");
                    stopping = true;
                    status = 0;
                } else if (isServe(args)) {
                    stderr.println("error: " + (owning ? "a ReviewDesk server is already running for "
                            : "the ReviewDesk window already serves the store of ") + socket.getParent());
                    status = 1;
                } else {
                    // the client sends nothing more: end of stream while the command runs means it has gone
                    java.util.concurrent.atomic.AtomicBoolean gone = new java.util.concurrent.atomic.AtomicBoolean();
                    Thread watch = new Thread(() -> {
                        try {
                            if (client.read(java.nio.ByteBuffer.allocate(1)) < 0) {
                                gone.set(true);
                            }
                        } catch (IOException e) {
                            gone.set(true);
                        }
                    }, "serve-client-watch");
                    watch.setDaemon(true);
                    watch.start();
                    status = ReviewDeskCommand.runServed(workbench, Path.of(cwd), stdout, stderr, gone::get, args);
                    if (changes(args)) {
                        try {
                            changed.run();
                        } catch (RuntimeException e) {
                            // the window shows the change when the case is opened again
                        }
                    }
                }
            } finally {
                Arrays.fill(password, '\0');
            }
            stdout.flush();
            stderr.flush();
            out.writeByte(ServedCommands.EXIT);
            out.writeInt(status);
            out.flush();
            if (stopping) {
                stopNow();
            }
            return true;
        }

        /** Whether the client is still connected: it sends nothing after its request, so end of stream means gone. */
        private static boolean stillThere(SocketChannel client) {
            try {
                client.configureBlocking(false);
                int n = client.read(java.nio.ByteBuffer.allocate(1));
                client.configureBlocking(true);
                return n == 0;
            } catch (IOException e) {
                return false;
            }
        }

        /** Only processes of the user who runs the server (the data folder's own permissions aside). */
        private boolean sameUser(SocketChannel client) {
            try {
                var peer = client.getOption(jdk.net.ExtendedSocketOptions.SO_PEERCRED);
                return peer.user().getName().equals(Files.getOwner(socket).getName());
            } catch (IOException | UnsupportedOperationException e) {
                return false;
            }
        }

        /**
         * The store's password, checked by stretching it as the store does; a password that passed once is then
         * recognised by a salted hash kept in this process, so a command does not pay the stretching again. A wrong
         * password always pays it.
         */
        private boolean passwordAccepted(char[] password) {
            byte[] hash = hash(password);
            for (byte[] a : accepted) {
                if (MessageDigest.isEqual(a, hash)) {
                    return true;
                }
            }
            if (!workbench.checkPassword(password)) {
                return false;
            }
            accepted.add(hash);
            return true;
        }

        private byte[] hash(char[] password) {
            try {
                MessageDigest d = MessageDigest.getInstance("SHA-256");
                d.update(salt);
                byte[] bytes = StandardCharsets.UTF_8.encode(java.nio.CharBuffer.wrap(password)).array();
                d.update(bytes);
                Arrays.fill(bytes, (byte) 0);
                return d.digest();
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }

        /** Whether a forwarded command may have changed the store: only {@code records add} does. */
        static boolean changes(String[] args) {
            CommandWord word = CommandWord.of(args);
            if (!"records".equals(word.name)) {
                return false;
            }
            for (int i = word.at + 1; i < args.length && !args[i].equals("--"); i++) {
                if (!args[i].startsWith("-")) {
                    return args[i].equals("add");
                }
            }
            return false;
        }

        private static boolean isServe(String[] args) {
            return "serve".equals(CommandWord.of(args).name);
        }

        private static boolean isStop(String[] args) {
            return isServe(args) && Arrays.asList(args).contains("--stop");
        }

        private static boolean isHandover(String[] args) {
            return isStop(args) && Arrays.asList(args).contains("--handover");
        }

        private PrintStream frames(DataOutputStream out, int kind) {
            OutputStream frame = new OutputStream() {
                @Override
                public void write(int b) throws IOException {
                    write(new byte[] {(byte) b}, 0, 1);
                }

                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    if (len == 0) {
                        return;
                    }
                    synchronized (out) {
                        writing = System.nanoTime();
                        try {
                            out.writeByte(kind);
                            out.writeInt(len);
                            out.write(b, off, len);
                            out.flush();
                        } finally {
                            writing = 0;
                        }
                    }
                }
            };
            // flushed at every line and every print, as System.err is: order and progress reach the client live
            return new PrintStream(new BufferedOutputStream(frame, 8192), true, StandardCharsets.UTF_8);
        }

        private void stopNow() {
            stopping = true;
            // the file first: no new client finds it once the accept loop has ended
            try {
                Files.deleteIfExists(socket);
            } catch (IOException e) {
                // a stale socket file is recognised and replaced by the next server
            }
            try {
                channel.close();
            } catch (IOException e) {
                // closing only
            }
        }

        /** Waits until the running command (if any) has finished, 30 s at most. */
        private void awaitIdle() {
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (busy && System.nanoTime() < until) {
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }

        private final java.util.concurrent.atomic.AtomicBoolean closed = new java.util.concurrent.atomic.AtomicBoolean();

        private void closeStore() {
            if (closed.compareAndSet(false, true)) {
                workbench.hold(false);
                if (owning) {
                    workbench.close();
                }
            }
        }

        /** Stops serving and closes the store (the caller's close of the workbench then does nothing more). */
        @Override
        public void close() {
            stopNow();
            timer.shutdownNow();
            if (hook == null) {
                // a window's server: the window closes its store once the running command has finished
                awaitIdle();
                closeStore();
                return;
            }
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // already shutting down: the hook closes the store
                return;
            }
            closeStore();
        }
    }
}
