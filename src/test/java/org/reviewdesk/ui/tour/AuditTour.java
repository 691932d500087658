package org.reviewdesk.ui.tour;

import static org.reviewdesk.ui.tour.ScreenshotTour.dialog;
import static org.reviewdesk.ui.tour.ScreenshotTour.fx;
import static org.reviewdesk.ui.tour.ScreenshotTour.lookup;
import static org.reviewdesk.ui.tour.ScreenshotTour.waitFor;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.application.Platform;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DialogPane;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.reviewdesk.app.ReviewDeskApp;
import org.reviewdesk.service.ReviewerProfile;
import org.reviewdesk.service.Workbench;

/**
 * The screens the README's tour does not show, for a look at cut-off text and overflowing cells under Xvfb:
 * the unlock screen (create, unlock), a case list of many cases, the dashboard, Settings, the e-mail, archive, Cite,
 * signing (also with 12 warnings), verify-result, document details and duplicate dialogs, the chronology. Usage:
 * {@code xvfb-run -a -s "-screen 0 1280x800x24" java -cp ... org.reviewdesk.ui.tour.AuditTour /tmp/ui-audit 1280x800}
 * (classpath as in {@code src/test/bench/screenshots.sh}); prints each dialog's size and any ellipsis in it.
 */
public final class AuditTour {
    private static final String PASSWORD = "audit tour password 1";
    static final String LONG_CASE = "CM25-0012345-A1-A2-A3";
    private static Path out;
    private static byte[] signed;
    private static String size;

    private AuditTour() {
    }

