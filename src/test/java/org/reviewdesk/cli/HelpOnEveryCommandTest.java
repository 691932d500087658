package org.reviewdesk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Every command answers --help with its usage and exit 0: the parameter errors tell the reviewer to
 * "see 'reviewdesk CMD --help'", which must then work.
 */
class HelpOnEveryCommandTest {
    @Test
    void everySubcommandPrintsItsUsage() {
        var names = ReviewDeskCommand.fullCommandLine(p -> { }).getSubcommands().keySet();
        assertTrue(names.size() >= 20, names.toString());
        PrintStream saved = System.out;
        try {
            for (String name : names) {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
                int status = ReviewDeskCommand.run(p -> { }, name, "--help");
                String text = out.toString(StandardCharsets.UTF_8);
                assertEquals(0, status, name + ": " + text);
                assertTrue(text.startsWith("Usage: reviewdesk " + name), name + ": " + text);
            }
        } finally {
            System.setOut(saved);
        }
    }
}
