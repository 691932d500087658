package org.reviewdesk.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reviewdesk.TestData;
import org.reviewdesk.domain.CaseStatus;
import org.reviewdesk.files.WorkProgress;
import org.reviewdesk.store.StoreException;

/**
 * The long jobs the window shows with a progress bar and a Stop button (archive, backup, a bundle's import): they
 * report how far they have come, step by step and rising, and a job stopped half-way keeps nothing: no bundle, no
 * part file, no listed backup, no imported case, the store as it was.
 */
class StoppedJobsTest {
    private static final char[] BUNDLE = "bundle password".toCharArray();

    @TempDir
    Path tmp;
    private Workbench w;

    @BeforeEach
    void finalizeTheSample() throws Exception {
        w = Workbench.create(tmp.resolve("data"), TestData.PASSWORD, false);
        w.letters().createIdentity("Reviewer 4711");
        w.letters().finalizeCase("EXAMPLE-0001", null);
    }

    @AfterEach
    void close() {
        w.close();
    }

    /** Records each update; stops the work at the update numbered {@code stopAt} (0: never). */
    private static final class Recorder implements WorkProgress {
        final List<String> steps = new ArrayList<>();
        final List<long[]> figures = new ArrayList<>();
        private final int stopAt;

        Recorder(int stopAt) {
            this.stopAt = stopAt;
        }

        @Override
        public void update(String what, long done, long total) {
            steps.add(what);
            figures.add(new long[] {done, total});
            if (steps.size() == stopAt) {
                throw new CancellationException("stopped by the reviewer");
            }
        }
    }

    private static List<String> names(Path dir) throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void anArchiveReportsItsStepsRisingToTheWhole() throws Exception {
        Recorder r = new Recorder(0);
        Path out = tmp.resolve("out");
        Files.createDirectories(out);
        w.archives().archive("EXAMPLE-0001", out.resolve("b.zip"), BUNDLE, r);
        assertTrue(r.steps.contains("Writing the records"), r.steps.toString());
        assertTrue(r.steps.contains("Checking the bundle"), r.steps.toString());
        assertEquals("Finishing", r.steps.get(r.steps.size() - 1));
        for (String step : List.of("Writing the records", "Checking the bundle")) {
            long last = -1;
            long[] end = null;
            for (int i = 0; i < r.steps.size(); i++) {
                if (r.steps.get(i).equals(step)) {
                    long[] f = r.figures.get(i);
                    assertTrue(f[0] >= last && f[0] <= f[1], step + ": " + f[0] + " of " + f[1] + " after " + last);
                    last = f[0];
                    end = f;
                }
            }
            // the records are all written; the check reads every entry of the bundle (records, case, letter...)
            assertEquals(end[1], end[0], step + " ends at its whole");
        }
    }

    @Test
    void anArchiveStoppedWhileWritingOrCheckingLeavesNoFileAndTheCaseAsItWas() throws Exception {
        Recorder probe = new Recorder(0);
        Path first = tmp.resolve("probe");
        Files.createDirectories(first);
        // how many updates a whole archive makes, to stop one in the writing, one in the check, one at the end
        try (Workbench other = Workbench.create(tmp.resolve("data2"), TestData.PASSWORD, false)) {
            other.letters().createIdentity("Reviewer 4712");
            other.letters().finalizeCase("EXAMPLE-0001", null);
            other.archives().archive("EXAMPLE-0001", first.resolve("b.zip"), BUNDLE, probe);
        }
        int writing = probe.steps.indexOf("Writing the records") + 1;
        int checking = probe.steps.indexOf("Checking the bundle") + 2;
        int finishing = probe.steps.size();
        int audit = w.auditLog().size();
        for (int stopAt : new int[] {writing, checking, finishing}) {
            Path out = tmp.resolve("out-" + stopAt);
            Files.createDirectories(out);
            Recorder r = new Recorder(stopAt);
            assertThrows(CancellationException.class,
                    () -> w.archives().archive("EXAMPLE-0001", out.resolve("b.zip"), BUNDLE, r));
            assertEquals(List.of(), names(out), "stopped at update " + stopAt + " (" + r.steps.get(stopAt - 1) + ")");
            assertEquals(CaseStatus.FINALIZED, w.cases().status("EXAMPLE-0001"));
            assertEquals(audit, w.auditLog().size(), "nothing is logged for a stopped archive");
        }
        // and the case archives whole afterwards
        Path out = tmp.resolve("after");
        w.archives().archive("EXAMPLE-0001", out.resolve("b.zip"), BUNDLE, WorkProgress.NONE);
        assertEquals(CaseStatus.ARCHIVED, w.cases().status("EXAMPLE-0001"));
    }

