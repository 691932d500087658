package org.reviewdesk.letter;

import com.itextpdf.io.image.ImageDataFactory;
import com.itextpdf.kernel.colors.ColorConstants;
import com.itextpdf.kernel.colors.DeviceRgb;
import com.itextpdf.kernel.font.PdfFont;
import com.itextpdf.kernel.geom.PageSize;
import com.itextpdf.kernel.geom.Rectangle;
import com.itextpdf.kernel.pdf.DocumentProperties;
import com.itextpdf.kernel.pdf.PdfAConformance;
import com.itextpdf.kernel.pdf.PdfDocumentInfo;
import com.itextpdf.kernel.pdf.PdfOutputIntent;
import com.itextpdf.kernel.pdf.PdfPage;
import com.itextpdf.kernel.pdf.PdfString;
import com.itextpdf.kernel.pdf.PdfViewerPreferences;
import com.itextpdf.kernel.pdf.PdfWriter;
import com.itextpdf.kernel.pdf.WriterProperties;
import com.itextpdf.kernel.pdf.canvas.CanvasArtifact;
import com.itextpdf.kernel.pdf.canvas.PdfCanvas;
import com.itextpdf.kernel.pdf.tagging.StandardRoles;
import com.itextpdf.layout.Canvas;
import com.itextpdf.layout.Document;
import com.itextpdf.layout.borders.SolidBorder;
import com.itextpdf.layout.element.Cell;
import com.itextpdf.layout.element.Image;
import com.itextpdf.layout.element.Paragraph;
import com.itextpdf.layout.element.Table;
import com.itextpdf.layout.element.Text;
import com.itextpdf.layout.properties.TextAlignment;
import com.itextpdf.layout.properties.UnitValue;
import com.itextpdf.layout.properties.VerticalAlignment;
import com.itextpdf.pdfa.PdfADocument;
import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import org.reviewdesk.letter.LetterModel.Block;
import org.reviewdesk.letter.LetterModel.HeaderField;
import org.reviewdesk.letter.LetterModel.HeaderRow;
import org.reviewdesk.letter.LetterModel.ItemHeading;
import org.reviewdesk.letter.LetterModel.Run;
import org.reviewdesk.letter.LetterModel.SectionTitle;

/**
 * Lays a letter out as the real Final Determination Letters look (US Letter, 1 inch margins,
 * 12 pt serif body, 9 pt sans header table) and writes it as a tagged PDF/A-2b document.
 */
public final class LetterPdf {
    static final float MARGIN = 72f;
    static final float BODY_SIZE = 12f;
    static final float LEADING = 1.15f;
    static final float LINE = BODY_SIZE * LEADING;
    static final float TABLE_SIZE = 11f;
    static final float FOOTER_SIZE = 9f;
    private static final DeviceRgb LABEL_SHADE = new DeviceRgb(0xe0, 0xe0, 0xe0);
    static final float SIGNATURE_HEIGHT = 72f;
    static final float SIGNATURE_WIDTH = 360f;
    private static final byte[] SRGB = ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData();
    private static final DeviceRgb LETTERHEAD = new DeviceRgb(0x3a, 0x4a, 0x5c);

    private LetterPdf() {
    }

    /** A letterhead logo is drawn at most 160 x 40 points: a larger file or image is not a logo. */
    static final int MAX_LOGO_BYTES = 2 * 1024 * 1024;
    static final int MAX_LOGO_SIDE = 4000;

    /**
     * What keeps {@code image} from being a letterhead logo, in plain words, or null: not a PNG or JPEG, damaged,
     * too large a file or too many pixels (read from its header, without decoding it), or refused when drawn into
     * a letter (PDF/A, e.g. a PNG with an alpha channel).
     */
    public static String logoProblem(byte[] image) {
        String tooLarge = logoSizeProblem(image.length);
        if (tooLarge != null) {
            return tooLarge;
        }
        boolean png = image.length > 8 && (image[0] & 0xff) == 0x89 && image[1] == 'P' && image[2] == 'N'
                && image[3] == 'G';
        boolean jpeg = image.length > 3 && (image[0] & 0xff) == 0xff && (image[1] & 0xff) == 0xd8;
        if (!png && !jpeg) {
            return "the file is not a PNG or JPEG image";
        }
        var readers = javax.imageio.ImageIO.getImageReadersByFormatName(png ? "png" : "jpeg");
        javax.imageio.ImageReader reader = readers.next();
        try (var in = javax.imageio.ImageIO.createImageInputStream(new ByteArrayInputStream(image))) {
            reader.setInput(in, true, true);
            int w = reader.getWidth(0);
            int h = reader.getHeight(0);
            if (w > MAX_LOGO_SIDE || h > MAX_LOGO_SIDE) {
                return String.format(java.util.Locale.ROOT, "the image is %,d x %,d pixels; a letterhead logo is at "
                        + "most %,d pixels a side", w, h, MAX_LOGO_SIDE);
            }
            // bounded now: decoded whole, so that a cut-off file is not drawn half into every letter
            reader.read(0);
        } catch (java.io.IOException | RuntimeException e) {
            return "the image is damaged or cut off (it cannot be read)";
        } finally {
            reader.dispose();
        }
        try {
            render(new LetterModel("LOGO-CHECK", "Logo check", java.util.List.of(), java.util.List.of()), image);
        } catch (RuntimeException e) {
            return "it cannot be drawn into a letter (" + (e.getMessage() == null ? "unreadable image"
                    : e.getMessage()) + ")";
        }
        return null;
    }

