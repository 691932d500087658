package org.reviewdesk.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A ReviewDesk JVM that crashes leaves no crash report and no core file: HotSpot's hs_err_pid*.log (written to
 * the current folder, else /tmp, readable by all) prints the command line (record file names) and the objects
 * the registers point at, record text included (seen: a page of a record being imported, in full), and a core
 * dump is the whole heap. The app image's launcher (installer/linux/launcher.sh) is run, in a made-up image,
 * with the java-options installer/build.sh gives it, over a program that crashes the way a native library
 * would (SIGSEGV), started with core files allowed as on a machine where the user raised the limit.
 */
class CrashReportTest {
    static final String CANARY = "Quillon Varnebrook ZebraquillFoxtrot";

    @Test
    void aCrashedJvmWritesNoReportAndNoCore(@TempDir Path tmp) throws Exception {
        assumeTrue(System.getProperty("os.name").toLowerCase(Locale.ROOT).contains("linux"), "Linux launcher");
        Path image = tmp.resolve("image");
        Path bin = Files.createDirectories(image.resolve("bin"));
        Path launcher = bin.resolve("reviewdesk");
        Files.copy(Path.of("installer/linux/launcher.sh"), launcher);
        Files.setPosixFilePermissions(launcher, PosixFilePermissions.fromString("rwx------"));
        Path runtimeBin = Files.createDirectories(image.resolve("lib/runtime/bin"));
        Files.createSymbolicLink(runtimeBin.resolve("java"), Path.of(System.getProperty("java.home"), "bin", "java"));
        StringBuilder cfg = new StringBuilder("[Application]\n")
                .append("app.classpath=").append(Path.of(Crasher.class.getProtectionDomain().getCodeSource()
                        .getLocation().toURI()).toAbsolutePath()).append('\n')
                .append("app.mainclass=").append(Crasher.class.getName()).append("\n\n[JavaOptions]\n");
        for (String o : crashOptionsOfTheBuild()) {
            cfg.append("java-options=").append(o).append('\n');
        }
        Path app = Files.createDirectories(image.resolve("lib/app"));
        Files.writeString(app.resolve("reviewdesk.cfg"), cfg.toString());
        Path work = Files.createDirectories(tmp.resolve("work"));
        Path home = Files.createDirectories(tmp.resolve("home"));

        // a record's file name on the command line, as 'reviewdesk records add' gets it
        ProcessBuilder pb = new ProcessBuilder("bash", "-c", "ulimit -S -c unlimited && exec \"$0\" \"$@\"",
                launcher.toString(), "records", "add", "CM25-0042", "/records/" + CANARY + ".pdf")
                .directory(work.toFile()).redirectErrorStream(true);
        pb.environment().put("HOME", home.toString());
        pb.environment().put("REVIEWDESK_DATA", tmp.resolve("data").toString());
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        Matcher pid = Pattern.compile("crasher pid (\\d+)").matcher(out);
        assertTrue(pid.find(), out);
        assertTrue(out.contains("A fatal error has been detected"), "the JVM did not crash:\n" + out);
        assertTrue(p.exitValue() != 0, out);

        Matcher core = Pattern.compile("Max core file size\\s+(\\S+)").matcher(out);
        assertTrue(core.find(), out);
        assertEquals("0", core.group(1), "the launcher lets the JVM write a core file:\n" + out);
        try (Stream<Path> left = Files.list(work)) {
            List<Path> files = left.toList();
            assertTrue(files.isEmpty(), "the crash left " + files + " in the current folder");
        }
        Path inTmp = Path.of("/tmp", "hs_err_pid" + pid.group(1) + ".log");
        assertFalse(Files.exists(inTmp), "the crash left " + inTmp);
        assertFalse(out.contains("ZebraquillFoxtrot"), "the crash notice quotes the command line:\n" + out);
    }

    /** The java-options installer/build.sh gives the image for a crash ({@code crash_options}), for Linux. */
    static List<String> crashOptionsOfTheBuild() throws Exception {
        String build = Files.readString(Path.of("installer/build.sh"));
        Matcher sink = Pattern.compile("(?m)^crash_sink=(\\S+)$").matcher(build);
        Matcher line = Pattern.compile("(?m)^crash_options=\\((.*)\\)$").matcher(build);
        assertTrue(sink.find() && line.find(), "installer/build.sh sets no crash_options");
        List<String> options = new ArrayList<>();
        Matcher o = Pattern.compile("--java-options \"([^\"]*)\"").matcher(line.group(1));
        while (o.find()) {
            options.add(o.group(1).replace("$crash_sink", sink.group(1)));
        }
        assertFalse(options.isEmpty());
        return options;
    }

    /** Crashes its JVM with SIGSEGV (as a fault in a native library would) while it holds record text. */
    public static final class Crasher {
        public static void main(String[] args) throws Exception {
            String pid = String.valueOf(ProcessHandle.current().pid());
            System.out.println("crasher pid " + pid);
            for (String l : Files.readAllLines(Path.of("/proc/self/limits"))) {
                if (l.startsWith("Max core file size")) {
                    System.out.println(l);
                }
            }
            String text = String.join(" ", args);
            Thread.currentThread().setName(text);
            System.out.flush();
            Process kill = new ProcessBuilder("kill", "-SEGV", pid).inheritIO().start();
            kill.waitFor();
            Thread.sleep(30_000);
            assertNotNull(new File(text)); // keeps the text reachable until the crash
        }
    }
}
