package org.reviewdesk.ui.tour;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.reviewdesk.app.ReviewDeskApp;
import org.reviewdesk.service.ReviewerProfile;
import org.reviewdesk.service.Workbench;

/**
 * The README's screenshots, taken of the real window on a real (virtual) display:
 * {@code src/test/bench/screenshots.sh} runs it under Xvfb at 1280x800 and 1920x1080 and takes each
 * picture with ImageMagick's {@code import}. Prints the page image's share of the window.
 */
public final class ScreenshotTour {
    private static final String PASSWORD = "screenshot password 1";
    private static Path out;
    private static String size;

    public static void main(String[] args) throws Exception {
        out = Path.of(args[0]);
        size = args[1];
        int w = Integer.parseInt(size.split("x")[0]);
        int h = Integer.parseInt(size.split("x")[1]);
        Path data = Files.createTempDirectory("rd-tour");
        try (Workbench wb = Workbench.create(data, PASSWORD.toCharArray(), false)) {
            wb.letters().saveProfile(new ReviewerProfile("Reviewer 4711", java.util.List.of("California"),
                    java.util.List.of("Physical Medicine and Rehabilitation"), ""));
            wb.letters().createIdentity("Reviewer 4711");
            var c = wb.cases().get("EXAMPLE-0001");
            var item = c.items().get(0);
            wb.cases().save(c.withEdits(c.clinicalSummary(), java.util.List.of(item.withTexts(item.request(),
                    item.claimsAdministratorGuideline(), item.reviewerGuideline(), item.rationale()
                            + " Full range of motion is not documented in the records provided."))));
            // two excerpts kept as evidence, one tied to the disputed item
            wb.records().addExcerpt("EXAMPLE-0001", new org.reviewdesk.domain.Evidence("progress-2015-01-19", 1,
                    "Cervical spine: full range of motion in flexion, extension, rotation and lateral bending.",
                    "Exam before the request", 0));
            wb.records().addExcerpt("EXAMPLE-0001", new org.reviewdesk.domain.Evidence("ur-2015-01-29", 1,
                    "The number of prior therapy visits and the functional response to them are not documented.",
                    null, null));
        }
        // a colleague's archive bundle, signed by a certificate this store does not trust
        Path bundle = data.resolveSibling(data.getFileName() + "-colleague.zip");
        Path colleague = Files.createTempDirectory("rd-tour-colleague");
        try (Workbench other = Workbench.create(colleague, PASSWORD.toCharArray(), false)) {
            other.letters().createIdentity("Dr. Colleague Elsewhere");
            other.letters().finalizeCase("EXAMPLE-0001", null);
            other.archives().archive("EXAMPLE-0001", bundle, "bundle password".toCharArray());
        }
        Platform.startup(() -> { });
        Stage stage = unlockedWindow(new ReviewDeskApp(data), w, h, PASSWORD);
        if (args.length > 2 && args[2].equals("all")) {
            Thread.sleep(1500);
            shot("case-list");
        }
        fx(() -> {
            ((Button) lookup(stage.getScene(), "#openCaseButton")).fire();
            return null;
        });
        waitFor(() -> lookup(stage.getScene(), "#documentList") instanceof javafx.scene.control.ListView<?> l
                && l.getItems().size() == 3);
        fx(() -> {
            @SuppressWarnings("unchecked")
            var l = (javafx.scene.control.ListView<org.reviewdesk.domain.StoredDocument>)
                    lookup(stage.getScene(), "#documentList");
            l.getItems().stream().filter(d -> !"TEXT".equals(d.mediaKind())).findFirst()
                    .ifPresent(d -> l.getSelectionModel().select(d));
            return null;
        });
        waitFor(() -> lookup(stage.getScene(), "#pageImage") instanceof javafx.scene.image.ImageView v
                && v.getImage() != null);
        Thread.sleep(2500);
        shot("workspace");
        fx(() -> {
            Node scroll = lookup(stage.getScene(), "#pageScroll");
            var vp = ((javafx.scene.control.ScrollPane) scroll).getViewportBounds();
            double share = vp.getWidth() * vp.getHeight() / (stage.getScene().getWidth() * stage.getScene().getHeight());
            System.out.printf("page image viewport %.0fx%.0f = %.1f%% of the %.0fx%.0f window%n", vp.getWidth(),
                    vp.getHeight(), share * 100, stage.getScene().getWidth(), stage.getScene().getHeight());
            return null;
        });
        if (args.length > 2 && args[2].equals("all")) {
            // a search, Enter: the hits listed, the first opened with the words marked on the page
            fx(() -> {
                var field = (javafx.scene.control.TextField) lookup(stage.getScene(), "#recordSearch");
                field.setText("\"range of motion\"");
                field.fireEvent(new javafx.event.ActionEvent());
                return null;
            });
            waitFor(() -> lookup(stage.getScene(), "#hitCount") instanceof javafx.scene.control.Label l
                    && l.getText().startsWith("hit "));
            Thread.sleep(2500);
            shot("record-search");
            fx(() -> {
                var tabs = (javafx.scene.control.TabPane) lookup(stage.getScene(), "#recordPane")
                        .lookup(".tab-pane");
                tabs.getSelectionModel().select(2);
                return null;
            });
            Thread.sleep(1500);
            shot("record-excerpts");
            fx(() -> {
                var tabs = (javafx.scene.control.TabPane) lookup(stage.getScene(), "#recordPane")
                        .lookup(".tab-pane");
                tabs.getSelectionModel().select(0);
                return null;
            });
            fx(() -> {
                var field = (javafx.scene.control.TextField) lookup(stage.getScene(), "#recordSearch");
                field.setText("");
                field.fireEvent(new javafx.event.ActionEvent());
                return null;
            });
            Thread.sleep(800);
            fx(() -> {
                ((Button) lookup(stage.getScene(), "#popOutButton")).fire();
                return null;
            });
            Thread.sleep(1500);
            fx(() -> {
                for (Window win : Window.getWindows()) {
                    if (win != stage && win instanceof Stage s2) {
                        s2.setX(w * 0.45);
                        s2.setY(0);
                        s2.setWidth(w * 0.55);
                        s2.setHeight(h);
                    }
                }
                return null;
            });
            Thread.sleep(1500);
            shot("record-popped-out");
            fx(() -> {
                for (Window win : java.util.List.copyOf(Window.getWindows())) {
                    if (win != stage && win instanceof Stage s2) {
                        s2.close();
                    }
                }
                return null;
            });
            Thread.sleep(800);
            // the builder with every part open, scrolled to the consistency checks (a finding links its page)
            for (int i = 0; i < 2; i++) {
                fx(() -> {
                    stage.getScene().getRoot().lookupAll(".titled-pane").forEach(n ->
                            ((javafx.scene.control.TitledPane) n).setExpanded(true));
                    return null;
                });
                Thread.sleep(800);
            }
            fx(() -> {
                Node link = lookup(stage.getScene(), "#showInRecord-0");
                javafx.scene.control.ScrollPane sp = (javafx.scene.control.ScrollPane)
                        lookup(stage.getScene(), "#editorScroll");
                if (link != null && sp != null) {
                    double y = sp.getContent().sceneToLocal(link.localToScene(0, 0)).getY();
                    double room = sp.getContent().getBoundsInLocal().getHeight() - sp.getViewportBounds().getHeight();
                    sp.setVvalue(Math.max(0, Math.min(1, (y - sp.getViewportBounds().getHeight() * 0.6) / room)));
                    ((javafx.scene.control.Hyperlink) link).fire();
                }
                return null;
            });
            Thread.sleep(2500);
            shot("builder-checks");
            fx(() -> {
                ((Button) lookup(stage.getScene(), "#cite-0")).fire();
                return null;
            });
            waitFor(() -> dialog("guidelinePicker") != null);
            Thread.sleep(1500);
            shot("cite-dialog");
            fx(() -> {
                javafx.scene.control.DialogPane p = dialog("guidelinePicker");
                ((Button) p.lookupButton(javafx.scene.control.ButtonType.CANCEL)).fire();
                return null;
            });
            Thread.sleep(800);
            fx(() -> {
                ((Button) lookup(stage.getScene(), "#signButton")).fire();
                return null;
            });
            waitFor(() -> dialog("signingDialog") != null);
            Thread.sleep(1500);
            shot("signing-dialog");
            fx(() -> {
                dialog("signingDialog").getScene().getWindow().hide();
                return null;
            });
            Thread.sleep(800);
            fx(() -> {
                ((Button) lookup(stage.getScene(), "#finalizeButton")).fire();
                return null;
            });
            waitFor(() -> dialog("signingDialog") != null);
            fx(() -> {
                javafx.scene.control.DialogPane p = dialog("signingDialog");
                p.lookupAll(".check-box").forEach(n -> ((javafx.scene.control.CheckBox) n).setSelected(true));
                ((Button) p.lookup("#signConfirmButton")).fire();
                return null;
            });
            waitFor(() -> lookup(stage.getScene(), "#lockedBadge") != null);
            Thread.sleep(5000);
            fx(() -> {
                javafx.scene.control.TitledPane checklist = (javafx.scene.control.TitledPane)
                        lookup(stage.getScene(), "#checklistPane-0");
                checklist.setExpanded(true);
                return null;
            });
            Thread.sleep(1500);
            shot("read-only-case");
            fx(() -> {
                ((org.reviewdesk.ui.caselist.CaseListPane) lookup(stage.getScene(), "#caseListPane"))
                        .importPath(bundle);
                return null;
            });
            waitFor(() -> dialog("bundlePasswordDialog") != null);
            fx(() -> {
                javafx.scene.control.DialogPane p = dialog("bundlePasswordDialog");
                ((PasswordField) p.lookup("#bundleImportPassword")).setText("bundle password");
                ((Button) p.lookupButton(javafx.scene.control.ButtonType.OK)).fire();
                return null;
            });
            // this store has a case of the same number: the window asks about replacing it first
            waitFor(() -> dialog("bundleTrustDialog") != null || replaceButton() != null);
            fx(() -> {
                Button replace = replaceButton();
                if (replace != null) {
                    replace.fire();
                }
                return null;
            });
            waitFor(() -> dialog("bundleTrustDialog") != null);
            Thread.sleep(1200);
            shot("bundle-trust-dialog");
            // leave the nested event loop before exiting (GTK aborts when a modal dialog is still up)
            fx(() -> {
                javafx.scene.control.DialogPane p = dialog("bundleTrustDialog");
                ((Button) p.lookupButton(javafx.scene.control.ButtonType.CANCEL)).fire();
                return null;
            });
            Thread.sleep(800);
        }
        if (args.length > 2 && args[2].equals("all")) {
            // View > Audit log, after this tour's own actions (open, finalize, a refused import)
            fx(() -> {
                var bar = (javafx.scene.control.MenuBar) stage.getScene().getRoot().lookup(".menu-bar");
                bar.getMenus().stream().flatMap(m -> m.getItems().stream())
                        .filter(i -> "Audit log".equals(i.getText())).findFirst().orElseThrow().fire();
                return null;
            });
            Thread.sleep(2000);
            shot("audit-log");
        }
        System.out.println("TOUR DONE");
        Platform.exit();
        System.exit(0);
    }