    /** What is wrong with a logo file of {@code bytes} bytes, or null: larger than a letterhead logo can be. */
    public static String logoSizeProblem(long bytes) {
        return bytes <= MAX_LOGO_BYTES ? null : String.format(java.util.Locale.ROOT,
                "the file is %,d KB; a letterhead logo is at most %,d KB", bytes / 1024, MAX_LOGO_BYTES / 1024);
    }

    /** Renders the letter; {@code logo} (PNG or JPEG) is drawn in the letterhead when given. */
    public static RenderedLetter render(LetterModel letter, byte[] logo) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        PdfWriter writer = new PdfWriter(out, new WriterProperties().addXmpMetadata());
        PdfOutputIntent intent = new PdfOutputIntent("Custom", "", "http://www.color.org", "sRGB IEC61966-2.1",
                new ByteArrayInputStream(SRGB));
        PdfADocument pdf = new PdfADocument(writer, PdfAConformance.PDF_A_2B, intent, new DocumentProperties());
        pdf.setTagged();
        pdf.getCatalog().setLang(new PdfString("en-US"));
        pdf.getCatalog().setViewerPreferences(new PdfViewerPreferences().setDisplayDocTitle(true));
        PdfDocumentInfo info = pdf.getDocumentInfo();
        info.setTitle("IMR Final Determination " + letter.caseNumber());
        info.setSubject("Independent Medical Review final determination letter");
        info.setAuthor(letter.organizationName());
        info.setCreator("ReviewDesk");
        info.setKeywords("IMR; final determination; " + letter.caseNumber());

        PdfFont serif = LetterFonts.font(LetterFonts.SERIF);
        PdfFont serifBold = LetterFonts.font(LetterFonts.SERIF_BOLD);
        PdfFont sans = LetterFonts.font(LetterFonts.SANS);
        PdfFont sansBold = LetterFonts.font(LetterFonts.SANS_BOLD);

        Document doc = new Document(pdf, PageSize.LETTER, false);
        doc.setMargins(MARGIN, MARGIN, MARGIN, MARGIN);
        doc.setFont(serif).setFontSize(BODY_SIZE);

        if (!letter.header().isEmpty()) {
            doc.add(headerTable(letter, sans, sansBold));
        }
        for (int i = 0; i < letter.blocks().size(); i++) {
            Paragraph p = block(letter.blocks().get(i), serifBold, i == 0);
            boolean introOfSection = i > 0 && letter.blocks().get(i - 1) instanceof SectionTitle
                    && letter.blocks().get(i) instanceof LetterModel.Paragraph intro && intro.text().length() < 200;
            if (i == letter.blocks().size() - 1 || introOfSection) {
                p.setKeepWithNext(true);
            }
            doc.add(p);
        }
        SignatureSpace space = new SignatureSpace(SIGNATURE_HEIGHT);
        doc.add(space.element());

