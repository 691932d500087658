package org.reviewdesk.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.reviewdesk.service.Workbench;

/**
 * The window's command server: while a window has the store open, the commands {@code reviewdesk serve} would
 * run for other terminals (list, show, search, records, suggest, check) run on the window's open store instead of
 * being refused (docs/decisions/0021-the-window-serves-commands.md). Each command still needs the store's
 * password; one runs at a time; {@code serve --stop} is refused (the window's close stops it).
 */
public final class WindowCommandServer implements AutoCloseable {
    private final ServeCommand.Server server;
    private final Thread loop;

    private WindowCommandServer(ServeCommand.Server server) {
        this.server = server;
        this.loop = new Thread(server::run, "window-command-server");
        loop.setDaemon(true);
        loop.start();
    }

    /**
     * Serves the window's open {@code workbench} on its data folder's socket; {@code changed} runs (on the
     * server's thread) after a command that may have changed the store. Null when it cannot serve: another
     * server answers there, the folder's path is too long for a socket, or the system has no Unix sockets;
     * the window works as before then, and commands in other terminals are refused as before.
     */
    public static WindowCommandServer start(Workbench workbench, Runnable changed) {
        Path socket = ServedCommands.socket(workbench.dataDir());
        if (socket.toString().getBytes(StandardCharsets.UTF_8).length > 100) {
            return null;
        }
        try {
            return new WindowCommandServer(new ServeCommand.Server(workbench, socket, null, false, changed));
        } catch (IOException | CliException | RuntimeException e) {
            return null;
        }
    }

    /** Stops taking commands and waits (30 s at most) for the running one; the store stays open. */
    @Override
    public void close() {
        server.close();
        try {
            loop.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
