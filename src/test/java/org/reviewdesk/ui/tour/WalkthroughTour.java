package org.reviewdesk.ui.tour;

import static org.reviewdesk.ui.tour.ScreenshotTour.dialog;
import static org.reviewdesk.ui.tour.ScreenshotTour.fx;
import static org.reviewdesk.ui.tour.ScreenshotTour.lookup;
import static org.reviewdesk.ui.tour.ScreenshotTour.waitFor;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DialogPane;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.reviewdesk.app.ReviewDeskApp;
import org.reviewdesk.domain.CaseFile;
import org.reviewdesk.domain.Item;
import org.reviewdesk.service.ReviewerProfile;
import org.reviewdesk.service.Workbench;

/**
 * One whole case worked through the real window as a reviewer would, keyboard first (xdotool types into the X
 * display, so the keys travel the window's own focus and shortcuts; native file choosers get a path typed): unlock,
 * case list, open, documents, page image, search, an excerpt and back to its page, the builder (category, checklist,
 * Cite, Draft, checks), the decision, the letter preview, signing with a new identity, finalize, e-mail draft,
 * archive. A screenshot at every step; the signed letter is written to OUT/letter-SIZE.pdf. Usage:
 * {@code xvfb-run -a -s "-screen 0 1280x800x24" java -cp ... org.reviewdesk.ui.tour.WalkthroughTour OUT 1280x800}
 * (needs xdotool and ImageMagick's import; {@code src/test/bench/walkthrough.sh} runs both sizes and turns the letter
 * into PNG pages). Prints the focus owner after each keyboard step, what the keyboard did not reach (KEYBOARD), whether
 * Ctrl+Z undid a draft (UNDO) and STEP FAILED lines; {@code -Dwalk.focusTrace=1} prints every focus change after
 * unlocking, with its stack, and stops at the case list.
 */
public final class WalkthroughTour {
    private static final String PASSWORD = "walkthrough password 1";
    static final String CASE = "CM26-0042424";
    private static Path out;
    private static String size;
    private static int shots;
    private static Stage stage;

    private WalkthroughTour() {
    }

