package org.reviewdesk.service;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** Where the store lives: --data, else REVIEWDESK_DATA, else the platform's user-data folder. */
public final class DataFolders {
    public static final String ENV = "REVIEWDESK_DATA";

    private DataFolders() {
    }

    public static Path resolve(Path option) {
        if (option != null) {
            return option.toAbsolutePath();
        }
        String env = System.getenv(ENV);
        if (env != null && !env.isBlank()) {
            return Path.of(env).toAbsolutePath();
        }
        return platformDefault();
    }

    /**
     * Refuses a file the reviewer asked to write ({@code what}: "letter", "case file", ...) inside the data
     * folder {@code dataDir}: it could replace the store or its key header (a letter saved as
     * {@code reviewdesk.mv.db} or a case exported as {@code reviewdesk.key.json} made the store unreadable).
     * Links are followed, so a link to the data folder is inside it too.
     */
    public static void requireOutside(Path dataDir, Path out, String what) throws IOException {
        Path data;
        try {
            data = dataDir.toRealPath();
        } catch (IOException e) {
            return; // no data folder yet: no store to protect
        }
        Path folder = out.toAbsolutePath().getParent();
        while (folder != null && !Files.exists(folder)) {
            folder = folder.getParent();
        }
        if (folder != null && folder.toRealPath().startsWith(data)) {
            throw new IOException(out + " is inside the data folder " + dataDir + ", which holds the encrypted "
                    + "store; nothing was written: save the " + what + " in another folder");
        }
    }

    static Path platformDefault() {
        String home = System.getProperty("user.home");
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (os.contains("win")) {
            String appData = System.getenv("APPDATA");
            return Path.of(appData != null ? appData : home, "ReviewDesk");
        }
        if (os.contains("mac")) {
            return Path.of(home, "Library", "Application Support", "ReviewDesk");
        }
        String xdg = System.getenv("XDG_DATA_HOME");
        return (xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(home, ".local", "share")).resolve("reviewdesk");
    }
}
