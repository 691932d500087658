package org.reviewdesk.ui;

import java.io.File;
import javafx.stage.Window;
import org.testfx.api.FxRobot;

/** With -Dreviewdesk.screenshots=DIR: a window test's window saved as DIR/NAME.png, to be looked at. */
final class Shots {
    private Shots() {
    }

    static void save(Window window, String name) {
        String dir = System.getProperty("reviewdesk.screenshots");
        if (dir == null) {
            return;
        }
        new FxRobot().interact(() -> {
            try {
                var img = window.getScene().snapshot(null);
                int w = (int) img.getWidth();
                int h = (int) img.getHeight();
                var buf = new java.awt.image.BufferedImage(w, h, java.awt.image.BufferedImage.TYPE_INT_ARGB);
                var px = img.getPixelReader();
                for (int y = 0; y < h; y++) {
                    for (int x = 0; x < w; x++) {
                        buf.setRGB(x, y, px.getArgb(x, y));
                    }
                }
                javax.imageio.ImageIO.write(buf, "png", new File(dir, name + ".png"));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }
}
