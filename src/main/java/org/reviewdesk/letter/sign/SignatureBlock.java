package org.reviewdesk.letter.sign;

import com.itextpdf.forms.form.element.SignatureFieldAppearance;
import com.itextpdf.io.font.FontMetrics;
import com.itextpdf.kernel.colors.DeviceGray;
import com.itextpdf.kernel.font.PdfFont;
import com.itextpdf.layout.borders.SolidBorder;
import com.itextpdf.layout.element.Div;
import com.itextpdf.layout.element.Paragraph;
import com.itextpdf.layout.properties.Property;
import com.itextpdf.layout.properties.UnitValue;
import com.itextpdf.signatures.SignerProperties;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The visible text block of a signature: its lines, and a font size that fits them into the rectangle. */
final class SignatureBlock {
    static final float MAX_FONT_SIZE = 10f;
    /** Below this a printed letter is no longer readable; refuse rather than print specks. */
    static final float MIN_FONT_SIZE = 5f;
    private static final float PADDING = 4f;
    private static final float BORDER = 0.75f;
    /** Multiplies the font's ascender-to-descender height, which is what iText's layout stacks per line. */
    private static final float LEADING = 1.15f;
    private static final DateTimeFormatter DATE =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z", Locale.US);

    private final List<String> lines;

    private SignatureBlock(List<String> lines) {
        this.lines = lines;
    }

    static SignatureBlock of(SignatureAppearance look, Instant signingTime, ZoneId zone) {
        return of(look, signingTime, zone, null);
    }

    /**
     * The block's lines; with a certificate fingerprint (SHA-256, colon-separated hex) it is printed in two
     * halves so a recipient can read it out and compare it with the reviewer's over the phone.
     */
    static SignatureBlock of(SignatureAppearance look, Instant signingTime, ZoneId zone, String fingerprint) {
        List<String> lines = new ArrayList<>();
        lines.add("Digitally signed by " + look.signerName());
        lines.add("Date: " + DATE.format(signingTime.atZone(displayZone(zone))));
        lines.add("Reason: " + look.reason());
        if (look.location() != null) {
            lines.add("Location: " + look.location());
        }
        if (fingerprint != null) {
            int half = fingerprint.length() / 2 + 1;
            lines.add("Certificate SHA-256: " + fingerprint.substring(0, half - 1));
            lines.add(fingerprint.substring(half));
        }
        return new SignatureBlock(List.copyOf(lines));
    }

    /** "UTC" reads better on a letter than the "Z" that ZoneOffset.UTC prints. */
    private static ZoneId displayZone(ZoneId zone) {
        return zone.equals(ZoneOffset.UTC) ? ZoneId.of("UTC") : zone;
    }

    List<String> lines() {
        return lines;
    }

    /**
     * The largest size up to 10 pt at which every line fits on one line inside the rectangle, or -1.
     * iText drops (does not shrink) lines that overflow a custom signature appearance, so this must be exact.
     */
    float fontSize(PdfFont font, float width, float height) {
        float inner = 2 * (PADDING + BORDER);
        FontMetrics metrics = font.getFontProgram().getFontMetrics();
        float lineHeightPerPoint = LEADING * (metrics.getAscender() - metrics.getDescender()) / 1000f;
        // The 0.97 leaves room for the layout engine's rounding so no line wraps or drops.
        float byHeight = 0.97f * (height - inner) / (lines.size() * lineHeightPerPoint);
        float size = Math.min(MAX_FONT_SIZE, byHeight);
        for (String line : lines) {
            float perPoint = font.getWidth(line, 1f);
            if (perPoint > 0) {
                size = Math.min(size, 0.97f * (width - inner) / perPoint);
            }
        }
        return size >= MIN_FONT_SIZE ? size : -1;
    }

    SignatureFieldAppearance appearance(PdfFont font, float size, String altText) {
        Div div = new Div().setWidth(UnitValue.createPercentValue(100));
        for (String line : lines) {
            div.add(new Paragraph(line).setFont(font).setFontSize(size).setMargin(0)
                    .setMultipliedLeading(LEADING));
        }
        SignatureFieldAppearance appearance = new SignatureFieldAppearance(SignerProperties.IGNORED_ID);
        appearance.setContent(div);
        appearance.setFont(font).setFontSize(size);
        // DeviceGray is allowed in PDF/A with any output intent, unlike DeviceRGB with a CMYK one.
        appearance.setBorder(new SolidBorder(new DeviceGray(0.45f), BORDER));
        // Set explicitly: the field's own default padding (2 pt) would otherwise add to the height needed.
        for (int side : new int[] {Property.PADDING_TOP, Property.PADDING_RIGHT, Property.PADDING_BOTTOM,
                Property.PADDING_LEFT}) {
            appearance.setProperty(side, UnitValue.createPointValue(PADDING));
        }
        appearance.setFontColor(DeviceGray.BLACK);
        appearance.getAccessibilityProperties().setAlternateDescription(altText);
        return appearance;
    }
}
