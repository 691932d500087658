package org.reviewdesk.ui.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.reviewdesk.service.RecordService.ChronologyEntry;
import org.reviewdesk.ui.Ellipsis;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Chronology tab of a case without record files, in the record's narrow column (136 px at 1280x800): its
 * message is shown whole, wrapped (it read "No record docu…").
 */
class ChronologyPlaceholderTest {
    @AfterEach
    void stop() throws Exception {
        FxToolkit.cleanupStages();
    }

    @Test
    void theEmptyChronologysMessageIsShownWholeInTheNarrowColumn() throws Exception {
        Stage stage = FxToolkit.registerPrimaryStage();
        ChronologyView.Actions none = new ChronologyView.Actions() {
            @Override
            public void open(ChronologyEntry e) {
            }

            @Override
            public void merge(ChronologyEntry e) {
            }

            @Override
            public void splitAtShownPage(ChronologyEntry e) {
            }

            @Override
            public void correct(ChronologyEntry e) {
            }

            @Override
            public void compareDuplicates(ChronologyEntry e) {
            }
        };
        ChronologyView[] view = new ChronologyView[1];
        WaitForAsyncUtils.asyncFx(() -> {
            view[0] = new ChronologyView(none);
            stage.setScene(new Scene(new StackPane(view[0]), 136, 500));
            stage.show();
        }).get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.sleep(300, TimeUnit.MILLISECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        List<String> cut = WaitForAsyncUtils.asyncFx(() -> Ellipsis.truncated(view[0])).get(10, TimeUnit.SECONDS);
        assertEquals(List.of(), cut, "nothing cut off");
        String shown = WaitForAsyncUtils.asyncFx(() -> texts(view[0])).get(10, TimeUnit.SECONDS);
        assertTrue(shown.contains("No record documents yet."), "the whole message is drawn: " + shown);
    }

    /** Every drawn text under {@code n}, joined. */
    private static String texts(Node n) {
        if (!n.isVisible()) {
            return "";
        }
        StringBuilder b = new StringBuilder();
        if (n instanceof Text t) {
            b.append(t.getText()).append(' ');
        }
        if (n instanceof Parent p) {
            for (Node c : p.getChildrenUnmodifiable()) {
                b.append(texts(c));
            }
        }
        return b.toString();
    }
}
