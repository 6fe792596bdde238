package dev.atrium.documents.internal;

import dev.atrium.sdk.document.Block;
import dev.atrium.sdk.document.DocumentContent;
import dev.atrium.sdk.document.PdfOptions;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Calendar;
import java.util.Deque;
import java.util.Optional;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PageMode;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDPageXYZDestination;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDDocumentOutline;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineNode;

/**
 * Writes {@link DocumentContent} as an A4 PDF with a searchable text layer: title, headings (also as
 * bookmarks), wrapped paragraphs, bullet lists and tables, then header, footer, page numbers and watermark on
 * every page. CJK text needs the WenQuanYi Zen Hei font file.
 */
public final class PdfWriter {

    private final Optional<Path> cjkFont;

    /** Writes with this CJK font collection, or with Latin fonts only when empty. */
    public PdfWriter(Optional<Path> cjkFont) {
        this.cjkFont = cjkFont;
    }

    /** The document as PDF bytes. */
    public byte[] write(DocumentContent content, PdfOptions options) throws IOException {
        try (PDDocument document = new PDDocument(); PdfFonts fonts = PdfFonts.load(document, cjkFont)) {
            PdfPageFlow flow = new PdfPageFlow(document, fonts);
            PdfTableLayout tables = new PdfTableLayout(flow);
            if (!content.title().isBlank()) {
                flow.title(content.title());
            }
            for (Block block : content.blocks()) {
                if (block instanceof Block.Heading heading) {
                    flow.heading(heading.level(), heading.text());
                } else if (block instanceof Block.Paragraph paragraph) {
                    flow.paragraph(paragraph.text());
                } else if (block instanceof Block.BulletList list) {
                    flow.bullets(list.items());
                } else if (block instanceof Block.TableBlock table) {
                    tables.draw(table.table());
                }
            }
            flow.close();
            new PdfPageDecorations(fonts, content.header(), content.footer(), options.watermark(),
                    options.pageNumbers()).apply(document);
            outline(document, flow);
            information(document, content);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        }
    }

    /** Bookmarks for the title and headings, nested by level, so viewers show a table of contents. */
    private static void outline(PDDocument document, PdfPageFlow flow) {
        if (flow.marks().isEmpty()) {
            return;
        }
        PDDocumentOutline outline = new PDDocumentOutline();
        Deque<PDOutlineNode> parents = new ArrayDeque<>();
        Deque<Integer> levels = new ArrayDeque<>();
        parents.push(outline);
        levels.push(-1);
        for (PdfPageFlow.Mark mark : flow.marks()) {
            while (levels.peek() >= mark.level()) {
                parents.pop();
                levels.pop();
            }
            PDOutlineItem item = new PDOutlineItem();
            item.setTitle(mark.text());
            PDPageXYZDestination destination = new PDPageXYZDestination();
            destination.setPage(mark.page());
            destination.setTop(Math.round(mark.y()));
            item.setDestination(destination);
            parents.peek().addLast(item);
            parents.push(item);
            levels.push(mark.level());
        }
        outline.openNode();
        document.getDocumentCatalog().setDocumentOutline(outline);
        document.getDocumentCatalog().setPageMode(PageMode.USE_OUTLINES);
    }

    private static void information(PDDocument document, DocumentContent content) {
        PDDocumentInformation information = document.getDocumentInformation();
        if (!content.title().isBlank()) {
            information.setTitle(content.title());
        }
        information.setCreator("Atrium");
        information.setCreationDate(Calendar.getInstance());
    }
}
