package org.reviewdesk.ui;

import java.nio.file.Path;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.stage.Stage;
import org.reviewdesk.service.Workbench;
import org.reviewdesk.ui.caselist.CaseListPane;
import org.reviewdesk.ui.unlock.UnlockPane;
import org.reviewdesk.ui.workspace.WorkspacePane;

/** The workstation window: unlock first, then the case list and one tab per open case. */
public final class MainWindow {
    private final Stage stage;
    private final Path dataDir;
    private final BorderPane root = new BorderPane();
    private final TabPane tabs = new TabPane();
    private Workbench workbench;
    private CaseListPane caseList;
    private IdleLock idleLock;

    private final javafx.application.HostServices hostServices;

    public MainWindow(Stage stage, Path dataDir, javafx.application.HostServices hostServices) {
        this.stage = stage;
        this.dataDir = dataDir;
        this.hostServices = hostServices;
    }

    public void show() {
        root.setCenter(new UnlockPane(dataDir, this::unlocked));
        WindowPlaces.load(dataDir);
        Appearance.load();
        Scene scene = new Scene(root);
        scene.getStylesheets().add(MainWindow.class.getResource("reviewdesk.css").toExternalForm());
        Appearance.dress(scene);
        stage.setScene(scene);
        // a first run opens maximised on screens up to 1920x1080; later runs where the window was
        WindowPlaces.place(stage, "main", 1600, 1000);
        stage.setTitle("ReviewDesk");
        stage.setOnCloseRequest(e -> {
            rememberWindow();
            if (!closeAllWorkspaces()) {
                e.consume();
            }
        });
        stage.show();
    }

    /**
     * What the application starts on the store once it is unlocked (the command server of ADR 0021), closed
     * before the store closes; null: nothing.
     */
    private java.util.function.Function<Workbench, AutoCloseable> onUnlocked;
    private AutoCloseable served;

    public void onUnlocked(java.util.function.Function<Workbench, AutoCloseable> f) {
        this.onUnlocked = f;
    }

    /**
     * Records were added to the store from outside the window (a command it served): the case list and the
     * open cases' document lists are read again. On the FX thread.
     */
    public void recordsChangedOutside() {
        if (workbench == null || caseList == null) {
            return;
        }
        caseList.refresh();
        for (Tab t : tabs.getTabs()) {
            if (t.getContent() instanceof WorkspacePane ws) {
                ws.recordsChangedOutside();
            }
        }
        Toasts.status("Records were added from the command line");
    }