    public static void main(String[] args) throws Exception {
        out = Path.of(args[0]);
        size = args[1];
        int w = Integer.parseInt(size.split("x")[0]);
        int h = Integer.parseInt(size.split("x")[1]);
        Files.createDirectories(out);
        Path data = Files.createTempDirectory("rd-walk");
        try (Workbench wb = Workbench.create(data, PASSWORD.toCharArray(), true)) {
            wb.letters().saveProfile(new ReviewerProfile("Reviewer 4711", List.of("California"),
                    List.of("Physical Medicine and Rehabilitation"), ""));
            // the sample's packet as a new case comes in: no summary, no category, decision or rationale yet
            Path sample = Path.of(WalkthroughTour.class.getResource("/org/reviewdesk/sample/case.json").toURI())
                    .getParent();
            Path dir = Files.createTempDirectory("rd-walk-packet");
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
            Files.writeString(dir.resolve("case.json"), Files.readString(dir.resolve("case.json"))
                    .replace("EXAMPLE-0001", CASE));
            CaseFile c = wb.cases().importPath(dir.resolve("case.json"), false);
            List<Item> blank = new ArrayList<>();
            for (Item i : c.items()) {
                blank.add(new Item(i.request(), null, null, i.claimsAdministratorGuideline(), null, null, null, null));
            }
            wb.cases().save(c.withEdits(null, blank));
        }
        // WALK_LOOK=dark,130: the whole walk in the look chosen in View (theme, text size), as kept in window.properties
        String look = System.getenv("WALK_LOOK");
        if (look != null && !look.isBlank()) {
            String[] l = look.split(",");
            Files.writeString(data.resolve("window.properties"), "look.theme=" + l[0].trim()
                    + (l.length > 1 ? "\nlook.textSize=" + l[1].trim() : "") + "\n");
        }
        Platform.startup(() -> { });
        Platform.setImplicitExit(false);
        stage = ScreenshotTour.started(new ReviewDeskApp(data), w, h);
        xdo("mousemove", String.valueOf(w / 2), String.valueOf(h / 2));
        Thread.sleep(800);
        if (System.getProperty("walk.focusTrace") != null) {
            fx(() -> {
                stage.getScene().focusOwnerProperty().addListener((o, a, b) -> {
                    System.out.println("FOCUS CHANGE -> " + b);
                    new Exception("focus trace").printStackTrace(System.out);
                });
                return null;
            });
        }
        step("unlock", () -> {
            type(PASSWORD);
            shot("unlock-typed");
            key("Return");
            waitFor(() -> lookup(stage.getScene(), "#caseTable") instanceof TableView<?> t && !t.getItems().isEmpty());
            Thread.sleep(1500);
            focus("after unlock");
            shot("case-list");
        });
        if (System.getProperty("walk.focusTrace") != null) {
            System.exit(0);
        }
        step("open case (keyboard)", () -> {
            // the focus is on the case list: Down selects a row, Enter opens it
            key("Home");
            key("Return");
            Thread.sleep(5000);
            if (lookup(stage.getScene(), "#documentList") == null) {
                System.out.println("KEYBOARD: Home+Enter did not open the case; trying Down+Enter");
                key("Down");
                key("Return");
                Thread.sleep(1500);
            }
            if (lookup(stage.getScene(), "#documentList") == null) {
                System.out.println("KEYBOARD: the case did not open from the keyboard; Open fired");
                fx(() -> {
                    ((Button) lookup(stage.getScene(), "#openCaseButton")).fire();
                    return null;
                });
            }
            waitFor(() -> lookup(stage.getScene(), "#documentList") instanceof ListView<?> l
                    && l.getItems().size() == 3);
            Thread.sleep(2000);
            focus("case opened");
            shot("case-open");
        });
        step("documents", () -> {
            if (!focus("documents").contains("documentList")) {
                System.out.println("KEYBOARD: the document list has no focus; given");
                fx(() -> {
                    lookup(stage.getScene(), "#documentList").requestFocus();
                    return null;
                });
            }
            key("Down");
            Thread.sleep(1500);
            focus("document list, Down");
            shot("document-1");
            key("Down");
            Thread.sleep(2500);
            shot("document-2");
            key("Page_Down");
            Thread.sleep(1500);
            focus("Page Down");
            shot("document-page");
        });
        step("search", () -> {
            key("ctrl+f");
            Thread.sleep(500);
            focus("Ctrl+F");
            type("range of motion");
            key("Return");
            waitFor(() -> lookup(stage.getScene(), "#hitCount") instanceof javafx.scene.control.Label l
                    && l.getText().startsWith("hit "));
            Thread.sleep(2000);
            shot("search");
            key("F3");
            Thread.sleep(1500);
            shot("search-next-hit");
        });
        step("excerpt", () -> {
            // the page's text (Ctrl+T), a sentence selected, Add excerpt
            fx(() -> {
                lookup(stage.getScene(), "#pageScroll").requestFocus();
                return null;
            });
            key("ctrl+t");
            Thread.sleep(1000);
            fx(() -> {
                TextArea t = (TextArea) lookup(stage.getScene(), "#recordText");
                String text = t.getText();
                int at = text.toLowerCase().indexOf("range of motion");
                int start = Math.max(0, text.lastIndexOf('\n', at) + 1);
                int end = text.indexOf('\n', at);
                t.requestFocus();
                t.selectRange(start, end < 0 ? text.length() : end);
                return null;
            });
            Thread.sleep(800);
            shot("excerpt-selected");
            // keyboard: Ctrl+Shift+E keeps the selection
            key("ctrl+shift+e");
            Thread.sleep(1500);
            if (fx(() -> dialog("excerptDialog")) == null) {
                System.out.println("KEYBOARD: Ctrl+Shift+E did not add the excerpt; fired");
                later(() -> ((Button) lookup(stage.getScene(), "#addExcerptButton")).fire());
            }
            waitFor(() -> dialog("excerptDialog") != null);
            Thread.sleep(800);
            focus("excerpt dialog");
            shot("excerpt-dialog");
            type("Exam before the request");
            key("Return");
            Thread.sleep(1500);
            focus("after Enter in the excerpt dialog");
            shot("excerpt-kept");
            // back to the page from the excerpt: select it in the list, Enter
            fx(() -> {
                ((javafx.scene.control.ToggleButton) lookup(stage.getScene(), "#pageTextToggle")).setSelected(false);
                var docs = (ListView<?>) lookup(stage.getScene(), "#documentList");
                docs.getSelectionModel().select(0);
                return null;
            });
            Thread.sleep(1500);
            fx(() -> {
                var tabs = (TabPane) lookup(stage.getScene(), "#recordPane").lookup(".tab-pane");
                tabs.getSelectionModel().select(2);
                ListView<?> l = (ListView<?>) lookup(stage.getScene(), "#excerptList");
                l.requestFocus();
                l.getSelectionModel().select(0);
                return null;
            });
            Thread.sleep(500);
            String before = fx(() -> ((javafx.scene.control.Label) lookup(stage.getScene(), "#pageLabel")).getText()
                    + " " + ((ListView<?>) lookup(stage.getScene(), "#documentList")).getSelectionModel()
                    .getSelectedIndex());
            key("Return");
            Thread.sleep(2000);
            String after = fx(() -> ((javafx.scene.control.Label) lookup(stage.getScene(), "#pageLabel")).getText()
                    + " " + ((ListView<?>) lookup(stage.getScene(), "#documentList")).getSelectionModel()
                    .getSelectedIndex());
            System.out.println("KEYBOARD: Enter on the excerpt: page " + before + " -> " + after);
            shot("excerpt-enter");
        });
        step("builder", () -> {
            fx(() -> {
                TextArea r = (TextArea) lookup(stage.getScene(), "#rationale-0");
                r.requestFocus();
                return null;
            });
            type("Twelve visits exceed the guideline. ");
            Thread.sleep(500);
            scrollTo("#category-0", 0.1);
            Thread.sleep(1200);
            shot("builder-category");
            // the checklist answered
            List<String> asked = fx(() -> {
                List<String> qs = new ArrayList<>();
                Node grid = lookup(stage.getScene(), "#checklist-0");
                String q = "";
                for (Node n : ((javafx.scene.layout.GridPane) grid).getChildren()) {
                    if (n instanceof javafx.scene.control.Label l) {
                        q = l.getText().toLowerCase();
                        qs.add(l.getText());
                    } else if (n instanceof ComboBox<?> cb) {
                        @SuppressWarnings("unchecked")
                        ComboBox<String> s = (ComboBox<String>) cb;
                        s.setValue(q.contains("not applicable") || q.startsWith("post-operative") ? s.getValue()
                                : "no");
                    } else if (n instanceof TextField t) {
                        t.setText(q.contains("requested") ? "12" : q.contains("body part") ? "cervical spine"
                                : q.contains("diagnosis") ? "neck strain" : q.contains("prior") ? "0" : "");
                    }
                }
                return qs;
            });
            System.out.println("checklist: " + asked);
            scrollTo("#checklist-0", 0.05);
            Thread.sleep(1500);
            shot("builder-checklist");
        });
        step("cite", () -> {
            Thread.sleep(500);
            fx(() -> {
                ((Button) lookup(stage.getScene(), "#cite-0")).requestFocus();
                return null;
            });
            key("space");
            waitFor(() -> dialog("guidelinePicker") != null);
            Thread.sleep(1500);
            focus("Cite dialog");
            shot("cite");
            // the first entry (ranked for the item) cited: Tab to the list, Enter, then OK
            fx(() -> {
                dialog("guidelinePicker").lookup("#guidelineHits").requestFocus();
                return null;
            });
            key("Return");
            Thread.sleep(800);
            shot("cite-chosen");
            fx(() -> {
                dialog("guidelinePicker").lookup("#guidelineQuery").requestFocus();
                return null;
            });
            key("Return");
            Thread.sleep(1000);
            if (dialog("guidelinePicker") != null) {
                System.out.println("KEYBOARD: Enter in the Cite dialog's search field did not close it");
                key("ctrl+Return");
                Thread.sleep(600);
            }
            if (fx(() -> dialog("guidelinePicker")) != null) {
                fx(() -> {
                    ((Button) dialog("guidelinePicker").lookupButton(javafx.scene.control.ButtonType.OK)).fire();
                    return null;
                });
            }
            Thread.sleep(1200);
            System.out.println("reviewer guideline: " + fx(() -> ((TextArea) lookup(stage.getScene(),
                    "#reviewerGuideline-0")).getText()));
        });
        step("draft", () -> {
            scrollTo("#draft-0", 0.3);
            fx(() -> {
                ((Button) lookup(stage.getScene(), "#draft-0")).requestFocus();
                return null;
            });
            key("space");
            waitFor(() -> dialog("replaceRationale") != null);
            Thread.sleep(800);
            focus("replace rationale");
            shot("draft-replace");
            key("Return");
            Thread.sleep(1500);
            String drafted = fx(() -> ((TextArea) lookup(stage.getScene(), "#rationale-0")).getText());
            System.out.println("rationale drafted: " + drafted.length() + " chars");
            shot("draft-suggestion");
            // undo in the rationale: the reviewer's own sentence back?
            fx(() -> {
                lookup(stage.getScene(), "#rationale-0").requestFocus();
                return null;
            });
            key("ctrl+z");
            Thread.sleep(600);
            String undone = fx(() -> ((TextArea) lookup(stage.getScene(), "#rationale-0")).getText());
            System.out.println("UNDO after draft: " + (undone.startsWith("Twelve visits") ? "own text back"
                    : undone.equals(drafted) ? "nothing undone" : "other: " + undone.substring(0, Math.min(80,
                    undone.length()))));
            if (!undone.equals(drafted)) {
                key("ctrl+y");
                Thread.sleep(600);
            }
            fx(() -> {
                TextArea r = (TextArea) lookup(stage.getScene(), "#rationale-0");
                if (r.getText().startsWith("Twelve")) {
                    r.setText(drafted);
                }
                return null;
            });
        });
        step("decide", () -> {
            // the suggestion taken, or upheld chosen with the keyboard in the decision box
            scrollTo("#decision-0", 0.3);
            fx(() -> {
                lookup(stage.getScene(), "#decision-0").requestFocus();
                return null;
            });
            key("alt+Down");
            Thread.sleep(500);
            key("Down");
            key("Return");
            Thread.sleep(1500);
            System.out.println("decision: " + fx(() -> ((ComboBox<?>) lookup(stage.getScene(), "#decision-0"))
                    .getValue()));
            shot("decided");
            scrollTo("#checks-0", 0.5);
            Thread.sleep(2000);
            shot("checks");
        });
        step("summary", () -> {
            scrollTo("#clinicalSummary", 0.0);
            fx(() -> {
                ((Button) lookup(stage.getScene(), "#startSummary")).fire();
                return null;
            });
            Thread.sleep(2000);
            shot("summary-started");
            fx(() -> {
                TextArea s = (TextArea) lookup(stage.getScene(), "#clinicalSummary");
                s.appendText(" The 1/19/15 exam found full cervical range of motion.");
                return null;
            });
            key("ctrl+s");
            Thread.sleep(2000);
            shot("saved");
        });
        step("preview", () -> {
            fx(() -> {
                var tabs = (TabPane) lookup(stage.getScene(), "#rightTabs");
                tabs.getSelectionModel().select(1);
                return null;
            });
            Thread.sleep(4000);
            shot("letter-preview");
        });
        Path letter = out.resolve("letter-" + size + ".pdf");
        step("sign", () -> {
            key("ctrl+shift+s");
            waitFor(() -> dialog("signingDialog") != null);
            Thread.sleep(1200);
            focus("signing dialog");
            shot("signing");
            fx(() -> {
                DialogPane p = dialog("signingDialog");
                p.lookupAll(".check-box").forEach(n -> ((javafx.scene.control.CheckBox) n).setSelected(true));
                return null;
            });
            Thread.sleep(500);
            shot("signing-ticked");
            key("Return");
            Thread.sleep(2500);
            shot("sign-file-chooser");
            Files.deleteIfExists(letter);
            chooser("Export the determination letter", letter);
            for (int i = 0; i < 60 && !Files.exists(letter); i++) {
                Thread.sleep(500);
            }
            Thread.sleep(1500);
            System.out.println("signed letter written: " + Files.exists(letter));
            shot("signed");
        });
        step("finalize", () -> {
            fx(() -> {
                ((Button) lookup(stage.getScene(), "#finalizeButton")).fire();
                return null;
            });
            waitFor(() -> dialog("signingDialog") != null);
            Thread.sleep(1200);
            shot("finalize-dialog");
            fx(() -> {
                DialogPane p = dialog("signingDialog");
                p.lookupAll(".check-box").forEach(n -> ((javafx.scene.control.CheckBox) n).setSelected(true));
                ((Button) p.lookup("#signConfirmButton")).fire();
                return null;
            });
            waitFor(() -> lookup(stage.getScene(), "#lockedBadge") != null);
            Thread.sleep(2500);
            shot("finalized");
        });
        step("email", () -> {
            later(() -> menu("E-mail the signed letter").fire());
            waitFor(() -> dialog("emailDialog") != null);
            Thread.sleep(1000);
            focus("e-mail dialog");
            shot("email");
            type("claims@example.org");
            key("Return");
            Thread.sleep(2500);
            shot("email-file-chooser");
            chooser("Save the e-mail draft", out.resolve("draft-" + size + ".eml"));
            Thread.sleep(4000);
            shot("email-saved");
            closeInfo();
        });
        step("archive", () -> {
            later(() -> menu("Archive case").fire());
            waitFor(() -> dialog("archiveDialog") != null);
            Thread.sleep(1000);
            focus("archive dialog");
            shot("archive");
            type("bundle password 1");
            key("Tab");
            type("bundle password 1");
            key("Return");
            Thread.sleep(2500);
            shot("archive-file-chooser");
            Path zip = out.resolve("archive-" + size + ".zip");
            Files.deleteIfExists(zip);
            chooser("Save the archive bundle", zip);
            for (int i = 0; i < 60 && !Files.exists(zip); i++) {
                Thread.sleep(500);
            }
            Thread.sleep(3000);
            shot("archived");
            closeInfo();
            key("ctrl+l");
            Thread.sleep(1500);
            shot("case-list-after");
        });
        System.out.println("TOUR DONE");
        Platform.exit();
        System.exit(0);
    }

