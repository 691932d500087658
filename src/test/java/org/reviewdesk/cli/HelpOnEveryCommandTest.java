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

    /**
     * Every option and parameter of every command (and of its subcommands) says in its --help what it is: those of
     * email and archive (CASE, --to, --out) were bare names, and search's --limit read "--limit=<limit>".
     */
    @Test
    void everyOptionAndParameterIsDescribed() {
        java.util.List<String> bare = new java.util.ArrayList<>();
        java.util.Deque<picocli.CommandLine> todo = new java.util.ArrayDeque<>(
                ReviewDeskCommand.fullCommandLine(p -> { }).getSubcommands().values());
        while (!todo.isEmpty()) {
            picocli.CommandLine c = todo.pop();
            todo.addAll(c.getSubcommands().values());
            var spec = c.getCommandSpec();
            var help = c.getHelp();
            var labels = help.createDefaultParamLabelRenderer();
            for (var o : spec.options()) {
                if (o.hidden()) {
                    continue;
                }
                var rows = help.createDefaultOptionRenderer().render(o, labels, help.colorScheme());
                if (!described(rows) || (o.arity().max() > 0 && o.paramLabel().startsWith("<"))) {
                    bare.add(spec.qualifiedName() + " " + o.longestName());
                }
            }
            for (var p : spec.positionalParameters()) {
                if (!p.hidden() && !described(help.createDefaultParameterRenderer().render(p, labels,
                        help.colorScheme()))) {
                    bare.add(spec.qualifiedName() + " " + p.paramLabel());
                }
            }
        }
        assertEquals(java.util.List.of(), bare, "options and parameters without a description in --help");
    }

    /** The usage text's rows of an option or parameter have some description in their last column. */
    private static boolean described(picocli.CommandLine.Help.Ansi.Text[][] rows) {
        return java.util.Arrays.stream(rows).anyMatch(r -> !r[r.length - 1].plainString().isBlank());
    }
}
