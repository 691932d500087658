package org.reviewdesk.ui;

import java.nio.file.Path;
import javafx.geometry.Insets;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/** The Help menu's dialogs: keyboard shortcuts, where the data is, version and licenses. */
final class HelpDialogs {
    /**
     * Every shortcut of the window, in the words of the menus, by what it is for: two columns (as one list of 29 rows
     * the dialog was taller than a 1280x800 screen). A row with no keys names a group.
     */
    static final String[][][] SHORTCUTS = {
        {
            {null, "Cases"},
            {"Ctrl+I", "Import a case file or packet"},
            {"Ctrl+L", "The case list (type a case number, Enter opens it)"},
            {"Ctrl+Page Down / Up", "Next / previous open case (also Ctrl+Tab)"},
            {"Ctrl+S", "Save (edits are also saved as you type)"},
            {"Ctrl+W", "Close the case"},
            {"Ctrl+E", "Export the unsigned letter"},
            {"Ctrl+Shift+S", "Sign & export the letter"},
            {"Ctrl+Shift+F", "Finalize the case"},
            {null, "Record"},
            {"Ctrl+O", "Add record files to the open case"},
            {"Ctrl+F", "Search the record"},
            {"Enter", "In the search box: search and open the first hit"},
            {"F3 / Shift+F3", "Next / previous hit, across pages and documents"},
            {"Down", "In the search box: recent searches"},
            {"Page Down / Page Up", "Next / previous page of the record"},
            {"Ctrl+Home / Ctrl+End", "First / last page"},
            {"Ctrl+T", "Show the page's text (to select an excerpt)"},
            {"Ctrl+Shift+E", "Keep the selected text as an excerpt"},
            {"Ctrl+plus / Ctrl+minus", "Zoom the page"},
            {"Ctrl+Shift+R", "The record in its own window"},
            {"F11", "Read the record full screen (Esc returns)"},
        },
        {
            {null, "Writing (the item you are in, or the first undecided)"},
            {"F8 / Shift+F8", "Next / previous disputed item (its rationale)"},
            {"Ctrl+D", "Draft the item's rationale"},
            {"Ctrl+G", "Cite a guideline in the item"},
            {"Ctrl+U", "Use the suggested decision"},
            {"Ctrl+Z / Ctrl+Y", "Undo / redo in a text"},
            {"", "elsewhere: the last decision, category or answer"},
            {"Ctrl+plus / minus / 0", "Zoom the letter preview (0: fit the width)"},
            {null, "Window"},
            {"Ctrl+Comma", "Settings"},
            {"Ctrl+Shift+L", "Lock the window now"},
            {"F1", "This list"},
            {"Ctrl+Q", "Quit"},
        },
    };

    private HelpDialogs() {
    }

    static void shortcuts(Window owner) {
        javafx.scene.layout.HBox columns = new javafx.scene.layout.HBox(36);
        for (String[][] column : SHORTCUTS) {
            GridPane grid = new GridPane();
            grid.setHgap(18);
            grid.setVgap(5);
            for (int i = 0; i < column.length; i++) {
                if (column[i][0] == null) {
                    Label group = new Label(column[i][1]);
                    group.getStyleClass().add("title-4");
                    group.setMinWidth(Label.USE_PREF_SIZE);
                    GridPane.setMargin(group, new Insets(i == 0 ? 0 : 10, 0, 2, 0));
                    grid.add(group, 0, i, 2, 1);
                    continue;
                }
                Label keys = new Label(column[i][0]);
                keys.getStyleClass().add("text-bold");
                keys.setMinWidth(Label.USE_PREF_SIZE);
                Label what = new Label(column[i][1]);
                what.setMinWidth(Label.USE_PREF_SIZE);
                grid.addRow(i, keys, what);
            }
            columns.getChildren().add(grid);
        }
        // a margin like the header's: the keys touched the dialog's left edge
        columns.setPadding(new Insets(8, 16, 8, 16));
        show(owner, "Keyboard shortcuts", "Keyboard shortcuts", columns, "shortcutsDialog");
    }

    static void dataFolder(Window owner, Path dataDir) {
        Label where = new Label(dataDir.toAbsolutePath().toString());
        where.setId("dataFolderPath");
        where.setWrapText(true);
        Label what = new Label("The encrypted store (cases, records, letters, audit log) and its daily backups "
                + "are in this folder. Everything is encrypted with your password; only the window positions and "
                + "the look chosen in View (theme, text size) are kept in window.properties, as plain numbers and "
                + "words.");
        what.setWrapText(true);
        what.setPrefWidth(460);
        VBox box = new VBox(8, where, what);
        show(owner, "Where my data is", "Data folder", box, "dataFolderDialog");
    }

    static void about(Window owner) {
        String version = HelpDialogs.class.getPackage().getImplementationVersion();
        TextArea licenses = new TextArea("ReviewDesk " + (version == null ? "(development build)" : version) + "\n\n"
                + "Built with: OpenJFX (GPL v2 with Classpath Exception), ControlsFX (BSD 3-Clause), AtlantaFX (MIT), "
                + "Ikonli and Material Design Icons (Apache 2.0; icons Apache 2.0 / Pictogrammers), H2 Database "
                + "(MPL 2.0 / EPL 1.0), Flyway (Apache 2.0), Jackson (Apache 2.0), iText (AGPL 3.0), Bouncy Castle "
                + "(MIT), Apache PDFBox (Apache 2.0), Apache Lucene (Apache 2.0), picocli (Apache 2.0), Eclipse Angus "
                + "Mail (EPL 2.0), Liberation fonts (SIL Open Font License 1.1), SCOWL word lists by Kevin Atkinson (free "
                + "to use with its notice).");
        licenses.setWrapText(true);
        licenses.setEditable(false);
        licenses.setPrefRowCount(8);
        licenses.setPrefColumnCount(48);
        show(owner, "About ReviewDesk", "ReviewDesk — Independent Medical Review determinations", licenses,
                "aboutDialog");
    }

    /** The help dialogs showing, by id: F1 again brings the open one forward (each press opened another copy). */
    private static final java.util.Map<String, Alert> OPEN = new java.util.HashMap<>();

    private static void show(Window owner, String title, String header, javafx.scene.Node content, String id) {
        Alert open = OPEN.get(id);
        if (open != null && open.isShowing()) {
            ((javafx.stage.Stage) open.getDialogPane().getScene().getWindow()).toFront();
            return;
        }
        Alert a = new Alert(Alert.AlertType.INFORMATION, "", ButtonType.OK);
        OPEN.put(id, a);
        a.setOnHidden(e -> OPEN.remove(id, a));
        a.initOwner(owner);
        a.setTitle(title);
        a.setHeaderText(header);
        a.getDialogPane().setContent(content);
        a.getDialogPane().setId(id);
        a.getDialogPane().setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        a.setResizable(true);
        a.show();
    }
}
