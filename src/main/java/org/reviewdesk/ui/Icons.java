package org.reviewdesk.ui;

import javafx.scene.control.Button;
import javafx.scene.control.Tooltip;
import org.kordamp.ikonli.javafx.FontIcon;

/** Material Design icons (Ikonli) for toolbar buttons and menu items. */
public final class Icons {
    private Icons() {
    }

    /** An icon by its Ikonli literal, e.g. {@code mdi2m-magnify}. */
    public static FontIcon icon(String literal) {
        FontIcon i = new FontIcon(literal);
        i.setIconSize(16);
        i.getStyleClass().add("rd-icon");
        return i;
    }

    /** An icon-only button; the tooltip names the action and its shortcut. */
    public static Button button(String literal, String tooltip) {
        Button b = new Button();
        b.setGraphic(icon(literal));
        b.setTooltip(new Tooltip(tooltip));
        b.setAccessibleText(tooltip);
        b.setMinWidth(Button.USE_PREF_SIZE);
        return b;
    }
}