    interface Step {
        void run() throws Exception;
    }

    private static void step(String name, Step s) {
        System.out.println("== " + name);
        try {
            s.run();
        } catch (Exception | Error e) {
            System.out.println("STEP FAILED " + name + ": " + e);
            e.printStackTrace(System.out);
            try {
                shot("FAILED-" + name.replace(' ', '-'));
            } catch (Exception ignored) {
                // no picture
            }
        }
    }

    private static void later(Runnable r) {
        Platform.runLater(r);
    }

    private static void closeInfo() throws Exception {
        fx(() -> {
            for (Window win : List.copyOf(Window.getWindows())) {
                if (win != stage && win.isShowing() && win.getScene().getRoot() instanceof DialogPane p) {
                    Button b = (Button) p.lookupButton(javafx.scene.control.ButtonType.OK);
                    if (b != null) {
                        b.fire();
                    }
                }
            }
            return null;
        });
        Thread.sleep(800);
    }

    /** Scrolls the builder so that the node {@code id} stands at {@code share} of the viewport's height. */
    private static void scrollTo(String id, double share) throws Exception {
        fx(() -> {
            var sp = (javafx.scene.control.ScrollPane) lookup(stage.getScene(), "#editorScroll");
            Node n = lookup(stage.getScene(), id);
            if (sp != null && n != null) {
                double y = sp.getContent().sceneToLocal(n.localToScene(0, 0)).getY();
                double room = sp.getContent().getBoundsInLocal().getHeight() - sp.getViewportBounds().getHeight();
                sp.setVvalue(Math.max(0, Math.min(1, (y - sp.getViewportBounds().getHeight() * share) / room)));
            }
            return null;
        });
        Thread.sleep(600);
    }

