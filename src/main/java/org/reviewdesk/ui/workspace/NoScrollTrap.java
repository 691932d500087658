package org.reviewdesk.ui.workspace;

import javafx.scene.Node;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.input.ScrollEvent;

/**
 * No nested scroll areas that trap the mouse wheel: a text area inside the workspace's scrolling
 * column passes the wheel on to the column when it has nothing of its own left to scroll.
 */
final class NoScrollTrap {
    private NoScrollTrap() {
    }

    static void install(Node n) {
        if (n instanceof TextArea t) {
            t.addEventFilter(ScrollEvent.SCROLL, e -> {
                ScrollPane inner = (ScrollPane) t.lookup(".scroll-pane");
                boolean canScroll = inner != null && inner.getContent() != null
                        && inner.getContent().getBoundsInLocal().getHeight() > inner.getViewportBounds().getHeight() + 1
                        && (e.getDeltaY() < 0 ? inner.getVvalue() < inner.getVmax() : inner.getVvalue() > inner.getVmin());
                if (!canScroll) {
                    ScrollPane outer = outer(t);
                    if (outer != null && outer.getContent() != null) {
                        double h = outer.getContent().getBoundsInLocal().getHeight()
                                - outer.getViewportBounds().getHeight();
                        if (h > 0) {
                            outer.setVvalue(Math.max(0, Math.min(1, outer.getVvalue() - e.getDeltaY() / h)));
                        }
                    }
                    e.consume();
                }
            });
        } else if (n instanceof javafx.scene.Parent p) {
            for (Node c : p.getChildrenUnmodifiable()) {
                install(c);
            }
        }
    }

    private static ScrollPane outer(Node n) {
        for (Node p = n.getParent(); p != null; p = p.getParent()) {
            if (p instanceof ScrollPane s && "editorScroll".equals(s.getId())) {
                return s;
            }
        }
        return null;
    }
}
