package org.reviewdesk.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The app image's launcher (installer/linux/launcher.sh) picks the JVM's options by what runs: a command in its own
 * process takes the serial collector and C1 alone, except adding a large PDF (over 64 MB), which is bound by the
 * store's encryption and runs with both JIT compilers. Run in a made-up image whose java prints its arguments.
 */
class LauncherOptionsTest {
    @TempDir
    Path tmp;

    private List<String> options(String... args) throws Exception {
        Path image = tmp.resolve("image");
        Path launcher = image.resolve("bin/reviewdesk");
        if (!Files.exists(launcher)) {
            Files.createDirectories(launcher.getParent());
            Files.copy(Path.of("installer/linux/launcher.sh"), launcher);
            Files.setPosixFilePermissions(launcher, PosixFilePermissions.fromString("rwx------"));
            Path java = Files.createDirectories(image.resolve("lib/runtime/bin")).resolve("java");
            Files.writeString(java, "#!/bin/sh\nfor a in \"$@\"; do echo \"$a\"; done\n");
            Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwx------"));
            Files.writeString(Files.createDirectories(image.resolve("lib/app")).resolve("reviewdesk.cfg"),
                    "[Application]\napp.classpath=$APPDIR/reviewdesk.jar\napp.mainclass=org.reviewdesk.app.Main\n\n"
                            + "[JavaOptions]\njava-options=-Xmx448m\njava-options=-XX:TieredStopAtLevel=1\n");
        }
        ProcessBuilder pb = new ProcessBuilder(launcher.toString()).redirectErrorStream(true);
        pb.command().addAll(List.of(args));
        pb.environment().put("REVIEWDESK_DATA", tmp.resolve("data").toString());
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out);
        return out.lines().toList();
    }

    @Test
    void aLargePdfIsAddedWithBothJitCompilersAndASmallOneWithC1Alone() throws Exception {
        assumeTrue(System.getProperty("os.name").toLowerCase(Locale.ROOT).contains("linux"), "Linux launcher");
        Path small = Files.writeString(tmp.resolve("note.pdf"), "%PDF-1.4\n");
        Path large = tmp.resolve("scan.pdf");
        try (RandomAccessFile f = new RandomAccessFile(large.toFile(), "rw")) {
            f.setLength(65L * 1024 * 1024); // sparse: its size is what the launcher reads
        }
        List<String> s = options("records", "add", "CM25-0042", small.toString());
        assertTrue(s.contains("-XX:TieredStopAtLevel=1") && s.contains("-XX:+UseSerialGC"), s.toString());
        List<String> l = options("records", "add", "CM25-0042", small.toString(), large.toString());
        assertFalse(l.contains("-XX:TieredStopAtLevel=1"), l.toString());
        assertTrue(l.contains("-XX:+UseSerialGC") && l.contains("-Xmx448m"), l.toString());
        assertTrue(l.containsAll(List.of("records", "add", "CM25-0042", large.toString())), l.toString());
        List<String> list = options("list");
        assertTrue(list.contains("-XX:TieredStopAtLevel=1"), list.toString());
    }
}
