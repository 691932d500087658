package org.reviewdesk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reviewdesk.TestData;
import org.reviewdesk.service.Workbench;

/**
 * {@code reviewdesk serve} and the commands that go through it: real processes over a real store, the same
 * output as without the server, the password still checked, paths relative to the client's folder.
 */
class ServeCommandTest {
    @TempDir
    Path tmp;

    private static final String PASSWORD = "serve test password";

    record Run(int status, String out, String err) {
    }

    private ProcessBuilder process(Path cwd, String password, String... args) {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "org.reviewdesk.app.Main"));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(cwd.toFile());
        pb.environment().remove("REVIEWDESK_DATA");
        pb.environment().remove("REVIEWDESK_PASSWORD");
        if (!password.isEmpty()) {
            pb.environment().put("REVIEWDESK_PASSWORD", password);
        }
        pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        return pb;
    }

    private Run run(Path cwd, String password, String... args) throws Exception {
        ProcessBuilder pb = process(cwd, password, args);
        Path out = Files.createTempFile(tmp, "out", ".txt");
        Path err = Files.createTempFile(tmp, "err", ".txt");
        pb.redirectOutput(out.toFile());
        pb.redirectError(err.toFile());
        Process p = pb.start();
        assertTrue(p.waitFor(90, TimeUnit.SECONDS), "the command did not finish");
        return new Run(p.exitValue(), Files.readString(out), Files.readString(err));
    }

    /** Starts a server and waits for its first line. */
    private Process serve(Path data) throws Exception {
        ProcessBuilder pb = process(tmp, PASSWORD, "--data", data.toString(), "serve");
        pb.redirectErrorStream(true);
        Process p = pb.start();
        BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        String first = r.readLine();
        assertTrue(first != null && first.startsWith("Serving the store in "), String.valueOf(first));
        return p;
    }

    @Test
    void commandsGoThroughTheServerWithTheSameOutputAndTheirPasswordChecked() throws Exception {
        Path data = tmp.resolve("data");
        String d = data.toString();
        assertEquals(0, run(tmp, PASSWORD, "--data", d, "init").status());
        Run listAlone = run(tmp, PASSWORD, "--data", d, "list");
        Run searchAlone = run(tmp, PASSWORD, "--data", d, "search", "physical therapy");
        assertEquals(0, searchAlone.status(), searchAlone.err());

        Process server = serve(data);
        try {
            Path socket = data.resolve(ServedCommands.SOCKET);
            assertTrue(Files.exists(socket));
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(socket)));

            assertEquals(listAlone, run(tmp, PASSWORD, "--data", d, "list"));
            assertEquals(searchAlone, run(tmp, PASSWORD, "--data", d, "search", "physical therapy"));

            // the server holds the store: a command it does not run says who has it and how to stop it
            Run export = run(tmp, PASSWORD, "--data", d, "export", "EXAMPLE-0001", "--out", "x.zip");
            assertEquals(1, export.status());
            assertTrue(export.err().contains("reviewdesk serve --stop"), export.err());

            // errors of the command line and of the command come back to the client, not to the server's terminal
            Run missing = run(tmp, PASSWORD, "--data", d, "show", "NOPE-0001");
            assertEquals(1, missing.status());
            assertEquals("", missing.out());
            assertTrue(missing.err().startsWith("error: There is no case NOPE-0001"), missing.err());
            Run usage = run(tmp, PASSWORD, "--data", d, "list", "--bogus");
            assertEquals(2, usage.status());
            assertTrue(usage.err().startsWith("error: Unknown option: '--bogus'"), usage.err());

            // a case file is checked without the store, so without a password, also while a server runs
            Run checkFile = run(tmp, "", "check", "--case", TestData.seedCase().toString());
            assertTrue(checkFile.status() == 0 || checkFile.status() == 1, checkFile.err());
            assertFalse(checkFile.err().contains("password"), checkFile.err());

            // every command still needs the store's password
            Run wrong = run(tmp, "not the password", "--data", d, "list");
            assertEquals(1, wrong.status());
            assertEquals("", wrong.out());
            assertTrue(wrong.err().startsWith("error: The password is not correct"), wrong.err());

            // a file named relative to the client's folder, not the server's; errors come back on stderr
            Path client = Files.createDirectories(tmp.resolve("elsewhere"));
            org.reviewdesk.TestPdfs.progressNote(client, "pr2.pdf", 3);
            Run add = run(client, PASSWORD, "--data", "../data", "records", "add", "EXAMPLE-0001", "pr2.pdf",
                    "missing.pdf");
            assertEquals(1, add.status(), "one file was refused");
            assertEquals("pr2.pdf: added as pr2 (3 pages)\n", add.out());
            assertTrue(add.err().startsWith("error: ") && add.err().contains("missing.pdf"), add.err());
            Run found = run(tmp, PASSWORD, "--data", d, "search", "--case", "EXAMPLE-0001", "\"full range of motion\"");
            assertEquals(0, found.status(), found.err());
            assertTrue(found.out().contains("pr2"), found.out());

            Run stop = run(tmp, PASSWORD, "--data", d, "serve", "--stop");
            assertEquals(0, stop.status(), stop.err());
            assertTrue(server.waitFor(30, TimeUnit.SECONDS), "the server stopped");
            assertEquals(0, server.exitValue());
            assertFalse(Files.exists(socket), "the socket is removed");
        } finally {
            server.destroyForcibly();
        }
        // the store was closed cleanly: it opens without the server, with the added record
        Run after = run(tmp, PASSWORD, "--data", d, "search", "--case", "EXAMPLE-0001", "\"full range of motion\"");
        assertEquals(0, after.status(), after.err());
        assertTrue(after.out().contains("pr2"), after.out());
        Run noServer = run(tmp, PASSWORD, "--data", d, "serve", "--stop");
        assertEquals(1, noServer.status());
        assertTrue(noServer.err().contains("no ReviewDesk server is running"), noServer.err());
    }

    @Test
    void aKilledServersSocketIsIgnoredAndReplaced() throws Exception {
        Path data = tmp.resolve("data");
        String d = data.toString();
        assertEquals(0, run(tmp, PASSWORD, "--data", d, "init").status());
        Process server = serve(data);
        server.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        assertTrue(Files.exists(data.resolve(ServedCommands.SOCKET)), "kill -9 leaves the socket file");

        Run list = run(tmp, PASSWORD, "--data", d, "list");
        assertEquals(0, list.status(), list.err());
        assertTrue(list.out().startsWith("EXAMPLE-0001 "), list.out());

        Process again = serve(data);
        try {
            assertEquals(list, run(tmp, PASSWORD, "--data", d, "list"));
        } finally {
            again.destroy();
            assertTrue(again.waitFor(30, TimeUnit.SECONDS));
        }
    }

    @Test
    void aClientThatGoesDuringRecordsAddCancelsItAndNothingOfTheFileStays() throws Exception {
        Path data = tmp.resolve("data");
        Workbench w = Workbench.create(data, PASSWORD.toCharArray(), false);
        int before = w.records().documents("EXAMPLE-0001").size();
        Path big = org.reviewdesk.TestPdfs.progressNote(tmp, "big.pdf", 1500);
        Path socket = ServedCommands.socket(data);
        ServeCommand.Server server = new ServeCommand.Server(w, socket, Duration.ofMinutes(5));
        Thread t = new Thread(server::run);
        t.start();
        try {
            try (SocketChannel c = SocketChannel.open(StandardProtocolFamily.UNIX)) {
                c.connect(UnixDomainSocketAddress.of(socket));
                java.io.DataOutputStream out = new java.io.DataOutputStream(java.nio.channels.Channels.newOutputStream(c));
                ServedCommands.writeRequest(out, tmp.toString(), new String[] {"--data", data.toString(), "records",
                    "add", "--no-ocr", "EXAMPLE-0001", "big.pdf"}, PASSWORD.toCharArray());
                out.flush();
                // the streamed import shows its document as soon as the first page is stored: then the client goes
                long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                while (w.records().documents("EXAMPLE-0001").size() == before && System.nanoTime() < until) {
                    Thread.sleep(5);
                }
                assertEquals(before + 1, w.records().documents("EXAMPLE-0001").size(), "the import started");
            }
            // the next client is served once the cancelled command has cleaned up
            ByteArrayOutputStream listed = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            assertEquals(0, ServedCommands.forward(tmp, PASSWORD::toCharArray, listed, err, "--data", data.toString(),
                    "list"), err.toString());
            assertEquals(before, w.records().documents("EXAMPLE-0001").size(), "nothing of big.pdf stays");
        } finally {
            server.close();
            t.join(10_000);
        }
    }

    @Test
    void aClientThatSendsGarbageOrNothingDoesNotStopTheServerAndItStopsWhenIdle() throws Exception {
        Path data = tmp.resolve("data");
        Workbench w = Workbench.create(data, PASSWORD.toCharArray(), false);
        Path socket = ServedCommands.socket(data);
        ServeCommand.Server server = new ServeCommand.Server(w, socket, Duration.ofSeconds(3));
        int[] served = new int[1];
        Thread t = new Thread(() -> served[0] = server.run());
        t.start();
        try {
            try (SocketChannel c = SocketChannel.open(StandardProtocolFamily.UNIX)) {
                c.connect(UnixDomainSocketAddress.of(socket));
                c.write(ByteBuffer.wrap("GET / HTTP/1.0\r\n\r\n".getBytes(StandardCharsets.US_ASCII)));
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            Integer status;
            // a client that connects and says nothing holds the one command thread until its request deadline:
            // the next client waits in the queue, says so, and is served after it
            try (SocketChannel silent = SocketChannel.open(StandardProtocolFamily.UNIX)) {
                silent.connect(UnixDomainSocketAddress.of(socket));
                Thread.sleep(200);
                status = ServedCommands.forward(tmp, PASSWORD::toCharArray, out, err, "--data", data.toString(),
                        "list");
            }
            assertEquals(0, status, err.toString());
            assertTrue(out.toString(StandardCharsets.UTF_8).startsWith("EXAMPLE-0001 "), out.toString());
            assertTrue(err.toString(StandardCharsets.UTF_8).startsWith("waiting for the ReviewDesk server of "),
                    err.toString());
            err.reset();

            // output the client cannot write any more (`| head -1`) is dropped quietly, the status still comes back
            OutputStream closed = new OutputStream() {
                @Override
                public void write(int b) throws java.io.IOException {
                    throw new java.io.IOException("Broken pipe");
                }
            };
            assertEquals(0, ServedCommands.forward(tmp, PASSWORD::toCharArray, closed, err,
                    "--data", data.toString(), "search", "therapy"));
            assertEquals("", err.toString(StandardCharsets.UTF_8));

            // not a command the server runs, or one whose file only this process can open: it runs here
            assertNull(ServedCommands.forward(tmp, PASSWORD::toCharArray, out, err, "--data", data.toString(),
                    "check", "--case", "/dev/fd/63"));
            assertNull(ServedCommands.forward(tmp, PASSWORD::toCharArray, out, err, "--data", data.toString(),
                    "records", "add", "EXAMPLE-0001", "/dev/stdin"));

            // not a command the server runs: this process runs it itself
            assertNull(ServedCommands.forward(tmp, PASSWORD::toCharArray, out, err, "--data", data.toString(),
                    "export", "EXAMPLE-0001"));
            assertNull(ServedCommands.forward(tmp, PASSWORD::toCharArray, out, err, "--data", data.toString(),
                    "list", "--help"));

            t.join(TimeUnit.SECONDS.toMillis(30));
            assertFalse(t.isAlive(), "the server stops after its idle time");
            assertEquals(2, served[0]);
            assertFalse(Files.exists(socket));
        } finally {
            server.close();
            t.join(5000);
        }
        // closed with the server
        Workbench.open(data, PASSWORD.toCharArray()).close();
    }
}
