package org.reviewdesk.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Statement;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reviewdesk.TestData;

/** Flyway runs only when the store's schema lacks a migration this build ships. */
class MigrationsTest {
    @TempDir
    Path tmp;

    @Test
    void anUpToDateStoreOpensWithoutFlywayAndAStaleOneIsMigrated() throws Exception {
        long files;
        try (Stream<Path> s = Files.list(Path.of("src/main/resources/db/migration"))) {
            files = s.filter(p -> p.getFileName().toString().matches("V\\d+__.*\\.sql")).count();
        }
        assertEquals(files, Migrations.shipped().size(), "every shipped migration is seen");
        Path dir = tmp.resolve("data");
        try (Store s = Store.create(dir, TestData.PASSWORD)) {
            assertTrue(Migrations.upToDate(s.connection()));
            // as if this build had one migration more than the store: the history lacks the newest
            try (Statement st = s.connection().createStatement()) {
                st.execute("UPDATE \"flyway_schema_history\" SET \"version\" = '0.5' WHERE \"installed_rank\" = "
                        + "(SELECT MAX(\"installed_rank\") FROM \"flyway_schema_history\")");
            }
            assertFalse(Migrations.upToDate(s.connection()));
        }
    }
}
