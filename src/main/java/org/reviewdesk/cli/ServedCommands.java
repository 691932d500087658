package org.reviewdesk.cli;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import org.reviewdesk.service.DataFolders;

/**
 * The client half of {@code reviewdesk serve} (docs/decisions/0016-command-server.md): when a server holds the
 * store of the data folder open, a command it can run is sent to it over the folder's Unix socket instead of
 * starting the database, the index and the key stretching in this process. The command still needs the store's
 * password; the server checks it. Loads only JDK classes and {@link DataFolders}: the command line, JSON and
 * database classes stay out of a forwarded command's process.
 */
public final class ServedCommands {
    /** The socket's file name in the data folder. */
    public static final String SOCKET = "reviewdesk.sock";

    static final int MAGIC = 0x52445331; // "RDS1"
    static final int OUT = 'o';
    static final int ERR = 'e';
    static final int EXIT = 'x';
    /** Sent by the server when it takes the request up (no payload). */
    static final int STARTED = 's';
    /** How long a client waits in the server's queue before it says so. */
    static final long QUEUE_NOTICE_MILLIS = 2000;

    /**
     * The commands a server runs: they open the store, ask nothing but its password and read no other secret
     * or standard input. {@code serve --stop} is forwarded too.
     */
    static final Set<String> FORWARDED = Set.of("list", "show", "search", "records", "suggest", "check");

    private ServedCommands() {
    }

    /** The socket of the data folder {@code dir}. */
    public static Path socket(Path dir) {
        return dir.resolve(SOCKET);
    }

    /**
     * Runs {@code args} through the server of its data folder when one is running and the command is one it
     * runs; returns the command's exit status, or null to run it in this process (no server, a stale socket
     * file, or a command the server does not run).
     */
    public static Integer forward(String... args) {
        // no lambda on this path: the first one loads the lambda machinery into a forwarded command's small JVM
        PasswordSource passwords = new PasswordSource() {
            @Override
            public char[] get() throws CliException {
                return Passwords.system().store();
            }
        };
        return forward(Path.of("").toAbsolutePath(), passwords,
                new FileOutputStream(FileDescriptor.out), new FileOutputStream(FileDescriptor.err), args);
    }

    /** Where the store password comes from when it is needed. */
    interface PasswordSource {
        char[] get() throws CliException;
    }

