package org.reviewdesk.store;

import java.io.IOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Set;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Whether the store's schema already has every migration this build ships, so that opening the store
 * does not need Flyway (which loads some 270 classes and checks every migration's checksum: most of a
 * short command's time). Flyway runs, with its full validation, whenever a version differs or anything
 * here is unsure.
 */
final class Migrations {
    private static final Pattern VERSION = Pattern.compile("V(\\d+(?:[._]\\d+)*)__.*\\.sql");

    private Migrations() {
    }

    static boolean upToDate(Connection c) {
        try {
            Set<String> shipped = shipped();
            if (shipped.isEmpty()) {
                return false;
            }
            Set<String> applied = new HashSet<>();
            try (Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT \"version\" FROM \"flyway_schema_history\" "
                         + "WHERE \"success\" AND \"version\" IS NOT NULL")) {
                while (rs.next()) {
                    applied.add(rs.getString(1));
                }
            }
            return applied.equals(shipped);
        } catch (SQLException | IOException | URISyntaxException | RuntimeException e) {
            return false;
        }
    }

    /** The versions of the migrations on the class path ("1", "2", ...), from the jar or the folder. */
    static Set<String> shipped() throws IOException, URISyntaxException {
        Set<String> out = new HashSet<>();
        URL url = Migrations.class.getClassLoader().getResource("db/migration");
        if (url == null) {
            return out;
        }
        if ("jar".equals(url.getProtocol())) {
            JarURLConnection conn = (JarURLConnection) url.openConnection();
            conn.setUseCaches(false);
            try (JarFile jar = conn.getJarFile()) {
                jar.stream().map(e -> e.getName()).filter(n -> n.startsWith("db/migration/"))
                        .forEach(n -> add(out, n.substring("db/migration/".length())));
            }
        } else if ("file".equals(url.getProtocol())) {
            try (Stream<Path> s = Files.list(Path.of(url.toURI()))) {
                s.forEach(p -> add(out, p.getFileName().toString()));
            }
        }
        return out;
    }

    private static void add(Set<String> out, String name) {
        Matcher m = VERSION.matcher(name);
        if (m.matches()) {
            out.add(m.group(1).replace('_', '.'));
        }
    }
}