    @Test
    void aBackupStoppedHalfWayListsNoBackupAndTheNextOneIsWhole() throws Exception {
        Path dir = tmp.resolve("backups");
        Path earlier = w.backup(dir, 5);
        Recorder probe = new Recorder(0);
        w.backup(tmp.resolve("probe"), 5, probe);
        assertTrue(probe.steps.contains("Copying the store"), probe.steps.toString());
        for (int stopAt : new int[] {1, probe.steps.size()}) {
            Thread.sleep(1100);
            Recorder r = new Recorder(stopAt);
            StoreException e = assertThrows(StoreException.class, () -> w.backup(dir, 5, r));
            assertTrue(e.getMessage().contains("stopped") && e.getMessage().contains("earlier backups are untouched"),
                    e.getMessage());
            List<String> listed = names(dir).stream().filter(n -> org.reviewdesk.store.Backups.isBackupName(n))
                    .toList();
            assertEquals(List.of(earlier.getFileName().toString()), listed);
            assertFalse(names(dir).stream().anyMatch(n -> n.endsWith(".part")), names(dir).toString());
        }
        Thread.sleep(1100);
        Path next = w.backup(dir, 5, WorkProgress.NONE);
        assertTrue(Files.exists(next));
        assertEquals(w.storeInfo().cases(), Workbench.inspectBackup(next, tmp.resolve("inspect"), TestData.PASSWORD)
                .cases());
    }

    @Test
    void aSignedButOpenCaseIsNotArchived() throws Exception {
        try (Workbench other = Workbench.create(tmp.resolve("open"), TestData.PASSWORD, false)) {
            other.letters().createIdentity("Reviewer 4713");
            other.letters().sign("EXAMPLE-0001", null);
            assertFalse(other.cases().status("EXAMPLE-0001").locked(), "signed, still editable");
            Path out = tmp.resolve("open-out");
            StoreException e = assertThrows(StoreException.class,
                    () -> other.archives().archive("EXAMPLE-0001", out.resolve("b.zip"), BUNDLE));
            assertTrue(e.getMessage().contains("is not finalized"), e.getMessage());
            assertFalse(Files.exists(out.resolve("b.zip")));
        }
    }

    @Test
    void aBackupWaitingForAnotherCanBeStopped() throws Exception {
        java.util.concurrent.CountDownLatch copying = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        Thread first = new Thread(() -> {
            try {
                w.backup(tmp.resolve("first"), 3, (what, d, t) -> {
                    copying.countDown();
                    try {
                        release.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                });
            } catch (StoreException e) {
                throw new IllegalStateException(e);
            }
        });
        first.start();
        assertTrue(copying.await(30, java.util.concurrent.TimeUnit.SECONDS));
        Recorder second = new Recorder(2);
        // one at a time: the second waits, telling so, and stops when told
        assertThrows(CancellationException.class, () -> w.backup(tmp.resolve("second"), 3, second));
        assertEquals(List.of("Waiting for the backup before it", "Waiting for the backup before it"), second.steps);
        release.countDown();
        first.join(60_000);
        assertFalse(first.isAlive());
        assertTrue(Files.exists(w.backup(tmp.resolve("second"), 3, WorkProgress.NONE)));
    }

    @Test
    void aBundleImportStoppedInItsCheckStoresNothing() throws Exception {
        Path bundle = w.archives().archive("EXAMPLE-0001", tmp.resolve("b.zip"), BUNDLE);
        try (Workbench other = Workbench.create(tmp.resolve("other"), TestData.PASSWORD, true)) {
            var trust = List.of(w.letters().storedIdentity().orElseThrow().certificate());
            for (int stopAt : new int[] {1, 3}) {
                Recorder r = new Recorder(stopAt);
                assertThrows(CancellationException.class,
                        () -> other.archives().importBundle(bundle, BUNDLE, false, trust, r));
                assertTrue(other.cases().list().isEmpty());
            }
            Recorder last = new Recorder(0);
            other.archives().importBundle(bundle, BUNDLE, false, trust, last);
            assertEquals("Storing the case", last.steps.get(last.steps.size() - 1));
            assertEquals(CaseStatus.FINALIZED, other.cases().status("EXAMPLE-0001"));
        }
    }
}