    private static MenuItem menu(String text) {
        var bar = (MenuBar) stage.getScene().getRoot().lookup(".menu-bar");
        return bar.getMenus().stream().flatMap(m -> m.getItems().stream())
                .filter(i -> i.getText() != null && i.getText().startsWith(text)).findFirst().orElseThrow();
    }

    /** Prints what has the keyboard focus (the focused window's focus owner). */
    private static String focus(String when) throws Exception {
        String f = fx(() -> {
            for (Window win : Window.getWindows()) {
                if (win.isFocused() && win.getScene() != null) {
                    Node n = win.getScene().getFocusOwner();
                    return (win == stage ? "main" : "dialog " + win.getScene().getRoot().getId()) + ": "
                            + (n == null ? "nothing" : n.getClass().getSimpleName() + " #" + n.getId()
                            + (n instanceof javafx.scene.control.Labeled l ? " '" + l.getText() + "'" : ""));
                }
            }
            return "no focused window";
        });
        System.out.println("FOCUS " + when + ": " + f);
        return f;
    }

    /**
     * Types {@code file} into the native save dialog titled {@code title} and presses Enter: X has no window manager
     * here, so the dialog is given the input focus first (the keys went to the window behind it).
     */
    private static void chooser(String title, Path file) throws Exception {
        xdo("search", "--name", title, "windowfocus");
        Thread.sleep(500);
        key("ctrl+a");
        type(file.toAbsolutePath().toString());
        key("Return");
    }

    private static void key(String... keys) throws Exception {
        List<String> a = new ArrayList<>(List.of("key", "--delay", "60"));
        a.addAll(List.of(keys));
        xdo(a.toArray(String[]::new));
        Thread.sleep(250);
    }

    private static void type(String text) throws Exception {
        xdo("type", "--delay", "25", text);
        Thread.sleep(250);
    }

    private static void xdo(String... args) throws Exception {
        List<String> cmd = new ArrayList<>();
        cmd.add("xdotool");
        cmd.addAll(List.of(args));
        new ProcessBuilder(cmd).inheritIO().start().waitFor();
    }

    private static void shot(String name) throws Exception {
        Path file = out.resolve(String.format("%02d-%s-%s.png", ++shots, name, size));
        Process p = new ProcessBuilder("/usr/bin/import", "-window", "root", file.toString()).inheritIO().start();
        p.waitFor();
        System.out.println("shot " + file.getFileName());
    }
}
