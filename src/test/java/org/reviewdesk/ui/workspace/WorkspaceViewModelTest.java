package org.reviewdesk.ui.workspace;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import org.junit.jupiter.api.Test;
import org.reviewdesk.TestData;
import org.reviewdesk.domain.CaseFile;
import org.reviewdesk.exchange.CaseJson;

/** The workspace's view model, without JavaFX running. */
class WorkspaceViewModelTest {
    @Test
    void editsMadeWhileASaveRunsStayUnsavedForTheNextSave() throws Exception {
        CaseFile c = CaseJson.read(Files.readAllBytes(TestData.seedCase()));
        WorkspaceViewModel m = new WorkspaceViewModel();
        m.load(c);
        m.clinicalSummary.set("first edit");
        CaseFile beingSaved = m.toCaseFile();
        long revision = m.revision.get();
        m.items.get(0).rationale.set("typed while the save ran");
        m.saved(beingSaved, revision);
        assertTrue(m.dirty.get(), "the later edit must still be saved");
        m.saved(m.toCaseFile(), m.revision.get());
        assertFalse(m.dirty.get());
    }
}
