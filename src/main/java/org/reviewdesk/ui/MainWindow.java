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
        var screen = javafx.stage.Screen.getPrimary().getVisualBounds();
        Scene scene = new Scene(root, Math.min(1360, screen.getWidth()), Math.min(860, screen.getHeight()));
        stage.setScene(scene);
        stage.setTitle("ReviewDesk");
        stage.setOnCloseRequest(e -> {
            if (!closeAllWorkspaces()) {
                e.consume();
            }
        });
        stage.show();
    }

    private void unlocked(Workbench w) {
        this.workbench = w;
        caseList = new CaseListPane(w.cases(), w.search(), this::openCase, this::openCaseAndSearch);
        w.search().openInBackground();
        Tab casesTab = new Tab("Cases", caseList);
        casesTab.setClosable(false);
        casesTab.setId("casesTab");
        tabs.getTabs().setAll(casesTab);
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.ALL_TABS);
        root.setTop(menus());
        root.setCenter(tabs);
        Label where = new Label("Encrypted store: " + w.dataDir());
        where.getStyleClass().add("text-muted");
        HBox status = new HBox(where);
        status.setPadding(new Insets(4, 10, 4, 10));
        root.setBottom(status);
        caseList.refresh();
        idleLock = new IdleLock(stage.getScene(), root, w, javafx.util.Duration.seconds(idleSeconds()));
        Background.run(() -> w.scheduledBackup(false), f -> { }, t -> Dialogs.error(stage,
                "The daily backup failed", t));
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
        finalizeCase.setOnAction(e -> currentWorkspace().ifPresent(WorkspacePane::finalizeCase));
        MenuItem email = new MenuItem("E-mail the signed letter…");
        email.setOnAction(e -> currentCaseNumber().ifPresent(n ->
                new DeliveryActions(workbench, stage, hostServices).email(n)));
        MenuItem archive = new MenuItem("Archive case…");
        archive.setOnAction(e -> currentCaseNumber().ifPresent(n ->
                new DeliveryActions(workbench, stage, hostServices).archive(n, caseList::refresh)));
        MenuItem backup = new MenuItem("Back up the store…");
        backup.setOnAction(e -> backupNow());
        MenuItem addRecords = new MenuItem("Add record files…");
        addRecords.setAccelerator(KeyCombination.keyCombination("Shortcut+O"));
        addRecords.setOnAction(e -> currentWorkspace().ifPresent(WorkspacePane::addRecordFiles));
        MenuItem find = new MenuItem("Search the record");
        find.setAccelerator(KeyCombination.keyCombination("Shortcut+F"));
        find.setOnAction(e -> currentWorkspace().ifPresent(WorkspacePane::focusSearch));
        MenuItem settings = new MenuItem("Settings…");
        settings.setAccelerator(KeyCombination.keyCombination("Shortcut+Comma"));
        settings.setOnAction(e -> new org.reviewdesk.ui.settings.SettingsDialog(stage, workbench).showAndWait());
        MenuItem verify = new MenuItem("Verify a signed PDF…");
        verify.setOnAction(e -> VerifyAction.run(stage));
        MenuItem lockNow = new MenuItem("Lock now");
        lockNow.setAccelerator(KeyCombination.keyCombination("Shortcut+Shift+L"));
        lockNow.setOnAction(e -> {
            if (idleLock != null) {
                idleLock.lock();
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
        exportLetter.setOnAction(e -> currentWorkspace().ifPresent(WorkspacePane::exportPdf));
        MenuItem signLetter = new MenuItem("Sign & export letter…");
        signLetter.setAccelerator(KeyCombination.keyCombination("Shortcut+Shift+S"));
        signLetter.setOnAction(e -> currentWorkspace().ifPresent(WorkspacePane::signAndExport));
        Menu file = new Menu("_File", null, importCase, addRecords, save, closeTab, new SeparatorMenuItem(), exportLetter,
                signLetter, finalizeCase, email, archive, verify, new SeparatorMenuItem(), backup, settings, new SeparatorMenuItem(), lockNow, quit);
        MenuItem cases = new MenuItem("Case list");
        cases.setAccelerator(KeyCombination.keyCombination("Shortcut+L"));
        cases.setOnAction(e -> tabs.getSelectionModel().select(0));
        MenuItem audit = new MenuItem("Audit log");
        audit.setOnAction(e -> openAudit());
        Menu view = new Menu("_View", null, cases, find, audit);
        return new MenuBar(file, view);
    }

    private java.util.Optional<WorkspacePane> currentWorkspace() {
        Tab t = tabs.getSelectionModel().getSelectedItem();
        return t != null && t.getContent() instanceof WorkspacePane ws ? java.util.Optional.of(ws)
                : java.util.Optional.empty();
    }

    private void backupNow() {
        javafx.stage.DirectoryChooser chooser = new javafx.stage.DirectoryChooser();
        chooser.setTitle("Back up the store to a folder");
        java.io.File dir = chooser.showDialog(stage);
        if (dir != null) {
            Background.run(() -> workbench.backup(dir.toPath(), 10), file -> {
                javafx.scene.control.Alert a = new javafx.scene.control.Alert(
                        javafx.scene.control.Alert.AlertType.INFORMATION, "Written: " + file
                        + "\nThe backup is encrypted like the store; the newest 10 are kept in that folder.");
                a.initOwner(stage);
                a.setHeaderText("Backup written");
                a.showAndWait();
            }, t -> Dialogs.error(stage, "The backup failed", t));
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
        Tab tab = new Tab(caseNumber, pane);
        tab.setUserData(caseNumber);
        tab.setId("case-" + caseNumber);
        tab.setOnCloseRequest(e -> {
            if (!pane.confirmClose()) {
                e.consume();
            }
        });
        tabs.getTabs().add(tab);
        tabs.getSelectionModel().select(tab);
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
        return true;
    }

    /** Closes the store; called when the application stops. */
    public void close() {
        if (idleLock != null) {
            idleLock.stop();
        }
        if (workbench != null) {
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
