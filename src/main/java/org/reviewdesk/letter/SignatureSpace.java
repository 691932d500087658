package org.reviewdesk.letter;

import com.itextpdf.kernel.geom.Rectangle;
import com.itextpdf.kernel.pdf.tagging.StandardRoles;
import com.itextpdf.layout.element.Div;
import com.itextpdf.layout.renderer.DivRenderer;
import com.itextpdf.layout.renderer.DrawContext;
import com.itextpdf.layout.renderer.IRenderer;

/**
 * Empty space under the last paragraph for the visible signature. The last paragraph keeps with
 * it, so the signature never sits alone on a page; where it landed is known once it is drawn.
 */
final class SignatureSpace {
    private final Div div = new Div();
    private Rectangle drawnAt;
    private int page;
    private final float height;

    SignatureSpace(float height) {
        this.height = height;
        div.setHeight(height);
        div.setMarginTop(LetterPdf.LINE / 2);
        div.getAccessibilityProperties().setRole(StandardRoles.ARTIFACT);
        div.setNextRenderer(new Renderer(div));
    }

    Div element() {
        return div;
    }

    /** The box on its page, in PDF points; valid after the document is closed. */
    RenderedLetter.SignatureBox box(float width) {
        if (drawnAt == null) {
            throw new IllegalStateException("the signature space was not laid out");
        }
        return new RenderedLetter.SignatureBox(page, drawnAt.getX(), drawnAt.getY(), width, height);
    }

    private final class Renderer extends DivRenderer {
        Renderer(Div d) {
            super(d);
        }

        @Override
        public void draw(DrawContext ctx) {
            super.draw(ctx);
            drawnAt = getOccupiedAreaBBox();
            page = getOccupiedArea().getPageNumber();
        }

        @Override
        public IRenderer getNextRenderer() {
            return new Renderer((Div) modelElement);
        }
    }
}
