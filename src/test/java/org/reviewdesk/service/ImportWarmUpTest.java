package org.reviewdesk.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.reviewdesk.record.ProgressListener;
import org.reviewdesk.record.RecordReader;

/** The kept server's warm-up (ADR 0023): reads its whole made-up record, waits while a command runs, stops. */
class ImportWarmUpTest {
    @Test
    void theMadeUpRecordIsARealTextPdfThatTheImportReads() throws Exception {
        byte[] pdf = org.reviewdesk.record.MadeUpRecord.pdf(5, new Random(1));
        AtomicInteger pages = new AtomicInteger();
        RecordReader.readPages("warm-up.pdf", pdf, page -> {
            assertTrue(page.text().contains("PROGRESS NOTE"), page.text());
            pages.incrementAndGet();
        }, ProgressListener.NONE, () -> false);
        assertEquals(5, pages.get());
    }

    @Test
    void allPagesAreReadWhenNothingElseRuns() {
        assertEquals(ImportWarmUp.PAGES * ImportWarmUp.ROUNDS, ImportWarmUp.run(() -> false, () -> false));
    }

    @Test
    void aStopEndsItAndABusyServerHoldsItUntilStopped() throws Exception {
        assertEquals(0, ImportWarmUp.run(() -> false, () -> true));
        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger read = new AtomicInteger(-1);
        Thread t = new Thread(() -> read.set(ImportWarmUp.run(() -> true, stop::get)));
        t.start();
        t.join(3_000);
        assertTrue(t.isAlive(), "waits while the server is busy");
        stop.set(true);
        t.join(60_000);
        assertEquals(0, read.get(), "no round finished while busy");
    }
}
