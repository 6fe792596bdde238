package dev.atrium.documents.internal;

import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.text.PDFTextStripper;

/**
 * PDFBox's text stripper run once over the whole document, cutting its output at page boundaries, so pages
 * are not re-parsed one call each. Checks the read's clock before every page.
 */
final class PageTextStripper extends PDFTextStripper {

    private final ReadBudget budget;
    private final StringWriter buffer = new StringWriter();
    private List<String> pages = List.of();
    private int mark;

    PageTextStripper(ReadBudget budget) {
        this.budget = budget;
    }

    /** The text of every page, in page order; a page without content is empty. */
    List<String> pageTexts(PDDocument document) throws IOException {
        pages = new ArrayList<>(Collections.nCopies(document.getNumberOfPages(), ""));
        writeText(document, buffer);
        return pages;
    }

    @Override
    protected void startPage(PDPage page) throws IOException {
        budget.checkTime();
        super.startPage(page);
        mark = buffer.getBuffer().length();
    }

    @Override
    protected void endPage(PDPage page) throws IOException {
        super.endPage(page);
        int index = getCurrentPageNo() - 1;
        if (index >= 0 && index < pages.size()) {
            pages.set(index, buffer.getBuffer().substring(mark));
        }
        // Pages are kept one by one; the shared buffer need not grow with the document.
        buffer.getBuffer().setLength(0);
        mark = 0;
    }
}