    private void unlocked(Workbench w) {
        this.workbench = w;
        caseList = new CaseListPane(w.cases(), w.search(), this::openCase, this::openCaseAndSearch);
        caseList.bundles(w.archives(), w.letters());
        caseList.beforeReplace(this::caseReplaced);
        w.search().openInBackground();
        Tab casesTab = new Tab("Cases", caseList);
        casesTab.setClosable(false);
        casesTab.setId("casesTab");
        tabs.getTabs().setAll(casesTab);
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.ALL_TABS);
        root.setTop(menus());
        root.setCenter(tabs);
        stage.getScene().addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, this::keys);
        org.controlsfx.control.StatusBar status = new org.controlsfx.control.StatusBar();
        status.setId("statusBar");
        status.textProperty().bind(Toasts.statusLine());
        Toasts.status("Ready");
        Label where = new Label("Encrypted store: " + shortened(w.dataDir()));
        where.setTooltip(new javafx.scene.control.Tooltip(w.dataDir().toAbsolutePath().toString()));
        where.getStyleClass().add("text-muted");
        where.setMinWidth(Label.USE_PREF_SIZE);
        // as tall as the status bar, text centred: level with the status line on the left (it sat higher)
        where.setMaxHeight(Double.MAX_VALUE);
        where.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        // a gap after a long status line ("Excerpt kept: ..., page 1." ran into "Encrypted store:" at 1280 px)
        where.setPadding(new Insets(0, 0, 0, 16));
        where.setId("storePath");
        status.getRightItems().add(where);
        status.getLeftItems().add(org.reviewdesk.ui.precedent.Precedents.install(w, stage));
        status.getLeftItems().add(Jobs.indicator());
        root.setBottom(status);
        caseList.refresh();
        useOwnRules(w);
        org.reviewdesk.ui.workspace.SpellingMenu.useDictionary(word -> Background.run(() -> {
            w.addOwnWord(word);
            return word;
        }, added -> {
            org.reviewdesk.ui.workspace.SpellingMenu.added();
            Toasts.status("\u201c" + added + "\u201d is in your dictionary now (Settings: My dictionary)");
        }, t -> Dialogs.error(stage, "The word could not be added to your dictionary", t)));
        restoreTabs();
        tabs.getTabs().addListener((javafx.collections.ListChangeListener<Tab>) c -> rememberTabs());
        tabs.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> rememberTabs());
        // focus lands where work continues: the case list, ready for the arrow keys and Enter
        javafx.application.Platform.runLater(caseList::focusList);
        if (!w.openingNotes().isEmpty()) {
            // what the start found and did: an interrupted restore or password change, a key upgrade, read-only media
            javafx.scene.control.Alert notes = new javafx.scene.control.Alert(
                    javafx.scene.control.Alert.AlertType.INFORMATION, String.join("\n\n", w.openingNotes()));
            notes.initOwner(stage);
            notes.setHeaderText("About your store");
            javafx.application.Platform.runLater(notes::show);
        }
        idleLock = new IdleLock(stage.getScene(), root, w, javafx.util.Duration.seconds(idleSeconds()));
        if (onUnlocked != null) {
            served = onUnlocked.apply(w);
        }
        // after the window is usable, at low priority, not queued before the reviewer's own store work
        dailyBackup = Background.runLowPriority(() -> w.scheduledBackup(false), f -> { }, t -> Dialogs.error(stage,
                "The daily backup failed", t));
    }

    /** The data folder as the status bar shows it: under the home folder as ~/... (the status bar is crowded). */
    static String shortened(java.nio.file.Path dir) {
        java.nio.file.Path abs = dir.toAbsolutePath().normalize();
        java.nio.file.Path home = java.nio.file.Path.of(System.getProperty("user.home")).toAbsolutePath().normalize();
        // not under a home folder that is the file system's root (a service account's): /data is not ~/data
        if (home.getParent() != null && abs.startsWith(home) && !abs.equals(home)) {
            return "~" + java.io.File.separator + home.relativize(abs);
        }
        return abs.toString();
    }

    /** Minutes of no input before the window locks: 10 by default ({@code -Dreviewdesk.idleSeconds}). */
    static double idleSeconds() {
        try {
            return Double.parseDouble(System.getProperty("reviewdesk.idleSeconds", "600"));
        } catch (NumberFormatException e) {
            return 600;
        }
    }

    private MenuBar menus() {
        MenuItem importCase = new MenuItem("Import case file or packet…");
        importCase.setAccelerator(KeyCombination.keyCombination("Shortcut+I"));
        importCase.setOnAction(e -> caseList.importCase());
        MenuItem save = new MenuItem("Save");
        save.setAccelerator(KeyCombination.keyCombination("Shortcut+S"));
        save.setOnAction(e -> currentWorkspace().ifPresent(WorkspacePane::save));
        MenuItem closeTab = new MenuItem("Close case");
        closeTab.setAccelerator(KeyCombination.keyCombination("Shortcut+W"));
        closeTab.setOnAction(e -> {
            Tab t = tabs.getSelectionModel().getSelectedItem();
            if (t != null && t.getContent() instanceof WorkspacePane ws && ws.confirmClose()) {
                tabs.getTabs().remove(t);
            }
        });
        MenuItem finalizeCase = new MenuItem("Finalize case…");
        finalizeCase.setAccelerator(KeyCombination.keyCombination("Shortcut+Shift+F"));
        finalizeCase.setOnAction(e -> currentWorkspace().ifPresent(WorkspacePane::finalizeCase));
        MenuItem email = new MenuItem("E-mail the signed letter…");
        email.setOnAction(e -> currentCaseNumber().ifPresent(n ->
                new DeliveryActions(workbench, stage, hostServices).email(n)));
        MenuItem archive = new MenuItem("Archive case…");
        archive.setOnAction(e -> currentCaseNumber().ifPresent(n ->
                new DeliveryActions(workbench, stage, hostServices).archive(n, () -> {
                    caseList.refresh();
                    currentWorkspace().ifPresent(WorkspacePane::statusChanged);
                })));
        MenuItem saveSigned = new MenuItem("Save the signed letter…");
        saveSigned.setOnAction(e -> currentWorkspace().ifPresent(WorkspacePane::saveSignedLetter));
        MenuItem backup = new MenuItem("Back up the store…");
        backup.setOnAction(e -> backupNow());
        MenuItem addRecords = new MenuItem("Add record files…");
        addRecords.setAccelerator(KeyCombination.keyCombination("Shortcut+O"));
        addRecords.setOnAction(e -> currentWorkspace().ifPresent(WorkspacePane::addRecordFiles));
        MenuItem find = new MenuItem("Search the record");
        find.setAccelerator(KeyCombination.keyCombination("Shortcut+F"));
        find.setOnAction(e -> findInTab());
        MenuItem settings = new MenuItem("Settings…");
        settings.setAccelerator(KeyCombination.keyCombination("Shortcut+Comma"));
        settings.setOnAction(e -> new org.reviewdesk.ui.settings.SettingsDialog(stage, workbench).showAndWait());
        MenuItem verify = new MenuItem("Verify a signed PDF…");
        verify.setOnAction(e -> VerifyAction.run(stage, workbench));
        MenuItem lockNow = new MenuItem("Lock now");
        lockNow.setAccelerator(KeyCombination.keyCombination("Shortcut+Shift+L"));
        lockNow.setOnAction(e -> {
            if (idleLock != null) {
                idleLock.lock(true);
            }
        });
        MenuItem quit = new MenuItem("Quit");
        quit.setAccelerator(KeyCombination.keyCombination("Shortcut+Q"));
        quit.setOnAction(e -> {
            if (closeAllWorkspaces()) {
                stage.close();
            }
        });
        MenuItem exportLetter = new MenuItem("Export letter PDF…");
        exportLetter.setAccelerator(KeyCombination.keyCombination("Shortcut+E"));
        exportLetter.setOnAction(e -> currentWorkspace().ifPresentOrElse(WorkspacePane::exportPdf,
                () -> Toasts.show(stage, "Open a case first: the letter is exported from its workspace.")));
        MenuItem signLetter = new MenuItem("Sign & export letter…");
        signLetter.setAccelerator(KeyCombination.keyCombination("Shortcut+Shift+S"));
        signLetter.setOnAction(e -> currentWorkspace().ifPresent(WorkspacePane::signAndExport));
        // the keyboard's way to the status bar's Stop (kept out of the focus order there)
        MenuItem stopJob = new MenuItem("Stop the running job");
        stopJob.setId("stopJobMenu");
        // the job the menu offered when it opened: if it ended meanwhile, the one after it is not stopped instead
        java.util.concurrent.atomic.AtomicReference<Jobs.Job> offered = new java.util.concurrent.atomic.AtomicReference<>();
        stopJob.setOnAction(e -> {
            Jobs.Job j = offered.get();
            if (j != null && Jobs.active().contains(j)) {
                j.stop();
            }
        });
        Menu file = new Menu("_File", null, importCase, addRecords, save, closeTab, new SeparatorMenuItem(), exportLetter,
                signLetter, finalizeCase, saveSigned, email, archive, verify, new SeparatorMenuItem(), backup, stopJob,
                settings, new SeparatorMenuItem(), lockNow, quit);
        file.setOnShowing(e -> {
            offered.set(Jobs.stoppable().orElse(null));
            stopJob.setDisable(offered.get() == null);
        });
        MenuItem cases = new MenuItem("Case list");
        cases.setAccelerator(KeyCombination.keyCombination("Shortcut+L"));
        cases.setOnAction(e -> {
            tabs.getSelectionModel().select(0);
            // the keys go on in the list: Down and Enter (the focus stayed where it was, and Enter pressed Import…)
            javafx.application.Platform.runLater(caseList::focusList);
        });
        MenuItem audit = new MenuItem("Audit log");
        audit.setOnAction(e -> openAudit());
        // what a finalized case refuses is greyed out in the menus too
        javafx.beans.binding.BooleanBinding noEditableCase = javafx.beans.binding.Bindings.createBooleanBinding(
                () -> currentWorkspace().map(ws -> ws.readOnlyProperty().get()).orElse(true),
                tabs.getSelectionModel().selectedItemProperty(), readOnlyChanged);
        for (MenuItem m : java.util.List.of(addRecords, save, signLetter, finalizeCase)) {
            m.disableProperty().bind(noEditableCase);
        }
        icon(importCase, "mdi2f-file-document-outline");
        icon(addRecords, "mdi2f-file-plus-outline");
        icon(save, "mdi2c-content-save-outline");
        icon(exportLetter, "mdi2f-file-pdf-box");
        icon(signLetter, "mdi2f-file-sign");
        icon(finalizeCase, "mdi2l-lock-check-outline");
        icon(email, "mdi2e-email-outline");
        icon(archive, "mdi2a-archive-outline");
        icon(lockNow, "mdi2l-lock-outline");
        icon(find, "mdi2m-magnify");
        MenuItem popOut = new MenuItem("Record in its own window");
        popOut.setAccelerator(KeyCombination.keyCombination("Shortcut+Shift+R"));
        popOut.setOnAction(e -> currentWorkspace().ifPresent(WorkspacePane::popOutRecord));
        icon(popOut, "mdi2o-open-in-new");
        MenuItem fullScreen = new MenuItem("Read the record full screen");
        fullScreen.setAccelerator(KeyCombination.keyCombination("F11"));
        fullScreen.setOnAction(e -> currentWorkspace().ifPresent(WorkspacePane::fullScreenRecord));
        icon(fullScreen, "mdi2f-fullscreen");
        MenuItem previewWindow = new MenuItem("Letter preview in its own window");
        previewWindow.setOnAction(e -> currentWorkspace().ifPresent(WorkspacePane::popOutPreview));
        MenuItem findNext = new MenuItem("Next hit");
        findNext.setAccelerator(KeyCombination.keyCombination("F3"));
        findNext.setOnAction(e -> currentWorkspace().ifPresent(WorkspacePane::nextHit));
        MenuItem findPrevious = new MenuItem("Previous hit");
        findPrevious.setAccelerator(KeyCombination.keyCombination("Shift+F3"));
        findPrevious.setOnAction(e -> currentWorkspace().ifPresent(WorkspacePane::previousHit));
        MenuItem nextTab = keyNamed("Next open case", "Ctrl+Page Down", () -> switchTab(1));
        MenuItem previousTab = keyNamed("Previous open case", "Ctrl+Page Up", () -> switchTab(-1));
        Menu view = new Menu("_View", null, cases, nextTab, previousTab, find, audit, new SeparatorMenuItem(), popOut,
                fullScreen, previewWindow);
        view.getItems().add(menuItem("Dashboard", "dashboardMenu", org.reviewdesk.ui.precedent.Precedents::openDashboard));
        file.getItems().add(1, menuItem("Import published decisions…", "importDecisionsMenu", org.reviewdesk.ui.precedent.Precedents::importFolder));
        view.getItems().addAll(new SeparatorMenuItem(), themeMenu(), textSizeMenu());
        view.setId("viewMenu");
        // the builder's buttons from the keys, for the item being written (or the first undecided one)
        MenuItem draft = workspaceItem("Draft rationale", "Shortcut+D", "mdi2t-text-box-edit-outline",
                ws -> ws.itemAction("draft-"));
        MenuItem cite = workspaceItem("Cite guideline…", "Shortcut+G", "mdi2b-book-open-page-variant-outline",
                ws -> ws.itemAction("cite-"));
        MenuItem useSuggestion = workspaceItem("Use suggested decision", "Shortcut+U", "mdi2c-check-decagram-outline",
                ws -> ws.itemAction("useSuggestion-"));
        MenuItem nextItem = workspaceItem("Next item", "F8", "mdi2c-chevron-down", ws -> ws.goToItem(1));
        MenuItem previousItem = workspaceItem("Previous item", "Shift+F8", "mdi2c-chevron-up", ws -> ws.goToItem(-1));
        for (MenuItem m : java.util.List.of(draft, cite, useSuggestion)) {
            m.disableProperty().bind(noEditableCase);
        }
        Menu itemMenu = new Menu("_Item", null, draft, cite, useSuggestion, new SeparatorMenuItem(), nextItem,
                previousItem);
        itemMenu.setId("itemMenu");
        return new MenuBar(file, editMenu(findNext, findPrevious), view, itemMenu, helpMenu());
    }

    /** A menu item acting on the open case's workspace. */
    private MenuItem workspaceItem(String name, String keys, String icon, java.util.function.Consumer<WorkspacePane> action) {
        MenuItem m = new MenuItem(name);
        m.setAccelerator(KeyCombination.keyCombination(keys));
        m.setOnAction(e -> currentWorkspace().ifPresent(action));
        icon(m, icon);
        return m;
    }

    /** A menu item whose keys are handled by {@link #keys}, named in its text (no accelerator: not handled twice). */
    private static MenuItem keyNamed(String name, String keys, Runnable action) {
        MenuItem m = new MenuItem(name + "\t" + keys);
        m.setOnAction(e -> action.run());
        return m;
    }

    /** The next ({@code +1}) or previous ({@code -1}) tab: the case list and the open cases, round. */
    private void switchTab(int step) {
        int n = tabs.getTabs().size();
        if (n > 1) {
            int at = tabs.getSelectionModel().getSelectedIndex();
            tabs.getSelectionModel().select(Math.floorMod(at + step, n));
        }
    }

    /**
     * Keys the window's controls did not handle here: Ctrl+Page Down / Ctrl+Page Up (and Ctrl+Tab / Ctrl+Shift+Tab
     * outside a text area, where they leave the text) go to the next / previous open case, from wherever the focus
     * is (the tab pane only took them on its own headers, so nothing switched cases); Ctrl+Y redoes in a text as the
     * Edit menu says (on Linux only Ctrl+Shift+Z did).
     */
    private void keys(javafx.scene.input.KeyEvent e) {
        if (workbench == null || root.getCenter() != tabs || !e.isShortcutDown() || e.isAltDown()) {
            return;
        }
        javafx.scene.Node focus = stage.getScene().getFocusOwner();
        javafx.scene.input.KeyCode code = e.getCode();
        boolean tab = code == javafx.scene.input.KeyCode.TAB
                && !(focus instanceof javafx.scene.control.TextArea);
        if (code == javafx.scene.input.KeyCode.PAGE_DOWN && !e.isShiftDown() || tab && !e.isShiftDown()) {
            switchTab(1);
            e.consume();
        } else if (code == javafx.scene.input.KeyCode.PAGE_UP && !e.isShiftDown() || tab && e.isShiftDown()) {
            switchTab(-1);
            e.consume();
        } else if (code == javafx.scene.input.KeyCode.Y && !e.isShiftDown()
                && focus instanceof javafx.scene.control.TextInputControl t) {
            t.redo();
            e.consume();
        } else if ((code == javafx.scene.input.KeyCode.Z || code == javafx.scene.input.KeyCode.Y)
                && !(focus instanceof javafx.scene.control.TextInputControl)) {
            // outside a text: the case's choices (decision, category, checklist answers)
            boolean redo = code == javafx.scene.input.KeyCode.Y || e.isShiftDown();
            if (undoChoice(redo)) {
                e.consume();
            }
        }
    }

    /** Takes back (or makes again) the open case's last choice and says which; false when there was none. */
    private boolean undoChoice(boolean redo) {
        var ws = currentWorkspace();
        if (ws.isEmpty()) {
            return false;
        }
        String what = redo ? ws.get().redoChoice() : ws.get().undoChoice();
        Toasts.status(what == null ? (redo ? "Nothing to redo." : "Nothing to undo.")
                : (redo ? "Redone: " : "Undone: ") + what + ".");
        return what != null;
    }

    /** Ctrl+F: the open case's record search, or on the case list its case-number filter. */
    private void findInTab() {
        if (tabs.getSelectionModel().getSelectedIndex() == 0) {
            caseList.focusFilter();
        } else {
            currentWorkspace().ifPresent(WorkspacePane::focusSearch);
        }
    }

    /** The Edit menu: acts on the text field or area that has the focus. */
    private Menu editMenu(MenuItem findNext, MenuItem findPrevious) {
        MenuItem undo = textAction("Undo", "Shortcut+Z", "mdi2u-undo", javafx.scene.control.TextInputControl::undo);
        MenuItem redo = textAction("Redo", "Shortcut+Y", "mdi2r-redo", javafx.scene.control.TextInputControl::redo);
        MenuItem cut = textAction("Cut", "Shortcut+X", "mdi2c-content-cut", javafx.scene.control.TextInputControl::cut);
        MenuItem copy = textAction("Copy", "Shortcut+C", "mdi2c-content-copy",
                javafx.scene.control.TextInputControl::copy);
        MenuItem paste = textAction("Paste", "Shortcut+V", "mdi2c-content-paste",
                javafx.scene.control.TextInputControl::paste);
        MenuItem selectAll = textAction("Select all", "Shortcut+A", "mdi2s-select-all",
                javafx.scene.control.TextInputControl::selectAll);
        MenuItem find = new MenuItem("Find in the record…");
        find.setOnAction(e -> currentWorkspace().ifPresent(WorkspacePane::focusSearch));
        icon(find, "mdi2m-magnify");
        Menu edit = new Menu("_Edit", null, undo, redo, new SeparatorMenuItem(), cut, copy, paste, selectAll,
                new SeparatorMenuItem(), find, findNext, findPrevious);
        edit.setId("editMenu");
        return edit;
    }

    /**
     * A text action of the Edit menu. Its shortcut is the text control's own (no accelerator, so
     * the key is not handled twice); the menu shows it in the item's name.
     */
    private MenuItem textAction(String name, String keys, String icon,
                                java.util.function.Consumer<javafx.scene.control.TextInputControl> action) {
        MenuItem m = new MenuItem(name + "\t" + KeyCombination.keyCombination(keys).getDisplayText());
        m.setOnAction(e -> {
            if (stage.getScene().getFocusOwner() instanceof javafx.scene.control.TextInputControl t) {
                action.accept(t);
            } else if (name.equals("Undo") || name.equals("Redo")) {
                undoChoice(name.equals("Redo"));
            }
        });
        icon(m, icon);
        return m;
    }

    /** The Help menu: shortcuts, where the data is, version and licenses. */
    private Menu helpMenu() {
        MenuItem shortcuts = new MenuItem("Keyboard shortcuts");
        shortcuts.setId("shortcutsMenu");
        shortcuts.setAccelerator(KeyCombination.keyCombination("F1"));
        shortcuts.setOnAction(e -> HelpDialogs.shortcuts(stage));
        icon(shortcuts, "mdi2k-keyboard-outline");
        MenuItem data = new MenuItem("Where my data is…");
        data.setOnAction(e -> HelpDialogs.dataFolder(stage, workbench == null ? dataDir : workbench.dataDir()));
        icon(data, "mdi2f-folder-outline");
        MenuItem about = new MenuItem("About ReviewDesk (version, licenses)");
        about.setOnAction(e -> HelpDialogs.about(stage));
        icon(about, "mdi2i-information-outline");
        Menu help = new Menu("_Help", null, shortcuts, data, about);
        help.setId("helpMenu");
        return help;
    }

    private static void icon(MenuItem m, String literal) {
        m.setGraphic(Icons.icon(literal));
    }

    // ---- window state: size (window.properties), open case tabs and the split (encrypted store) ----

    private void rememberWindow() {
        WindowPlaces.remember(stage, "main");
    }

    private void rememberTabs() {
        rememberTabs(false);
    }

    private void rememberTabs(boolean now) {
        if (workbench == null || restoring) {
            return;
        }
        java.util.List<String> open = new java.util.ArrayList<>();
        for (Tab t : tabs.getTabs()) {
            if (t.getContent() instanceof WorkspacePane ws) {
                open.add(ws.caseNumber());
            }
        }
        String selected = currentWorkspace().map(WorkspacePane::caseNumber).orElse("");
        double split = currentWorkspace().map(WorkspacePane::splitPosition).orElse(-1.0);
        Workbench w = workbench;
        java.util.concurrent.Callable<Void> save = () -> {
            w.saveWindowState("openCases", String.join("\n", open));
            w.saveWindowState("selectedCase", selected);
            if (split > 0) {
                w.saveWindowState("split", Double.toString(split));
            }
            return null;
        };
        if (now) {
            try {
                save.call();
            } catch (Exception e) {
                // the tabs are not reopened next time; nothing else is lost
            }
        } else {
            Background.run(save, x -> { }, t -> { });
        }
    }

    private boolean restoring;

    private void restoreTabs() {
        Workbench w = workbench;
        Background.run(() -> new String[] {w.windowState("openCases").orElse(""),
                w.windowState("selectedCase").orElse(""), w.windowState("split").orElse("")}, state -> {
            java.util.Set<String> known = new java.util.HashSet<>();
            Background.run(() -> w.cases().list().stream().map(c -> c.caseNumber()).toList(), numbers -> {
                known.addAll(numbers);
                restoring = true;
                try {
                    for (String n : state[0].split("\n")) {
                        if (!n.isBlank() && known.contains(n)) {
                            openCase(n);
                        }
                    }
                    if (!state[2].isBlank()) {
                        try {
                            splitPosition = Double.parseDouble(state[2]);
                        } catch (NumberFormatException ignored) {
                            // the default split
                        }
                    }
                    for (Tab t : tabs.getTabs()) {
                        if (t.getContent() instanceof WorkspacePane ws) {
                            if (splitPosition > 0) {
                                // none saved (the window did not close normally): the pane's default, not the
                                // narrowest record (-1 read as 0.2 left the page 36 % of a 1280 px window)
                                ws.setSplitPosition(splitPosition);
                            }
                            if (ws.caseNumber().equals(state[1])) {
                                tabs.getSelectionModel().select(t);
                            }
                        }
                    }
                } finally {
                    restoring = false;
                }
            }, t -> { });
        }, t -> { });
    }

    private double splitPosition = -1;
    private final javafx.beans.property.LongProperty readOnlyChanged = new javafx.beans.property.SimpleLongProperty();

    /** View > Theme: light or dark, for every window at once, kept for the next start. */
    private static Menu themeMenu() {
        Menu menu = new Menu("Theme");
        menu.setId("themeMenu");
        javafx.scene.control.ToggleGroup group = new javafx.scene.control.ToggleGroup();
        for (Appearance.Theme t : Appearance.Theme.values()) {
            javafx.scene.control.RadioMenuItem r = new javafx.scene.control.RadioMenuItem(t.label());
            r.setId("theme-" + t.name().toLowerCase(java.util.Locale.ROOT));
            r.setToggleGroup(group);
            r.setSelected(Appearance.theme() == t);
            r.setOnAction(e -> Appearance.setTheme(t));
            menu.getItems().add(r);
        }
        return menu;
    }

    /** View > Text size: the text of every window, dialog and menu, 90 to 150 %, kept for the next start. */
    private static Menu textSizeMenu() {
        Menu menu = new Menu("Text size");
        menu.setId("textSizeMenu");
        javafx.scene.control.ToggleGroup group = new javafx.scene.control.ToggleGroup();
        for (int size : Appearance.SIZES) {
            javafx.scene.control.RadioMenuItem r = new javafx.scene.control.RadioMenuItem(size + " %"
                    + (size == 100 ? " (normal)" : ""));
            r.setId("textSize-" + size);
            r.setToggleGroup(group);
            r.setSelected(Appearance.textSize() == size);
            r.setOnAction(e -> Appearance.setTextSize(size));
            menu.getItems().add(r);
        }
        return menu;
    }

    private static MenuItem menuItem(String text, String id, Runnable action) {
        MenuItem m = new MenuItem(text);
        m.setId(id);
        m.setOnAction(e -> action.run());
        return m;
    }

    private java.util.Optional<WorkspacePane> currentWorkspace() {
        Tab t = tabs.getSelectionModel().getSelectedItem();
        return t != null && t.getContent() instanceof WorkspacePane ws ? java.util.Optional.of(ws)
                : java.util.Optional.empty();
    }

    private void backupNow() {
        javafx.stage.DirectoryChooser chooser = new javafx.stage.DirectoryChooser();
        chooser.setTitle("Back up the store to a folder");
        java.io.File dir = org.reviewdesk.ui.FilePicks.folder(chooser, stage);
        if (dir != null) {
            Jobs.start("Backing up the store", true, progress -> workbench.backup(dir.toPath(), 10, progress), file -> {
                javafx.scene.control.Alert a = new javafx.scene.control.Alert(
                        javafx.scene.control.Alert.AlertType.INFORMATION, "Written: " + file
                        + "\nThe backup is encrypted like the store; the newest 10 are kept in that folder.");
                a.initOwner(stage);
                a.setHeaderText("Backup written");
                a.showAndWait();
            }, t -> Dialogs.error(stage, "The backup failed", t),
                    () -> Toasts.show(stage, "The backup was stopped: it was not kept; earlier backups are as they "
                            + "were."));
        }
    }

    private java.util.Optional<String> currentCaseNumber() {
        Tab t = tabs.getSelectionModel().getSelectedItem();
        if (t != null && t.getContent() instanceof WorkspacePane) {
            return java.util.Optional.of((String) t.getUserData());
        }
        return java.util.Optional.empty();
    }

    private void openAudit() {
        for (Tab t : tabs.getTabs()) {
            if ("audit".equals(t.getUserData())) {
                tabs.getTabs().remove(t);
                break;
            }
        }
        Tab tab = new Tab("Audit log", new AuditView(workbench));
        tab.setUserData("audit");
        tabs.getTabs().add(tab);
        tabs.getSelectionModel().select(tab);
    }

    /**
     * The reviewer's own rules.json of the data folder, read now, before a case's builder suggests a category or
     * a checklist (the guideline library, which reads it too, loads later, in the background): without it, the
     * first case of a session was suggested with the shipped rules. A broken file is named in a dialog and the
     * shipped rules are used.
     */
    private void useOwnRules(Workbench w) {
        if (!java.nio.file.Files.exists(w.dataDir().resolve("rules.json"))) {
            return;
        }
        try {
            org.reviewdesk.guideline.RulesData.useDataFolder(w.dataDir());
        } catch (java.io.IOException | org.reviewdesk.guideline.GuidelineFormatException | RuntimeException e) {
            javafx.application.Platform.runLater(() -> Dialogs.error(stage, "Your rules.json could not be read; "
                    + "the shipped rules are used", e));
        }
    }

    private void openCaseAndSearch(String caseNumber, String query) {
        openCase(caseNumber);
        currentWorkspace().ifPresent(ws -> ws.search(query));
    }

    private void openCase(String caseNumber) {
        for (Tab t : tabs.getTabs()) {
            if (caseNumber.equals(t.getUserData())) {
                tabs.getSelectionModel().select(t);
                return;
            }
        }
        WorkspacePane pane = new WorkspacePane(workbench.cases(), workbench.letters(), workbench.records(),
                workbench.search(), workbench::guidelines, caseNumber, caseList::refresh);
        pane.storeReadOnly(workbench.readOnly());
        Tab tab = new Tab(caseNumber, pane);
        tab.setUserData(caseNumber);
        if (splitPosition > 0) {
            pane.setSplitPosition(splitPosition);
        }
        pane.readOnlyProperty().addListener((o, a, b) -> readOnlyChanged.set(readOnlyChanged.get() + 1));
        tab.setOnClosed(e -> pane.closeWindows());
        tab.setId("case-" + caseNumber);
        tab.setOnCloseRequest(e -> {
            if (!pane.confirmClose()) {
                e.consume();
            }
        });
        tabs.getTabs().add(tab);
        tabs.getSelectionModel().select(tab);
    }

    /** An import replaces the case: its open tab is closed without saving (the reviewer confirmed the loss). */
    private void caseReplaced(String caseNumber) {
        for (Tab t : java.util.List.copyOf(tabs.getTabs())) {
            if (caseNumber.equals(t.getUserData()) && t.getContent() instanceof WorkspacePane ws) {
                ws.discard();
                tabs.getTabs().remove(t);
            }
        }
    }

    private boolean closeAllWorkspaces() {
        for (Tab t : java.util.List.copyOf(tabs.getTabs())) {
            if (t.getContent() instanceof WorkspacePane ws) {
                tabs.getSelectionModel().select(t);
                if (!ws.confirmClose()) {
                    return false;
                }
            }
        }
        // asked last: a reviewer who keeps the window for a case's unsaved changes has stopped nothing
        return Jobs.confirmQuit(stage);
    }

    private javafx.concurrent.Task<java.nio.file.Path> dailyBackup;

    /** Closes the store; called when the application stops. */
    public void close() {
        rememberWindow();
        rememberTabs(true);
        if (idleLock != null) {
            idleLock.stop();
        }
        if (served != null) {
            // no command from another terminal may run on the store from here on
            try {
                served.close();
            } catch (Exception e) {
                // it stops taking commands whatever failed
            }
            served = null;
        }
        // an edit not yet autosaved is saved now, before the store closes (its timer fired after, on a closed store:
        // "The case could not be saved ... The object is already closed", and the typing was lost)
        for (Tab t : tabs.getTabs()) {
            if (t.getContent() instanceof WorkspacePane ws) {
                ws.saveBeforeTheStoreCloses();
            }
        }
        if (workbench != null) {
            try {
                if (dailyBackup != null && !dailyBackup.isDone()) {
                    // the daily backup is still copying: let it finish before the store closes
                    dailyBackup.get(10, java.util.concurrent.TimeUnit.MINUTES);
                }
            } catch (Exception e) {
                // it failed or took too long: the exit backup below is taken anyway
            }
            try {
                workbench.scheduledBackup(true);
            } catch (Exception e) {
                // the store closes anyway; the next start makes the daily backup
            }
            workbench.close();
            workbench = null;
        }
    }
}
