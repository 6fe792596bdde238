package dev.atrium.sdk.testkit;

import dev.atrium.sdk.CapabilityUnavailableException;
import dev.atrium.sdk.Media;
import dev.atrium.sdk.document.DocumentContent;
import dev.atrium.sdk.document.DocumentKit;
import dev.atrium.sdk.document.ExtractedDocument;
import dev.atrium.sdk.document.PdfOptions;
import dev.atrium.sdk.document.Workbook;

/** The harness's default document kit: the real one lives in the platform, so every call says how to pass one. */
final class UnavailableDocumentKit implements DocumentKit {

    static final String MESSAGE = "document kit is provided by the platform; pass one with .documents(kit)";

    @Override
    public ExtractedDocument read(Media document) {
        throw new CapabilityUnavailableException(MESSAGE);
    }

    @Override
    public Media writeDocx(String fileName, DocumentContent content) {
        throw new CapabilityUnavailableException(MESSAGE);
    }

    @Override
    public Media writePdf(String fileName, DocumentContent content, PdfOptions options) {
        throw new CapabilityUnavailableException(MESSAGE);
    }

    @Override
    public Media writeXlsx(String fileName, Workbook workbook) {
        throw new CapabilityUnavailableException(MESSAGE);
    }
}
