package org.reviewdesk;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The shared sample data next to the project: the seed case and the 47 public letter cases. */
public final class TestData {
    private TestData() {
    }

    public static Path shared() {
        return Path.of(System.getProperty("reviewdesk.sharedDir", "../shared")).toAbsolutePath().normalize();
    }

    public static Path seedCase() {
        return shared().resolve("data/seed-case/case.json");
    }

    /** The 47 letter cases, sorted by name. */
    public static List<Path> letterCases() throws IOException {
        try (Stream<Path> s = Files.list(shared().resolve("data/imr-letters/cases"))) {
            return s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
    }

    /** The seed case and the 47 letter cases. */
    public static List<Path> allCases() throws IOException {
        return Stream.concat(Stream.of(seedCase()), letterCases().stream()).toList();
    }

    public static final char[] PASSWORD = "test password with spaces".toCharArray();
}
