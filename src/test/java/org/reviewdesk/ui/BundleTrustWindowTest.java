package org.reviewdesk.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.scene.control.Button;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TableView;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reviewdesk.TestData;
import org.reviewdesk.app.ReviewDeskApp;
import org.reviewdesk.domain.CaseStatus;
import org.reviewdesk.domain.CaseSummary;
import org.reviewdesk.letter.sign.Certificates;
import org.reviewdesk.service.Workbench;
import org.reviewdesk.ui.caselist.CaseListPane;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * An archive bundle signed by a colleague the store does not know: the window shows the signer's
 * fingerprint and asks; cancelling imports nothing, trusting imports the finalized case and keeps the
 * certificate in the trust list.
 */
class BundleTrustWindowTest {
    private static final String PASSWORD = new String(TestData.PASSWORD);
    private static final String BUNDLE_PASSWORD = "bundle password";

    @TempDir
    Path tmp;
    private Application app;
    private final FxRobot robot = new FxRobot();

    @BeforeEach
    void register() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @AfterEach
    void stop() throws Exception {
        if (app != null) {
            FxToolkit.cleanupApplication(app);
        }
        FxToolkit.cleanupStages();
    }

    private void waitUntil(java.util.concurrent.Callable<Boolean> condition) throws Exception {
        org.reviewdesk.ui.FxWait.until(90, condition);
    }

    private static DialogPane dialog(String id) {
        for (Window w : Window.getWindows()) {
            if (w.isShowing() && w.getScene() != null && w.getScene().getRoot() instanceof DialogPane p
                    && id.equals(p.getId())) {
                return p;
            }
        }
        return null;
    }

    private void press(DialogPane pane, String text) {
        Button b = pane.lookupAll(".button").stream().filter(n -> n instanceof Button x && text.equals(x.getText()))
                .map(Button.class::cast).findFirst().orElseThrow(() -> new AssertionError("no button " + text));
        robot.interact(b::fire);
    }

    private void importBundle(Path bundle) throws Exception {
        robot.interact(() -> robot.lookup("#caseListPane").queryAs(CaseListPane.class).importPath(bundle));
        waitUntil(() -> dialog("bundlePasswordDialog") != null);
        DialogPane pw = dialog("bundlePasswordDialog");
        robot.interact(() -> ((PasswordField) pw.lookup("#bundleImportPassword")).setText(BUNDLE_PASSWORD));
        press(pw, "OK");
        waitUntil(() -> dialog("bundleTrustDialog") != null);
    }

    @Test
    @SuppressWarnings("unchecked")
    void anUntrustedSignerIsShownWithItsFingerprintAndImportedOnlyWhenTrusted() throws Exception {
        Path bundle = tmp.resolve("EXAMPLE-0001.zip");
        String fingerprint;
        try (Workbench colleague = Workbench.create(tmp.resolve("colleague"), TestData.PASSWORD, false)) {
            colleague.letters().createIdentity("Dr. Colleague Elsewhere");
            colleague.letters().finalizeCase("EXAMPLE-0001", null);
            colleague.archives().archive("EXAMPLE-0001", bundle, BUNDLE_PASSWORD.toCharArray());
            fingerprint = Certificates.fingerprint(
                    colleague.letters().storedIdentity().orElseThrow().certificate());
        }
        Path data = tmp.resolve("mine");
        Workbench.create(data, TestData.PASSWORD, true).close();

        app = FxToolkit.setupApplication(() -> new ReviewDeskApp(data));
        robot.interact(() -> {
            robot.lookup("#password").queryAs(PasswordField.class).setText(PASSWORD);
            robot.lookup("#unlockButton").queryAs(Button.class).fire();
        });
        waitUntil(() -> robot.lookup("#caseTable").tryQuery().isPresent());
        TableView<CaseSummary> table = robot.lookup("#caseTable").queryAs(TableView.class);
        assertTrue(table.getItems().isEmpty());

        importBundle(bundle);
        DialogPane ask = dialog("bundleTrustDialog");
        assertEquals(fingerprint, ((Label) ask.lookup("#bundleSignerFingerprint")).getText());
        assertTrue(((Label) ((javafx.scene.layout.VBox) ask.getContent()).getChildren().get(0)).getText()
                .contains("Dr. Colleague Elsewhere"));
        press(ask, "Cancel");
        WaitForAsyncUtils.sleep(500, TimeUnit.MILLISECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(table.getItems().isEmpty(), "nothing is imported when the reviewer does not trust the signer");

        importBundle(bundle);
        press(dialog("bundleTrustDialog"), "Trust this signer and import");
        waitUntil(() -> table.getItems().size() == 1);
        assertEquals("EXAMPLE-0001", table.getItems().get(0).caseNumber());
        assertEquals(CaseStatus.FINALIZED, table.getItems().get(0).status());

        FxToolkit.cleanupApplication(app);
        app = null;
        FxToolkit.cleanupStages();
        try (Workbench mine = Workbench.open(data, TestData.PASSWORD)) {
            assertNotNull(mine.letters().trustList().stream()
                    .filter(t -> t.sha256().equals(fingerprint)).findFirst().orElse(null),
                    "the signer is in the trust list after 'Trust this signer'");
        }
    }
}
