package dev.atrium.platform.models;

import dev.atrium.sdk.Media;
import dev.atrium.sdk.document.DocumentContent;
import dev.atrium.sdk.document.DocumentKit;
import dev.atrium.sdk.document.ExtractedDocument;
import dev.atrium.sdk.document.PdfOptions;
import dev.atrium.sdk.document.Workbook;
import java.util.function.Supplier;

/** A run's document kit, made on first use: most runs never touch documents, and making one looks up fonts. */
final class LazyDocumentKit implements DocumentKit {

    private final Supplier<DocumentKit> factory;
    private volatile DocumentKit kit;

    LazyDocumentKit(Supplier<DocumentKit> factory) {
        this.factory = factory;
    }

    @Override
    public ExtractedDocument read(Media document) {
        return kit().read(document);
    }

    @Override
    public Media writeDocx(String fileName, DocumentContent content) {
        return kit().writeDocx(fileName, content);
    }

    @Override
    public Media writePdf(String fileName, DocumentContent content, PdfOptions options) {
        return kit().writePdf(fileName, content, options);
    }

    @Override
    public Media writeXlsx(String fileName, Workbook workbook) {
        return kit().writeXlsx(fileName, workbook);
    }

    private DocumentKit kit() {
        DocumentKit made = kit;
        if (made == null) {
            synchronized (this) {
                made = kit;
                if (made == null) {
                    made = factory.get();
                    kit = made;
                }
            }
        }
        return made;
    }
}
