package dev.atrium.sdk.document;

/**
 * Options of a written PDF.
 *
 * @param watermark diagonal text on every page, or empty
 * @param pageNumbers whether to number pages
 * @since 0.1
 */
public record PdfOptions(String watermark, boolean pageNumbers) {

    /** Numbered pages, no watermark. */
    public static final PdfOptions DEFAULT = new PdfOptions("", true);

    /** Normalises the watermark. */
    public PdfOptions {
        watermark = watermark == null ? "" : watermark;
    }
}
