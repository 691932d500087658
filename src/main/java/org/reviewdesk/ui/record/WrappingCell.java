package org.reviewdesk.ui.record;

import javafx.scene.Node;
import javafx.scene.control.ListCell;

/**
 * A list cell whose graphic wraps within the width the list lays the cell out at: the record's lists stand in a
 * narrow column (about 120 px at 1280x800). Without this, a cell took its content's width (a horizontal scroll
 * bar, the column held wide) or its one-line height (the text cut off, or running into the next cell).
 */
abstract class WrappingCell<T> extends ListCell<T> {
    WrappingCell() {
        setPrefWidth(0);
    }

    /** The graphic's height at the width this cell is laid out at. */
    @Override
    protected double computePrefHeight(double width) {
        Node g = getGraphic();
        double w = width > 0 ? width : getWidth();
        if (g == null || w <= 0) {
            return super.computePrefHeight(width);
        }
        double inner = w - snappedLeftInset() - snappedRightInset();
        return snappedTopInset() + g.prefHeight(inner) + snappedBottomInset();
    }
}
