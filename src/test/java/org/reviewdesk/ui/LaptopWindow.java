package org.reviewdesk.ui;

import java.util.concurrent.TimeUnit;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.Region;
import javafx.stage.Stage;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** The window tests' laptop: the registered stage at 1280x800, the record's list column at its narrowest. */
public final class LaptopWindow {
    private LaptopWindow() {
    }

    /** The test's window at 1280x800 (not maximized), laid out. */
    public static void resize() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            Stage st = FxToolkit.toolkitContext().getRegisteredStage();
            st.setMaximized(false);
            st.setWidth(1280);
            st.setHeight(800);
        }).get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /**
     * The record's list column ({@code list} stands in it) as narrow as its divider goes, as the 1280 px layout
     * gives it; set again until the window's resize is laid out (a divider set before that is laid out anew).
     */
    public static void narrowRecordColumn(Region list) throws Exception {
        for (int i = 0; i < 20 && list.getWidth() > 150; i++) {
            WaitForAsyncUtils.asyncFx(() -> ((SplitPane) list.getScene().lookup("#recordSplit"))
                    .setDividerPositions(0)).get(10, TimeUnit.SECONDS);
            WaitForAsyncUtils.sleep(250, TimeUnit.MILLISECONDS);
        }
        WaitForAsyncUtils.sleep(1, TimeUnit.SECONDS);
    }
}
