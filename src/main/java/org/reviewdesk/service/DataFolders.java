package org.reviewdesk.service;

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