        int pages = pdf.getNumberOfPages();
        for (int i = 1; i <= pages; i++) {
            PdfPage page = pdf.getPage(i);
            footer(page, i, pages, sans);
            if (i == 1) {
                letterhead(page, letter.organizationName(), logo, sansBold);
            }
        }
        doc.close();
        return new RenderedLetter(out.toByteArray(), pages, space.box(SIGNATURE_WIDTH));
    }

    private static Table headerTable(LetterModel letter, PdfFont sans, PdfFont sansBold) {
        // the real letters' Word table: columns measured off their PDFs, label cells shaded
        Table t = new Table(UnitValue.createPointArray(new float[] {107.5f, 150.3f, 97.4f, 124.4f}));
        t.setWidth(UnitValue.createPointValue(479.6f));
        t.setFontSize(TABLE_SIZE);
        t.setMarginLeft(-5.4f);
        t.setMarginTop(20f);
        t.setMarginBottom(LINE);
        for (HeaderRow r : letter.header()) {
            headerCells(t, r.left(), 1, sans, sansBold);
            headerCells(t, r.right(), r.right() == null ? 2 : 1, sans, sansBold);
        }
        return t;
    }

    private static void headerCells(Table t, HeaderField f, int emptySpan, PdfFont sans, PdfFont sansBold) {
        if (f == null && emptySpan == 2) {
            t.addCell(style(new Cell(1, 2)).setBackgroundColor(LABEL_SHADE));
            return;
        }
        Cell label = style(new Cell()).setBackgroundColor(LABEL_SHADE)
                .add(new Paragraph(f == null ? "" : f.label()).setFont(sansBold).setMargin(0).setFixedLeading(11.9f));
        Cell value = style(new Cell())
                .add(new Paragraph(f == null ? "" : f.value()).setFont(sans).setMargin(0).setFixedLeading(11.9f));
        label.getAccessibilityProperties().setRole(StandardRoles.TH);
        t.addCell(label);
        t.addCell(value);
    }

    private static Cell style(Cell c) {
        c.setBorder(new SolidBorder(ColorConstants.BLACK, 0.5f)).setPaddingTop(0.6f).setPaddingBottom(0.4f)
                .setPaddingLeft(5.4f).setPaddingRight(5.4f).setVerticalAlignment(VerticalAlignment.TOP);
        return c;
    }

    private static Paragraph block(Block b, PdfFont bold, boolean first) {
        if (b instanceof SectionTitle s) {
            // Word's "6 pt before and after" of the real letters' headings, measured off their PDFs
            Paragraph p = new Paragraph(s.text()).setFont(bold).setTextAlignment(TextAlignment.CENTER)
                    .setMargin(0).setMarginTop(first ? 0 : 7f).setMarginBottom(6.6f).setFixedLeading(LINE)
                    .setKeepWithNext(true);
            p.getAccessibilityProperties().setRole(StandardRoles.H1);
            return p;
        }
        if (b instanceof ItemHeading h) {
            Paragraph p = new Paragraph().add(new Text(h.request()).setFont(bold)).add(new Text(" " + h.decision()))
                    .setMargin(0).setMarginBottom(LINE).setFixedLeading(LINE).setKeepWithNext(true);
            p.getAccessibilityProperties().setRole(StandardRoles.H2);
            return p;
        }
        LetterModel.Paragraph para = (LetterModel.Paragraph) b;
        Paragraph p = new Paragraph().setMargin(0).setMarginBottom(LINE).setFixedLeading(LINE);
        for (Run r : para.runs()) {
            Text t = new Text(r.text());
            if (r.bold()) {
                t.setFont(bold);
            }
            p.add(t);
        }
        return p;
    }

    private static void footer(PdfPage page, int number, int total, PdfFont sans) {
        PdfCanvas canvas = new PdfCanvas(page);
        canvas.openTag(new CanvasArtifact());
        Rectangle size = page.getPageSize();
        try (Canvas c = new Canvas(canvas, size)) {
            Paragraph p = new Paragraph("Page " + number + " of " + total).setFont(sans).setFontSize(FOOTER_SIZE)
                    .setMargin(0);
            p.getAccessibilityProperties().setRole(StandardRoles.ARTIFACT);
            c.showTextAligned(p, size.getWidth() / 2, 36f, TextAlignment.CENTER);
        }
        canvas.closeTag();
    }

    private static void letterhead(PdfPage page, String organization, byte[] logo, PdfFont sansBold) {
        PdfCanvas canvas = new PdfCanvas(page);
        canvas.openTag(new CanvasArtifact());
        Rectangle size = page.getPageSize();
        try (Canvas c = new Canvas(canvas, size)) {
            float right = size.getWidth() - MARGIN;
            if (logo != null) {
                Image img = new Image(ImageDataFactory.create(logo));
                img.scaleToFit(160f, 40f);
                img.setFixedPosition(right - img.getImageScaledWidth(), size.getHeight() - 26f
                        - img.getImageScaledHeight());
                img.getAccessibilityProperties().setRole(StandardRoles.ARTIFACT);
                c.add(img);
            } else {
                Paragraph p = new Paragraph(organization).setFont(sansBold).setFontSize(13f)
                        .setFontColor(LETTERHEAD).setMargin(0);
                p.getAccessibilityProperties().setRole(StandardRoles.ARTIFACT);
                c.showTextAligned(p, right, size.getHeight() - 48f, TextAlignment.RIGHT);
            }
        }
        canvas.closeTag();
        canvas.openTag(new CanvasArtifact());
        canvas.saveState().setStrokeColor(LETTERHEAD).setLineWidth(0.75f)
                .moveTo(MARGIN, size.getHeight() - 56f).lineTo(size.getWidth() - MARGIN, size.getHeight() - 56f)
                .stroke().restoreState();
        canvas.closeTag();
    }
}