    private static void shot(String name) throws Exception {
        Path file = out.resolve(name + "-" + size + ".png");
        Process p = new ProcessBuilder("/usr/bin/import", "-window", "root", file.toString()).inheritIO().start();
        p.waitFor();
        System.out.println("shot " + file);
    }

    /** The "Replace" button of a showing confirmation, or null. */
    static Button replaceButton() {
        for (Window w : Window.getWindows()) {
            if (w.isShowing() && w.getScene() != null && w.getScene().getRoot() instanceof javafx.scene.control.DialogPane p) {
                for (Node n : p.lookupAll(".button")) {
                    if (n instanceof Button b && "Replace".equals(b.getText())) {
                        return b;
                    }
                }
            }
        }
        return null;
    }

    static javafx.scene.control.DialogPane dialog(String id) {
        for (Window w : Window.getWindows()) {
            if (w.isShowing() && w.getScene() != null && w.getScene().getRoot() instanceof javafx.scene.control.DialogPane p
                    && id.equals(p.getId())) {
                return p;
            }
        }
        return null;
    }

    /**
     * Starts {@code app} in a window of {@code w} x {@code h} at the screen's corner and waits for its unlock
     * screen (the FX toolkit must be started).
     */
    static Stage started(ReviewDeskApp app, int w, int h) throws Exception {
        AtomicReference<Stage> main = new AtomicReference<>();
        fx(() -> {
            Stage s = new Stage();
            main.set(s);
            app.start(s);
            return null;
        });
        Stage stage = main.get();
        fx(() -> {
            stage.setMaximized(false);
            stage.setX(0);
            stage.setY(0);
            stage.setWidth(w);
            stage.setHeight(h);
            return null;
        });
        waitFor(() -> lookup(stage.getScene(), "#password") != null);
        return stage;
    }

