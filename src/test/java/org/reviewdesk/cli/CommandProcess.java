package org.reviewdesk.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A command in a process of its own, as a reviewer runs it: this JVM's class path, the store password in the
 * environment (no other REVIEWDESK_ variable), standard input empty, its output and errors read back from files in
 * {@code tmp}.
 */
final class CommandProcess {
    record Run(int status, String out, String err) {
    }

    private CommandProcess() {
    }

    /** Runs {@code args} with {@code jvmOptions} before the main class; fails the test after {@code seconds}. */
    static Run run(Path tmp, String password, List<String> jvmOptions, long seconds, String... args)
            throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        cmd.addAll(jvmOptions);
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), "org.reviewdesk.app.Main"));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().keySet().removeIf(k -> k.startsWith("REVIEWDESK_"));
        pb.environment().put("REVIEWDESK_PASSWORD", password);
        Path out = Files.createTempFile(tmp, "out", ".txt");
        Path err = Files.createTempFile(tmp, "err", ".txt");
        pb.redirectOutput(out.toFile()).redirectError(err.toFile());
        pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        Process p = pb.start();
        boolean finished = p.waitFor(seconds, TimeUnit.SECONDS);
        if (!finished) {
            // a hung command must not outlive the test
            p.destroyForcibly().waitFor();
        }
        assertTrue(finished, "the command did not finish: " + String.join(" ", args));
        return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }
}
