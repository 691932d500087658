package org.reviewdesk.ui.record;

import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.layout.VBox;
import org.reviewdesk.domain.Evidence;

/** An excerpt: where it is from and the quote; its menu inserts it where it supports the letter. */
final class ExcerptCell extends WrappingCell<Evidence> {
    private final RecordPane pane;

    ExcerptCell(RecordPane pane) {
        this.pane = pane;
    }

    @Override
    protected void updateItem(Evidence e, boolean empty) {
        super.updateItem(e, empty);
        if (empty || e == null) {
            setText(null);
            setGraphic(null);
            setContextMenu(null);
            return;
        }
        String quote = e.quote().replaceAll("\\s+", " ");
        Label where = new Label(pane.title(e.documentId()) + ", page " + e.page()
                + (e.itemIndex() == null ? "" : " · item " + (e.itemIndex() + 1)));
        where.getStyleClass().add("text-bold");
        Label said = new Label("“" + (quote.length() > 240 ? quote.substring(0, 237) + "…" : quote) + "”");
        VBox box = new VBox(1, where, said);
        if (e.note() != null && !e.note().isBlank()) {
            Label note = new Label("Note: " + e.note());
            note.getStyleClass().add("text-muted");
            box.getChildren().add(note);
        }
        // wrapped at the width the list lays the cell out at (WrappingCell): as one wrapping text the
        // cell stayed one line high and showed only the document's title, cut off
        for (javafx.scene.Node n : box.getChildren()) {
            Label l = (Label) n;
            l.setWrapText(true);
            l.setMaxWidth(Double.MAX_VALUE);
            l.setMinHeight(Label.USE_PREF_SIZE);
        }
        setText(null);
        setGraphic(box);
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
        // a finalized case: the excerpt shows where it is from; it neither goes into the letter nor away
        menu.getItems().forEach(m -> m.setDisable(pane.isReadOnly()));
        setContextMenu(menu);
    }
}