    /**
     * Starts {@code app} in a window of {@code w} x {@code h} at the screen's corner, unlocks its store with
     * {@code password} and waits for the case list (the FX toolkit must be started).
     */
    static Stage unlockedWindow(ReviewDeskApp app, int w, int h, String password) throws Exception {
        Stage stage = started(app, w, h);
        fx(() -> {
            ((PasswordField) lookup(stage.getScene(), "#password")).setText(password);
            ((Button) lookup(stage.getScene(), "#unlockButton")).fire();
            return null;
        });
        waitFor(() -> lookup(stage.getScene(), "#caseTable") instanceof TableView<?> t && !t.getItems().isEmpty());
        return stage;
    }

    static Node lookup(Scene scene, String id) {
        return scene == null ? null : scene.lookup(id);
    }

    static <T> T fx(Callable<T> c) throws Exception {
        AtomicReference<T> r = new AtomicReference<>();
        AtomicReference<Exception> err = new AtomicReference<>();
        CountDownLatch done = new CountDownLatch(1);
        Platform.runLater(() -> {
            try {
                r.set(c.call());
            } catch (Exception e) {
                err.set(e);
            } finally {
                done.countDown();
            }
        });
        done.await();
        if (err.get() != null) {
            throw err.get();
        }
        return r.get();
    }

    static void waitFor(Callable<Boolean> c) throws Exception {
        long until = System.currentTimeMillis() + 60_000;
        while (System.currentTimeMillis() < until) {
            if (Boolean.TRUE.equals(fx(c))) {
                Thread.sleep(300);
                return;
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("timed out");
    }
}
