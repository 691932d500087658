package org.reviewdesk.files;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The desktop's list of recently used files ({@code recently-used.xbel}, freedesktop.org's desktop bookmarks): GTK's
 * file dialogs add every file the reviewer picks or saves to it, in plain text, and a record's file name may carry a
 * patient's name. {@link #forget} takes out exactly the files given, and nothing else of the list.
 */
public final class RecentlyUsed {
    /** One bookmark as GLib writes it: an element of its own, never nested. */
    private static final Pattern BOOKMARK = Pattern.compile("(?s)[ \\t]*<bookmark\\s+href=\"([^\"]*)\"[^>]*>.*?</bookmark>[ \\t]*\\r?\\n?");

    private RecentlyUsed() {
    }

    /** Where GLib keeps the list: {@code $XDG_DATA_HOME/recently-used.xbel}, else under {@code ~/.local/share}. */
    public static Path file() {
        String dataHome = System.getenv("XDG_DATA_HOME");
        Path base = dataHome != null && !dataHome.isBlank() && Path.of(dataHome).isAbsolute() ? Path.of(dataHome)
                : Path.of(System.getProperty("user.home"), ".local", "share");
        return base.resolve("recently-used.xbel");
    }

    /**
     * Removes the bookmarks of {@code files} from the list in {@code xbel}; the rest stays byte for byte. Returns how
     * many were removed; a missing or unreadable list is left alone (0).
     */
    public static int forget(Path xbel, Collection<Path> files) throws IOException {
        if (files.isEmpty() || !Files.isRegularFile(xbel)) {
            return 0;
        }
        Set<Path> wanted = new HashSet<>();
        for (Path p : files) {
            wanted.add(p.toAbsolutePath().normalize());
        }
        String text = Files.readString(xbel, StandardCharsets.UTF_8);
        Matcher m = BOOKMARK.matcher(text);
        StringBuilder kept = new StringBuilder(text.length());
        int removed = 0;
        while (m.find()) {
            if (wanted.contains(path(m.group(1)))) {
                m.appendReplacement(kept, "");
                removed++;
            }
        }
        if (removed == 0) {
            return 0;
        }
        m.appendTail(kept);
        PrivateFiles.writeAtomically(xbel, kept.toString().getBytes(StandardCharsets.UTF_8));
        return removed;
    }

    /** The local path of a bookmark's {@code file://} address (XML escapes undone), or null for anything else. */
    private static Path path(String href) {
        String uri = href.replace("&amp;", "&").replace("&apos;", "'").replace("&quot;", "\"").replace("&lt;", "<")
                .replace("&gt;", ">");
        try {
            URI u = URI.create(uri);
            return "file".equals(u.getScheme()) ? Path.of(u).toAbsolutePath().normalize() : null;
        } catch (IllegalArgumentException | java.nio.file.FileSystemNotFoundException e) {
            return null;
        }
    }
}
