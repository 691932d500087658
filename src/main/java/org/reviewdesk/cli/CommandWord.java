package org.reviewdesk.cli;

import java.nio.file.Path;

/**
 * What the launcher reads from the arguments before picocli parses them (for the early key stretching and for
 * sending a command to a running server): the command's name (the first word that is not an option), the data
 * folder ({@code --data DIR} or {@code --data=DIR}, as given) and whether help or the version was asked. Whatever
 * it misreads costs only time: picocli decides what the command is.
 */
final class CommandWord {
    final String name;
    final Path data;
    final boolean help;
    /** Where the name is in the arguments, or -1. */
    final int at;

    private CommandWord(String name, Path data, boolean help, int at) {
        this.name = name;
        this.data = data;
        this.help = help;
        this.at = at;
    }

    static CommandWord of(String... args) {
        String name = null;
        Path data = null;
        int at = -1;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--")) {
                break;
            } else if (a.equals("--data") && i + 1 < args.length) {
                data = Path.of(args[++i]);
            } else if (a.startsWith("--data=")) {
                data = Path.of(a.substring("--data=".length()));
            } else if (a.equals("-h") || a.equals("--help") || a.equals("-V") || a.equals("--version")) {
                return new CommandWord(name, data, true, at);
            } else if (name == null && !a.startsWith("-")) {
                name = a;
                at = i;
            }
        }
        return new CommandWord(name, data, false, at);
    }
}
