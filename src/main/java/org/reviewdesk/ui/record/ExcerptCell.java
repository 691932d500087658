package org.reviewdesk.ui.record;

import javafx.scene.control.ContextMenu;
import javafx.scene.control.ListCell;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import org.reviewdesk.domain.Evidence;

/** An excerpt: where it is from and the quote; its menu inserts it where it supports the letter. */
final class ExcerptCell extends ListCell<Evidence> {
    private final RecordPane pane;

    ExcerptCell(RecordPane pane) {
        this.pane = pane;
    }

    @Override
    protected void updateItem(Evidence e, boolean empty) {
        super.updateItem(e, empty);
        if (empty || e == null) {
            setText(null);
            setContextMenu(null);
            return;
        }
        String quote = e.quote().replaceAll("\\s+", " ");
        setText(pane.title(e.documentId()) + ", page " + e.page()
                + (e.itemIndex() == null ? "" : " · item " + (e.itemIndex() + 1))
                + "\n“" + (quote.length() > 140 ? quote.substring(0, 137) + "…" : quote) + "”"
                + (e.note() == null ? "" : "\nNote: " + e.note()));
        setWrapText(true);
        setPrefWidth(0);
        ContextMenu menu = new ContextMenu();
        MenuItem summary = new MenuItem("Insert into the clinical summary");
        summary.setOnAction(x -> pane.insert(e, -1));
        menu.getItems().add(summary);
        var names = pane.itemNames();
        for (int i = 0; i < names.size(); i++) {
            int item = i;
            MenuItem m = new MenuItem("Insert into the rationale of item " + (i + 1));
            m.setOnAction(x -> pane.insert(e, item));
            menu.getItems().add(m);
        }
        MenuItem remove = new MenuItem("Remove excerpt");
        remove.setOnAction(x -> pane.removeExcerpt(e));
        menu.getItems().addAll(new SeparatorMenuItem(), remove);
        setContextMenu(menu);
    }
}
