package dev.atrium.documents.internal;

import dev.atrium.sdk.BadInputException;
import java.awt.Color;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.state.RenderingMode;

/**
 * The fonts of a written PDF. With WenQuanYi Zen Hei installed every page uses it, embedded as a subset, for
 * Latin and CJK alike; it has no bold face, so bold is drawn by stroking the glyph outlines too. Without it,
 * Helvetica is used and text that needs CJK glyphs is refused; other characters a font lacks print as "?".
 */
final class PdfFonts implements Closeable {

    static final String CJK_FONT_NAME = "WenQuanYiZenHei";

    private final PDFont regular;
    private final PDFont bold;
    private final boolean strokedBold;
    private final TrueTypeCollection collection;
    private final Map<Integer, Boolean> encodable = new HashMap<>();

    private PdfFonts(PDFont regular, PDFont bold, boolean strokedBold, TrueTypeCollection collection) {
        this.regular = regular;
        this.bold = bold;
        this.strokedBold = strokedBold;
        this.collection = collection;
    }

    /** Loads the CJK font when there is one, else the standard Latin fonts. Close after the document is saved. */
    static PdfFonts load(PDDocument document, Optional<Path> cjkFont) throws IOException {
        if (cjkFont.isPresent()) {
            TrueTypeCollection collection = new TrueTypeCollection(cjkFont.get().toFile());
            try {
                TrueTypeFont font = collection.getFontByName(CJK_FONT_NAME);
                if (font != null) {
                    PDType0Font type0 = PDType0Font.load(document, font, true);
                    return new PdfFonts(type0, type0, true, collection);
                }
            } catch (IOException | RuntimeException e) {
                collection.close();
                throw e;
            }
            collection.close();
        }
        return new PdfFonts(new PDType1Font(Standard14Fonts.FontName.HELVETICA),
                new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD), false, null);
    }

    /** The text with every character the font cannot show replaced; fails for CJK text without a CJK font. */
    String printable(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            if (cp == '\t') {
                out.append("    ");
            } else if (Character.isISOControl(cp) || cp == 0xFEFF) {
                return;
            } else if (canShow(cp)) {
                out.appendCodePoint(cp);
            } else if (needsCjkFont(cp)) {
                throw new BadInputException("the text contains Chinese, Japanese or Korean characters, but no CJK font"
                        + " is installed to write them into a PDF (install the fonts-wqy-zenhei package)");
            } else {
                out.append('?');
            }
        });
        return out.toString();
    }

    /** The regular face, for callers that set up the text state themselves. */
    PDFont regularFont() {
        return regular;
    }

    /** Width of printable text in points. */
    float width(String text, boolean boldFace, float size) {
        try {
            return (boldFace ? bold : regular).getStringWidth(text) / 1000f * size;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Draws one line of printable text with its baseline at {@code y}. */
    void draw(PDPageContentStream stream, String text, boolean boldFace, float size, float x, float y, Color color)
            throws IOException {
        stream.beginText();
        stream.setFont(boldFace ? bold : regular, size);
        stream.setNonStrokingColor(color);
        if (boldFace && strokedBold) {
            stream.setRenderingMode(RenderingMode.FILL_STROKE);
            stream.setStrokingColor(color);
            stream.setLineWidth(size * 0.035f);
        }
        stream.newLineAtOffset(x, y);
        stream.showText(text);
        if (boldFace && strokedBold) {
            stream.setRenderingMode(RenderingMode.FILL);
        }
        stream.endText();
    }

    private boolean canShow(int codePoint) {
        return encodable.computeIfAbsent(codePoint, cp -> {
            try {
                regular.encode(new String(Character.toChars(cp)));
                bold.encode(new String(Character.toChars(cp)));
                return true;
            } catch (IOException | IllegalArgumentException e) {
                return false;
            }
        });
    }

    private static boolean needsCjkFont(int codePoint) {
        Character.UnicodeScript script = Character.UnicodeScript.of(codePoint);
        return script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
                || script == Character.UnicodeScript.KATAKANA || script == Character.UnicodeScript.HANGUL
                || script == Character.UnicodeScript.BOPOMOFO
                || codePoint >= 0x3000 && codePoint <= 0x303F || codePoint >= 0xFF00 && codePoint <= 0xFFEF;
    }

    @Override
    public void close() throws IOException {
        if (collection != null) {
            collection.close();
        }
    }
}