    /** As {@link #forward(String...)}, from the folder {@code cwd}, with this password source and output. */
    static Integer forward(Path cwd, PasswordSource passwords, OutputStream stdout, OutputStream stderr,
            String... args) {
        CommandWord word = CommandWord.of(args);
        String command = word.name;
        if (command == null || word.help) {
            return null;
        }
        boolean stop = false;
        for (int i = word.at + 1; i < args.length && !args[i].equals("--"); i++) {
            String a = args[i];
            if (a.equals("--stop")) {
                stop = true;
            } else if (!command.equals("search")
                    && (a.equals("--case") || a.startsWith("--case=") || a.equals("--categories"))) {
                // check and suggest of a case file, or the category list: no store, so no password to ask
                return null;
            }
        }
        for (String a : args) {
            if (a.startsWith("/dev/") || a.startsWith("/proc/")) {
                // a pipe or descriptor of this process (bash's <(...), /dev/stdin): the server would open its own
                return null;
            }
        }
        if (!(FORWARDED.contains(command) || command.equals("serve") && stop)) {
            return null;
        }
        Path data = word.data;
        Path dir;
        try {
            dir = DataFolders.resolve(data == null ? null : cwd.resolve(data));
        } catch (RuntimeException e) {
            return null;
        }
        Path socket = socket(dir);
        if (!Files.exists(socket)) {
            return null;
        }
        // the password first: the server gives a connected client only a few seconds to send its request
        char[] password;
        try {
            password = passwords.get();
        } catch (CliException e) {
            try {
                stderr.write(("error: " + e.getMessage() + System.lineSeparator()).getBytes(
                        java.nio.charset.StandardCharsets.UTF_8));
                stderr.flush();
            } catch (IOException ignored) {
                // nowhere left to say it
            }
            return 1;
        }
        SocketChannel channel;
        try {
            channel = SocketChannel.open(StandardProtocolFamily.UNIX);
            channel.connect(UnixDomainSocketAddress.of(socket));
        } catch (IOException | RuntimeException e) {
            // a socket file left by a server that was killed: the command runs here
            Arrays.fill(password, '\0');
            return null;
        }
        try (channel) {
            // the password goes only to a server of this user: a folder others can write to could hold anyone's
            // socket
            String server;
            try {
                server = channel.getOption(jdk.net.ExtendedSocketOptions.SO_PEERCRED).user().getName();
            } catch (IOException | UnsupportedOperationException e) {
                server = null;
            }
            if (server == null || !server.equals(System.getProperty("user.name"))) {
                Arrays.fill(password, '\0');
                stderr.write(("error: " + socket + " belongs to another user (" + server + "); the store password was"
                        + " not sent. Check the data folder." + System.lineSeparator())
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8));
                stderr.flush();
                return 1;
            }
            DataOutputStream out = new DataOutputStream(new java.io.BufferedOutputStream(
                    Channels.newOutputStream(channel)));
            writeRequest(out, cwd.toString(), args, password);
            Arrays.fill(password, '\0');
            out.flush();
            // the server runs one command at a time: a client behind a long one (a big import) says why it waits
            java.util.concurrent.atomic.AtomicBoolean started = new java.util.concurrent.atomic.AtomicBoolean();
            Path folder = dir;
            Thread notice = new Thread("serve-queue-notice") {
                @Override
                public void run() {
                    try {
                        Thread.sleep(QUEUE_NOTICE_MILLIS);
                        synchronized (started) {
                            if (!started.get()) {
                                stderr.write(("waiting for the ReviewDesk server of " + folder + ": it is running"
                                        + " another command" + System.lineSeparator())
                                        .getBytes(java.nio.charset.StandardCharsets.UTF_8));
                                stderr.flush();
                            }
                        }
                    } catch (InterruptedException | IOException e) {
                        // started in time, or nowhere to say it
                    }
                }
            };
            notice.setDaemon(true);
            notice.start();
            try {
                return copyReplies(new DataInputStream(new java.io.BufferedInputStream(
                        Channels.newInputStream(channel))), stdout, stderr, started);
            } finally {
                notice.interrupt();
            }
        } catch (IOException e) {
            try {
                stderr.write(("error: the ReviewDesk server of " + dir + " stopped during the command ("
                        + e.getClass().getSimpleName() + "); what it did is unknown: check (for example with"
                        + " 'records list') before running it again" + System.lineSeparator())
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8));
                stderr.flush();
            } catch (IOException ignored) {
                // nowhere left to say it
            }
            return 1;
        }
    }

    /**
     * Asks the server of the data folder {@code dir} to hand its store over (a server kept after a command does;
     * the window and a 'reviewdesk serve' the reviewer started keep it). The answer for
     * {@link org.reviewdesk.service.Workbench#setHandover}.
     */
    public static org.reviewdesk.service.Workbench.Handover.Answer handOver(Path dir, char[] password) {
        Path socket = socket(dir);
        if (!Files.exists(socket)) {
            return org.reviewdesk.service.Workbench.Handover.Answer.NO_SERVER;
        }
        PasswordSource copy = new PasswordSource() {
            @Override
            public char[] get() {
                return password.clone();
            }
        };
        Integer status = forward(Path.of("").toAbsolutePath(), copy, OutputStream.nullOutputStream(),
                OutputStream.nullOutputStream(), "--data", dir.toAbsolutePath().toString(), "serve", "--stop",
                "--handover");
        if (status == null) {
            return org.reviewdesk.service.Workbench.Handover.Answer.NO_SERVER;
        }
        if (status == ServeCommand.HANDOVER_WRONG_PASSWORD) {
            return org.reviewdesk.service.Workbench.Handover.Answer.WRONG_PASSWORD;
        }
        return status == 0 ? org.reviewdesk.service.Workbench.Handover.Answer.HANDED_OVER
                : org.reviewdesk.service.Workbench.Handover.Answer.REFUSED;
    }

    static void writeRequest(DataOutputStream out, String cwd, String[] args, char[] password) throws IOException {
        out.writeInt(MAGIC);
        out.writeUTF(cwd);
        out.writeInt(args.length);
        for (String a : args) {
            out.writeUTF(a);
        }
        out.writeInt(password.length);
        for (char c : password) {
            out.writeChar(c);
        }
    }

    /** A command as a client sent it: the client's folder, the arguments, the store password. */
    record Request(String cwd, String[] args, char[] password) {
    }

    /** Reads what {@link #writeRequest} wrote; null for anything else (a stranger speaking another protocol). */
    static Request readRequest(DataInputStream in) throws IOException {
        if (in.readInt() != MAGIC) {
            return null;
        }
        String cwd = in.readUTF();
        int n = in.readInt();
        if (n < 0 || n > 10_000) {
            return null;
        }
        String[] args = new String[n];
        for (int i = 0; i < n; i++) {
            args[i] = in.readUTF();
        }
        int length = in.readInt();
        if (length < 0 || length > 4096) {
            return null;
        }
        char[] password = new char[length];
        for (int i = 0; i < length; i++) {
            password[i] = in.readChar();
        }
        return new Request(cwd, args, password);
    }

    /**
     * Copies the server's output frames to {@code out} and {@code err}; the exit status. A stream that cannot be
     * written to any more (`| head -1`) is left, as System.out would; the frames are still read to the end.
     */
    static int copyReplies(DataInputStream in, OutputStream out, OutputStream err,
            java.util.concurrent.atomic.AtomicBoolean started) throws IOException {
        byte[] buffer = new byte[8192];
        boolean[] broken = new boolean[2];
        while (true) {
            int kind;
            try {
                kind = in.readUnsignedByte();
            } catch (EOFException e) {
                throw new IOException("no exit status", e);
            }
            synchronized (started) {
                started.set(true);
            }
            if (kind == STARTED) {
                continue;
            }
            if (kind == EXIT) {
                return in.readInt();
            }
            int length = in.readInt();
            int which = kind == ERR ? 1 : 0;
            OutputStream target = which == 1 ? err : out;
            while (length > 0) {
                int n = in.read(buffer, 0, Math.min(buffer.length, length));
                if (n < 0) {
                    throw new EOFException();
                }
                if (!broken[which]) {
                    try {
                        target.write(buffer, 0, n);
                    } catch (IOException e) {
                        broken[which] = true;
                    }
                }
                length -= n;
            }
            if (!broken[which]) {
                try {
                    target.flush();
                } catch (IOException e) {
                    broken[which] = true;
                }
            }
        }
    }
}
