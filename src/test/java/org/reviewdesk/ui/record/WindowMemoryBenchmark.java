package org.reviewdesk.ui.record;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import org.reviewdesk.app.ReviewDeskApp;
import org.reviewdesk.domain.CaseSummary;
import org.reviewdesk.domain.StoredDocument;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The window's memory with a year's archive (issue 13): ReviewDesk's real window on an existing store (the
 * 200,000-page archive), unlocked through the password field, one case opened from the case list, its largest
 * document shown and paged through PAGES pages with Page Down, each page waited for on screen. Prints the peak
 * resident set (VmHWM) and the current one (VmRSS) of this process at the end, and the time from the password's
 * Enter to the case list and from the case's Enter to its first page. The script runs it under /usr/bin/time -v
 * with the launcher's heap cap. Usage: {@code WindowMemoryBenchmark DATADIR CASE [PAGES=40]}, password in
 * REVIEWDESK_PASSWORD.
 */
public final class WindowMemoryBenchmark {
    private WindowMemoryBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path data = Path.of(args[0]);
        String caseNumber = args[1];
        int pages = args.length > 2 ? Integer.parseInt(args[2]) : 40;
        String password = System.getenv("REVIEWDESK_PASSWORD");
        FxRobot robot = new FxRobot();
        FxToolkit.registerPrimaryStage();
        Application app = FxToolkit.setupApplication(() -> new ReviewDeskApp(data));
        robot.interact(() -> robot.window(0).setWidth(1280));
        robot.interact(() -> robot.window(0).setHeight(800));
        robot.clickOn("#password").write(password);
        long t0 = System.nanoTime();
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(300, TimeUnit.SECONDS, () -> robot.lookup("#caseTable").tryQuery().isPresent()
                && !robot.lookup("#caseTable").queryAs(TableView.class).getItems().isEmpty());
        long listed = System.nanoTime();
        @SuppressWarnings("unchecked")
        TableView<CaseSummary> table = robot.lookup("#caseTable").queryAs(TableView.class);
        int row = -1;
        for (int i = 0; i < table.getItems().size(); i++) {
            if (table.getItems().get(i).caseNumber().equals(caseNumber)) {
                row = i;
            }
        }
        if (row < 0) {
            throw new IllegalArgumentException("no case " + caseNumber + " in the list of " + table.getItems().size());
        }
        int r = row;
        long t1 = System.nanoTime();
        for (int i = 0; i < 3 && robot.lookup("#recordPane").tryQuery().isEmpty(); i++) {
            robot.interact(() -> {
                table.getSelectionModel().select(r);
                table.scrollTo(r);
                table.requestFocus();
            });
            robot.type(KeyCode.ENTER);
            try {
                WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> robot.lookup("#recordPane").tryQuery()
                        .isPresent());
            } catch (java.util.concurrent.TimeoutException e) {
                // pressed again
            }
        }
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> robot.lookup("#pageLabel").tryQuery().isPresent()
                && robot.lookup("#pageLabel").queryAs(Label.class).getText().startsWith("Page 1 of "));
        Label pageLabel = robot.lookup("#pageLabel").queryAs(Label.class);
        long opened = System.nanoTime();
        // the record pane's Documents tab (the window may remember another tab from an earlier run)
        RecordPane pane = robot.lookup("#recordPane").queryAs(RecordPane.class);
        robot.interact(() -> pane.lookupAll(".tab-pane").stream().map(n -> (javafx.scene.control.TabPane) n)
                .filter(t -> t.getTabs().stream().anyMatch(x -> "Documents".equals(x.getText())))
                .forEach(t -> t.getSelectionModel().select(0)));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> robot.lookup("#documentList").tryQuery().isPresent());
        @SuppressWarnings("unchecked")
        ListView<StoredDocument> docs = robot.lookup("#documentList").queryAs(ListView.class);
        StoredDocument largest = docs.getItems().stream()
                .max(java.util.Comparator.comparingInt(d -> d.pageCount() == null ? 0 : d.pageCount())).orElseThrow();
        robot.interact(() -> docs.getSelectionModel().select(largest));
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> pageLabel.getText().equals("Page 1 of "
                + largest.pageCount()));
        robot.clickOn("#pageImage");
        for (int p = 2; p <= pages; p++) {
            String want = "Page " + p + " of " + largest.pageCount();
            robot.type(KeyCode.PAGE_DOWN);
            WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> pageLabel.getText().equals(want));
        }
        WaitForAsyncUtils.sleep(2, TimeUnit.SECONDS);
        String status = Files.readString(Path.of("/proc/self/status"));
        System.out.printf("unlock to case list %d ms (%d cases); case to page 1 %d ms; document of %d pages, "
                        + "%d pages viewed (%s)%n", (listed - t0) / 1_000_000, table.getItems().size(),
                (opened - t1) / 1_000_000, largest.pageCount(), pages, pageLabel.getText());
        System.out.println(line(status, "VmHWM") + "; " + line(status, "VmRSS") + "; heap used "
                + (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) / 1048576 + " MB of max "
                + Runtime.getRuntime().maxMemory() / 1048576 + " MB");
        System.out.flush();
        // -Dhold=SECONDS keeps the window open for jcmd (heap histogram, native memory summary)
        Thread.sleep(Long.getLong("hold", 0L) * 1000);
        Platform.exit();
        System.exit(0);
    }

    private static String line(String status, String key) {
        return status.lines().filter(l -> l.startsWith(key + ":")).findFirst().orElse(key + ": ?")
                .replaceAll("\\s+", " ");
    }
}
