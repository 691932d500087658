package org.reviewdesk.ui.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reviewdesk.TestData;
import org.reviewdesk.domain.CaseFile;
import org.reviewdesk.service.RecordService;
import org.reviewdesk.service.Workbench;

class SummaryStarterTest {
    @TempDir
    Path tmp;

    @Test
    void theSampleCasesSummaryStartsFromItsDatesItemsAndRecord() throws Exception {
        try (Workbench w = Workbench.create(tmp.resolve("d"), TestData.PASSWORD, false)) {
            RecordService.WorkerFacts facts = w.records().workerFacts("EXAMPLE-0001");
            assertEquals(new RecordService.WorkerFacts(39, "male", "mechanic"), facts);
            CaseFile c = w.cases().get("EXAMPLE-0001");
            assertEquals("The injured worker is a 39 year old male mechanic who sustained an industrial injury on "
                    + "January 22, 2014. On January 29, 2015, utilization review non-certified the request for 12 "
                    + "sessions of physical therapy for the cervical spine. ", SummaryStarter.start(c, facts));
            assertEquals("The injured worker sustained an industrial injury on January 22, 2014. On January 29, "
                    + "2015, utilization review non-certified the request for 12 sessions of physical therapy for "
                    + "the cervical spine. ", SummaryStarter.start(c, null));
        }
    }
}