    public static void main(String[] args) throws Exception {
        out = Path.of(args[0]);
        size = args[1];
        int w = Integer.parseInt(size.split("x")[0]);
        int h = Integer.parseInt(size.split("x")[1]);
        Files.createDirectories(out);
        Platform.startup(() -> { });
        Platform.setImplicitExit(false);
        Path data = Files.createTempDirectory("rd-audit");
        Path fresh = Files.createTempDirectory("rd-audit-new");
        Files.delete(fresh);
        // the create screen, with a weak password typed (the strength advice shown)
        Stage first = ScreenshotTour.started(new ReviewDeskApp(fresh), w, h);
        fx(() -> {
            ((PasswordField) lookup(first.getScene(), "#password")).setText("password123");
            return null;
        });
        Thread.sleep(1200);
        shot("unlock-create");
        fx(() -> {
            ((PasswordField) lookup(first.getScene(), "#confirmPassword")).setText("password123");
            ((Button) lookup(first.getScene(), "#unlockButton")).fire();
            return null;
        });
        Thread.sleep(1000);
        shot("unlock-create-refused");
        later(first::hide);
        Thread.sleep(1000);
        try (Workbench wb = Workbench.create(data, PASSWORD.toCharArray(), false)) {
            wb.letters().saveProfile(new ReviewerProfile("Reviewer 4711", List.of("California"),
                    List.of("Physical Medicine and Rehabilitation"), ""));
            wb.letters().createIdentity("Reviewer 4711");
            Path sample = Path.of(AuditTour.class.getResource("/org/reviewdesk/sample/case.json").toURI()).getParent();
            String json = Files.readString(sample.resolve("case.json"));
            String[] numbers = {LONG_CASE, "CM25-0099999", "CM24-1234567-A1", "CM25-0000001-AMENDED-A12",
                    "CM23-7654321", "CM25-0012346"};
            for (String n : numbers) {
                Path dir = Files.createTempDirectory("rd-audit-packet");
                try (var files = Files.walk(sample)) {
                    for (Path f : (Iterable<Path>) files::iterator) {
                        Path to = dir.resolve(sample.relativize(f).toString());
                        if (Files.isDirectory(f)) {
                            Files.createDirectories(to);
                        } else {
                            Files.copy(f, to, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                        }
                    }
                }
                Files.writeString(dir.resolve("case.json"), json.replace("EXAMPLE-0001", n));
                wb.cases().importPath(dir.resolve("case.json"), false);
            }
            // statuses: in review, finalized, archived
            var c = wb.cases().get("CM25-0099999");
            var item = c.items().get(0);
            wb.cases().save(c.withEdits(c.clinicalSummary(), List.of(item.withTexts(item.request(),
                    item.claimsAdministratorGuideline(), item.reviewerGuideline(), item.rationale() + " More."))));
            signed = wb.letters().finalizeCase("CM24-1234567-A1", null).pdf();
            wb.letters().finalizeCase("CM23-7654321", null);
            Path bundle = Files.createTempFile("rd-audit", ".zip");
            wb.archives().archive("CM23-7654321", bundle, "bundle password".toCharArray());
        }
        // the unlock screen
        Stage stage = ScreenshotTour.started(new ReviewDeskApp(data), w, h);
        Thread.sleep(1000);
        shot("unlock");
        fx(() -> {
            ((PasswordField) lookup(stage.getScene(), "#password")).setText(PASSWORD);
            ((Button) lookup(stage.getScene(), "#unlockButton")).fire();
            return null;
        });
        waitFor(() -> lookup(stage.getScene(), "#caseTable") instanceof TableView<?> t && !t.getItems().isEmpty());
        Thread.sleep(1500);
        shot("case-list-many");
        step("dashboard", () -> {
            later(() -> menu(stage, "Dashboard").fire());
            Thread.sleep(3000);
            shot("dashboard");
            closeOthers(stage);
        });
        // the long-numbered case opened
        fx(() -> {
            @SuppressWarnings("unchecked")
            TableView<org.reviewdesk.domain.CaseSummary> t = (TableView<org.reviewdesk.domain.CaseSummary>)
                    lookup(stage.getScene(), "#caseTable");
            t.getItems().stream().filter(s -> s.caseNumber().equals(LONG_CASE)).findFirst()
                    .ifPresent(s -> t.getSelectionModel().select(s));
            ((Button) lookup(stage.getScene(), "#openCaseButton")).fire();
            return null;
        });
        waitFor(() -> lookup(stage.getScene(), "#draft-0") != null);
        Thread.sleep(2500);
        shot("workspace-long-case");
        step("settings", () -> dialogShot(stage, "settingsDialog", () -> menu(stage, "Settings…").fire(), "settings"));
        step("email", () -> dialogShot(stage, "emailDialog", () -> menu(stage, "E-mail the signed letter…").fire(),
                "email"));
        step("archive", () -> dialogShot(stage, "archiveDialog", () -> menu(stage, "Archive case…").fire(),
                "archive"));
        step("cite", () -> dialogShot(stage, "guidelinePicker",
                () -> ((Button) lookup(stage.getScene(), "#cite-0")).fire(), "cite"));
        step("signing", () -> dialogShot(stage, "signingDialog",
                () -> ((Button) lookup(stage.getScene(), "#signButton")).fire(), "signing"));
        step("signing-many", () -> {
            later(() -> {
                try {
                    Class<?> wc = Class.forName("org.reviewdesk.ui.workspace.SigningDialog$Warning");
                    var wcons = wc.getDeclaredConstructor(String.class, String.class);
                    wcons.setAccessible(true);
                    List<Object> warnings = new java.util.ArrayList<>();
                    for (int i = 0; i < 12; i++) {
                        warnings.add(wcons.newInstance("k" + i, "Item " + (i + 1) + ": the rationale cites a page "
                                + "of the record that does not mention the requested treatment; check the "
                                + "citation before signing (progress note of 1/19/2015, page " + (i + 2) + ")."));
                    }
                    Class<?> dc = Class.forName("org.reviewdesk.ui.workspace.SigningDialog");
                    var dcons = dc.getDeclaredConstructor(Window.class, String.class, String.class, List.class,
                            List.class, boolean.class, String.class, String.class);
                    dcons.setAccessible(true);
                    var d = (javafx.scene.control.Dialog<?>) dcons.newInstance(stage, "Sign & export the letter",
                            "Sign & export", List.of("Item 3 has no decision.", "The decision date is missing."),
                            warnings, false, "Reviewer 4711", "The letter is signed with your identity and "
                                    + "exported as a PDF; the case stays editable.");
                    d.show();
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            });
            waitFor(() -> dialog("signingDialog") != null);
            Thread.sleep(1500);
            shot("signing-many");
            closeDialog("signingDialog");
        });
        step("verify", () -> {
            var report = org.reviewdesk.service.LetterService.verify(signed);
            var m = Class.forName("org.reviewdesk.ui.VerifyAction").getDeclaredMethod("result", Window.class,
                    String.class, org.reviewdesk.letter.sign.VerificationReport.class);
            m.setAccessible(true);
            later(() -> {
                try {
                    ((javafx.scene.control.Alert) m.invoke(null, stage, "CM24-1234567-A1-signed-letter.pdf", report))
                            .show();
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            });
            Thread.sleep(2000);
            shot("verify-result");
            closeOthers(stage);
        });
        step("details", () -> {
            fx(() -> {
                var tabs = (javafx.scene.control.TabPane) lookup(stage.getScene(), "#recordPane").lookup(".tab-pane");
                tabs.getSelectionModel().select(0);
                @SuppressWarnings("unchecked")
                var l = (javafx.scene.control.ListView<Object>) lookup(stage.getScene(), "#documentList");
                l.getSelectionModel().select(0);
                return null;
            });
            Thread.sleep(800);
            dialogShot(stage, "documentDetails", () -> {
                @SuppressWarnings("unchecked")
                var l = (javafx.scene.control.ListView<Object>) lookup(stage.getScene(), "#documentList");
                l.getContextMenu().getItems().get(0).fire();
            }, "document-details");
        });
        step("chronology", () -> {
            fx(() -> {
                var tabs = (javafx.scene.control.TabPane) lookup(stage.getScene(), "#recordPane").lookup(".tab-pane");
                tabs.getSelectionModel().select(3);
                return null;
            });
            Thread.sleep(1500);
            shot("chronology");
            fx(() -> {
                @SuppressWarnings("unchecked")
                var l = (javafx.scene.control.ListView<Object>) lookup(stage.getScene(), "#chronologyList");
                l.getSelectionModel().select(0);
                return null;
            });
            Thread.sleep(500);
            dialogShot(stage, "documentDetails", () -> ((Button) lookup(stage.getScene(), "#chronologyCorrect")).fire(),
                    "chronology-correct");
            // (offered only in a record with duplicate pages)
            if (!fx(() -> lookup(stage.getScene(), "#chronologyCompare").isDisabled())) {
                dialogShot(stage, "duplicateCompare", () -> ((Button) lookup(stage.getScene(), "#chronologyCompare"))
                        .fire(), "duplicate-compare");
            }
        });
        step("similar", () -> {
            fx(() -> {
                var sp = (javafx.scene.control.ScrollPane) lookup(stage.getScene(), "#editorScroll");
                stage.getScene().getRoot().lookupAll(".titled-pane").forEach(n ->
                        ((javafx.scene.control.TitledPane) n).setExpanded(true));
                var sim = lookup(stage.getScene(), "#similar-0");
                if (sp != null && sim != null) {
                    double y = sp.getContent().sceneToLocal(sim.localToScene(0, 0)).getY();
                    double room = sp.getContent().getBoundsInLocal().getHeight() - sp.getViewportBounds().getHeight();
                    sp.setVvalue(Math.max(0, Math.min(1, y / room)));
                }
                return null;
            });
            Thread.sleep(2000);
            shot("similar");
        });
        System.out.println("TOUR DONE");
        Platform.exit();
        System.exit(0);
    }

    interface Step {
        void run() throws Exception;
    }

    private static void step(String name, Step s) {
        try {
            s.run();
        } catch (Exception | Error e) {
            System.out.println("STEP FAILED " + name + ": " + e);
            e.printStackTrace(System.out);
        }
    }

    static void later(Runnable r) {
        Platform.runLater(r);
    }

    private static void dialogShot(Stage stage, String id, Runnable open, String name) throws Exception {
        later(open);
        waitFor(() -> dialog(id) != null);
        Thread.sleep(1500);
        shot(name);
        fx(() -> {
            DialogPane p = dialog(id);
            System.out.printf("%s: dialog %.0fx%.0f at %.0f,%.0f%n", name, p.getScene().getWindow().getWidth(),
                    p.getScene().getWindow().getHeight(), p.getScene().getWindow().getX(),
                    p.getScene().getWindow().getY());
            for (String e : org.reviewdesk.ui.Ellipsis.truncated(p)) {
                System.out.println("  ELLIPSIS " + e);
            }
            return null;
        });
        closeDialog(id);
    }

    private static void closeDialog(String id) throws Exception {
        fx(() -> {
            DialogPane p = dialog(id);
            if (p != null) {
                Button b = (Button) p.lookupButton(ButtonType.CANCEL);
                if (b == null) {
                    b = (Button) p.lookupButton(ButtonType.CLOSE);
                }
                if (b != null) {
                    b.fire();
                } else {
                    p.getScene().getWindow().hide();
                }
            }
            return null;
        });
        Thread.sleep(800);
    }

    private static void closeOthers(Stage stage) throws Exception {
        fx(() -> {
            for (Window win : List.copyOf(Window.getWindows())) {
                if (win != stage && win instanceof Stage s2) {
                    s2.close();
                }
            }
            return null;
        });
        Thread.sleep(800);
    }

    private static MenuItem menu(Stage stage, String text) {
        var bar = (MenuBar) stage.getScene().getRoot().lookup(".menu-bar");
        return bar.getMenus().stream().flatMap(m -> m.getItems().stream())
                .filter(i -> i.getText() != null && i.getText().startsWith(text)).findFirst().orElseThrow();
    }

    private static void shot(String name) throws Exception {
        Path file = out.resolve(name + "-" + size + ".png");
        Process p = new ProcessBuilder("/usr/bin/import", "-window", "root", file.toString()).inheritIO().start();
        p.waitFor();
        System.out.println("shot " + file);
    }
}
