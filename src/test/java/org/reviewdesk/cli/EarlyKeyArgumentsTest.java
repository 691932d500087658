package org.reviewdesk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reviewdesk.TestData;
import org.reviewdesk.service.Workbench;

/** Which command lines start the key stretching before picocli parses them, and for which data folder. */
class EarlyKeyArgumentsTest {
    @TempDir
    Path tmp;

    @Test
    void aStoreCommandStartsForTheDataFolderPicocliWillUse() throws Exception {
        Path d = tmp.resolve("data");
        Workbench.create(d, TestData.PASSWORD, true).close();
        String pw = new String(TestData.PASSWORD);
        assertEquals(d, ReviewDeskCommand.startKeyDerivationFor(pw, "--data", d.toString(), "list"));
        assertEquals(d, ReviewDeskCommand.startKeyDerivationFor(pw, "search", "--data=" + d, "--case", "X", "knee"));
        assertEquals(d, ReviewDeskCommand.startKeyDerivationFor(pw, "--debug", "--data", d.toString(), "records",
                "list", "X"));
        // and the store still opens through the command line with the key it took
        Workbench.open(d, TestData.PASSWORD).close();
    }

    @Test
    void noStartWithoutAPasswordForHelpOrForCommandsThatMayNotOpenTheStore() {
        String d = tmp.resolve("data").toString();
        assertNull(ReviewDeskCommand.startKeyDerivationFor(null, "--data", d, "list"));
        assertNull(ReviewDeskCommand.startKeyDerivationFor("", "--data", d, "list"));
        assertNull(ReviewDeskCommand.startKeyDerivationFor("pw", "--data", d, "list", "--help"));
        assertNull(ReviewDeskCommand.startKeyDerivationFor("pw", "--version"));
        assertNull(ReviewDeskCommand.startKeyDerivationFor("pw", "--data", d, "init"));
        assertNull(ReviewDeskCommand.startKeyDerivationFor("pw", "--data", d, "verify", "x.pdf"));
        assertNull(ReviewDeskCommand.startKeyDerivationFor("pw", "--data", d));
    }
}
