package dev.atrium.platform.models;

import dev.atrium.sdk.CapabilityUnavailableException;
import dev.atrium.sdk.Media;
import dev.atrium.sdk.document.DocumentContent;
import dev.atrium.sdk.document.DocumentKit;
import dev.atrium.sdk.document.ExtractedDocument;
import dev.atrium.sdk.document.PdfOptions;
import dev.atrium.sdk.document.Workbook;
import org.springframework.stereotype.Component;

/** The document kit until the POI/PDFBox implementation lands: every call says it is not available. */
@Component
public class UnavailableDocumentKit implements DocumentKit {

    private static final String REASON = "the document kit is not available on this installation yet";

    @Override
    public ExtractedDocument read(Media document) {
        throw new CapabilityUnavailableException(REASON);
    }

    @Override
    public Media writeDocx(String fileName, DocumentContent content) {
        throw new CapabilityUnavailableException(REASON);
    }

    @Override
    public Media writePdf(String fileName, DocumentContent content, PdfOptions options) {
        throw new CapabilityUnavailableException(REASON);
    }

    @Override
    public Media writeXlsx(String fileName, Workbook workbook) {
        throw new CapabilityUnavailableException(REASON);
    }
}
