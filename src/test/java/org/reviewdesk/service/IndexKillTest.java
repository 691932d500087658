package org.reviewdesk.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reviewdesk.TestData;

/**
 * The search index survives a kill -9 during an import: a real process adding PDFs is killed at a random
 * moment, twice; on the next open the index opens as it was committed (no rebuild: at most the document in
 * flight is indexed again from the store) and, once the background repair is done, holds exactly the pages
 * the store holds, every stored document findable by its own word.
 */
class IndexKillTest {
    @TempDir
    Path tmp;

    @Test
    void theIndexSurvivesAKillDuringAnImport() throws Exception {
        Path data = tmp.resolve("data");
        Random random = new Random();
        for (int round = 0; round < 2; round++) {
            Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx256m", "-cp", System.getProperty("java.class.path"), IndexCrashWorker.class.getName(),
                    data.toString(), tmp.resolve("scratch").toString())
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            int stored = 0;
            try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(),
                    StandardCharsets.UTF_8))) {
                String line;
                while (stored < 2 && (line = out.readLine()) != null) {
                    if (line.startsWith("stored ")) {
                        stored++;
                    }
                }
                // somewhere in the next document: reading its pages, indexing them, or committing
                Thread.sleep(random.nextInt(900));
                p.destroyForcibly(); // SIGKILL
                assertTrue(p.waitFor(30, TimeUnit.SECONDS));
            }
            assertEquals(2, stored, "the worker stored documents before the kill");
            try (Workbench w = Workbench.open(data, TestData.PASSWORD)) {
                int reindexed = w.search().awaitRepair();
                assertTrue(reindexed <= 1, "the index was opened, not rebuilt: " + reindexed + " documents again");
                Map<List<String>, Integer> want = new HashMap<>();
                List<String> markers = new ArrayList<>();
                for (var d : w.records().documents("EXAMPLE-0001")) {
                    if (d.pageCount() != null && d.pageCount() > 0) {
                        want.put(List.of("EXAMPLE-0001", d.document().id()), d.pageCount());
                    }
                    if (d.document().id().startsWith("note-")) {
                        markers.add(d.document().id());
                    }
                }
                assertEquals(want, w.search().index().pagesPerDocument(), "the index holds what the store holds");
                assertTrue(markers.size() >= 2 * (round + 1), markers.toString());
                for (String id : markers) {
                    String n = id.replaceAll("\\D", "");
                    var hits = w.search().search("marker" + n, "EXAMPLE-0001", 100);
                    assertEquals(40, hits.size(), id);
                    assertTrue(hits.stream().allMatch(h -> h.documentId().equals(id)), id);
                }
            }
        }
    }
}
