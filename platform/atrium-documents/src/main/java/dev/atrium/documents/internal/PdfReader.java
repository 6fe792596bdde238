package dev.atrium.documents.internal;

import dev.atrium.sdk.BadInputException;
import dev.atrium.sdk.document.ExtractedDocument;
import java.io.IOException;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.rendering.PDFRenderer;

/**
 * Reads a PDF's text layer, one section per page ("Page 1", "Page 2", …). Pages with (almost) no text that
 * still show an image go through the {@link ScannedPageReader}.
 */
public final class PdfReader {

    // Fewer visible characters than this on a page with an image means a scan with, at most, a stamp or page number.
    private static final int SCANNED_BELOW_CHARS = 16;

    private final ScannedPageReader scannedPages;

    /** Reads with this reader for scanned pages. */
    public PdfReader(ScannedPageReader scannedPages) {
        this.scannedPages = scannedPages;
    }

    /** Extracts the text of every page. */
    public ExtractedDocument read(byte[] content, String name, ReadBudget budget) throws IOException {
        try (PDDocument document = Loader.loadPDF(content)) {
            int pages = document.getNumberOfPages();
            int maxPages = budget.limits().maxPdfPages();
            if (pages > maxPages) {
                throw new BadInputException(String.format(
                        "'%s' has %,d pages; at most %,d are read at once, so split it into smaller files",
                        name, pages, maxPages));
            }
            List<String> texts = new PageTextStripper(budget).pageTexts(document);
            SectionBuilder out = new SectionBuilder(budget);
            PDFRenderer renderer = null;
            for (int i = 0; i < pages; i++) {
                budget.checkTime();
                String text = texts.get(i).strip();
                String note = "";
                PDPage page = document.getPage(i);
                if (visibleChars(text) < SCANNED_BELOW_CHARS && scannedPages.showsSomething(page)) {
                    if (renderer == null) {
                        renderer = new PDFRenderer(document);
                    }
                    ScannedPageReader.Outcome ocr = scannedPages.read(renderer, page, i);
                    if (ocr.text().length() > text.length()) {
                        text = ocr.text();
                    }
                    note = ocr.note();
                }
                String forDocument = note.isEmpty() ? text : text.isEmpty() ? note : text + "\n" + note;
                out.section("Page " + (i + 1), 0, text, forDocument);
            }
            return out.build(pages);
        } catch (InvalidPasswordException e) {
            throw new BadInputException(null, "'" + name
                    + "' is encrypted with a password; remove the password and try again", e);
        }
    }

    private static int visibleChars(String text) {
        int count = 0;
        for (int i = 0; i < text.length(); i++) {
            if (!Character.isWhitespace(text.charAt(i))) {
                count++;
            }
        }
        return count;
    }
}
