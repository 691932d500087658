package org.reviewdesk.ui.record;

import java.awt.image.BufferedImage;
import javafx.scene.image.Image;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;

/** Turns page images rendered off the FX thread into JavaFX images. */
public final class PageView {
    private PageView() {
    }

    public static Image toFx(BufferedImage img) {
        WritableImage fx = new WritableImage(img.getWidth(), img.getHeight());
        int w = img.getWidth();
        int[] row = new int[w];
        var pw = fx.getPixelWriter();
        for (int y = 0; y < img.getHeight(); y++) {
            img.getRGB(0, y, w, 1, row, 0, w);
            pw.setPixels(0, y, w, 1, PixelFormat.getIntArgbInstance(), row, 0, w);
        }
        return fx;
    }
}
