package dev.atrium.documents;

import dev.atrium.documents.internal.CjkFontLocator;
import dev.atrium.documents.internal.CsvReader;
import dev.atrium.documents.internal.DocumentFormat;
import dev.atrium.documents.internal.DocxReader;
import dev.atrium.documents.internal.DocxWriter;
import dev.atrium.documents.internal.FormatSniffer;
import dev.atrium.documents.internal.MarkdownReader;
import dev.atrium.documents.internal.PdfReader;
import dev.atrium.documents.internal.PdfWriter;
import dev.atrium.documents.internal.ReadBudget;
import dev.atrium.documents.internal.ScannedPageReader;
import dev.atrium.documents.internal.SheetReader;
import dev.atrium.documents.internal.SubtitleReader;
import dev.atrium.documents.internal.TextDecoder;
import dev.atrium.documents.internal.XlsxWriter;
import dev.atrium.sdk.BadInputException;
import dev.atrium.sdk.Media;
import dev.atrium.sdk.SkillException;
import dev.atrium.sdk.document.DocumentContent;
import dev.atrium.sdk.document.DocumentKit;
import dev.atrium.sdk.document.ExtractedDocument;
import dev.atrium.sdk.document.PdfOptions;
import dev.atrium.sdk.document.Workbook;
import dev.atrium.sdk.model.OcrResult;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiFunction;
import org.apache.poi.EncryptedDocumentException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link DocumentKit} on Apache POI, PDFBox and Commons CSV. Reads PDF (scanned pages through an optional
 * OCR callback), DOCX, XLSX, XLS, CSV/TSV, WebVTT, SRT, Markdown and plain text within {@link DocumentLimits};
 * writes DOCX, XLSX and PDF (CJK text with the {@code fonts-wqy-zenhei} font). Thread-safe; calls block.
 */
public final class OfficeDocumentKit implements DocumentKit {

    /** Media type of written Word documents. */
    public static final String DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    /** Media type of written Excel workbooks. */
    public static final String XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    /** Media type of written PDFs. */
    public static final String PDF_TYPE = "application/pdf";

    private static final Logger LOG = LoggerFactory.getLogger(OfficeDocumentKit.class);

    private final DocumentLimits limits;
    private final FormatSniffer sniffer = new FormatSniffer();
    private final TextDecoder decoder = new TextDecoder();
    private final PdfReader pdfReader;
    private final DocxReader docxReader = new DocxReader();
    private final SheetReader sheetReader = new SheetReader();
    private final CsvReader csvReader = new CsvReader();
    private final SubtitleReader subtitleReader = new SubtitleReader();
    private final MarkdownReader markdownReader = new MarkdownReader();
    private final DocxWriter docxWriter = new DocxWriter();
    private final XlsxWriter xlsxWriter = new XlsxWriter();
    private final PdfWriter pdfWriter;

    /** Default limits, no OCR: scanned PDF pages read as empty, with a note. */
    public OfficeDocumentKit() {
        this(DocumentLimits.DEFAULTS, null);
    }

    /**
     * Given limits; scanned PDF pages go to {@code ocr} (for instance {@code modelGateway::ocr}) with the OCR
     * engine's default languages, or are left empty with a note when {@code ocr} is {@code null}.
     */
    public OfficeDocumentKit(DocumentLimits limits, BiFunction<Media, List<String>, OcrResult> ocr) {
        this(limits, ocr, List.of());
    }

    /** Given limits, OCR callback (may be {@code null}) and OCR languages such as {@code eng}, {@code chi_sim}. */
    public OfficeDocumentKit(DocumentLimits limits, BiFunction<Media, List<String>, OcrResult> ocr,
                             List<String> ocrLanguages) {
        this(limits, ocr, ocrLanguages, CjkFontLocator.find());
    }

    /** Given everything, including the CJK font file to embed in PDFs (empty: Latin fonts only). */
    OfficeDocumentKit(DocumentLimits limits, BiFunction<Media, List<String>, OcrResult> ocr,
                      List<String> ocrLanguages, Optional<Path> cjkFont) {
        this.limits = Objects.requireNonNull(limits, "limits");
        this.pdfReader = new PdfReader(new ScannedPageReader(ocr, ocrLanguages));
        this.pdfWriter = new PdfWriter(cjkFont);
        if (cjkFont.isEmpty()) {
            LOG.warn("no CJK font found (install fonts-wqy-zenhei): PDFs with Chinese, Japanese or Korean text"
                    + " cannot be written");
        }
    }

    @Override
    public ExtractedDocument read(Media document) {
        Objects.requireNonNull(document, "document");
        String name = document.name();
        byte[] content = content(document);
        DocumentFormat format = sniffer.detect(name, document.mediaType(), content);
        ReadBudget budget = new ReadBudget(limits);
        try {
            return switch (format) {
                case PDF -> pdfReader.read(content, name, budget);
                case DOCX -> docxReader.read(content, budget);
                case XLSX, XLS -> sheetReader.read(content, budget);
                case CSV, TSV -> csvReader.read(text(document, content), name, format == DocumentFormat.TSV, budget);
                case VTT, SRT -> subtitleReader.read(text(document, content), name, format == DocumentFormat.VTT,
                        budget);
                case MARKDOWN -> markdownReader.readMarkdown(text(document, content), budget);
                case TEXT -> markdownReader.readPlain(text(document, content), budget);
            };
        } catch (SkillException e) {
            throw e;
        } catch (EncryptedDocumentException e) {
            throw new BadInputException(null, "'" + name
                    + "' is password-protected; remove the password and try again", e);
        } catch (IOException e) {
            if (String.valueOf(e.getMessage()).contains("Zip bomb")) {
                throw new BadInputException(null, "'" + name + "' unpacks to far more data than a document of its size"
                        + " should (a zip bomb?), so it was not read", e);
            }
            LOG.debug("cannot read {} as {}", name, format, e);
            throw damaged(name, format, e);
        } catch (RuntimeException | StackOverflowError e) {
            LOG.debug("cannot read {} as {}", name, format, e);
            throw damaged(name, format, e);
        }
    }

    private static BadInputException damaged(String name, DocumentFormat format, Throwable cause) {
        String nesting = cause instanceof StackOverflowError ? " (it is nested too deeply)" : "";
        return new BadInputException(null, "'" + name + "' is not a readable " + format.label()
                + ": it is damaged, truncated or in another format" + nesting, cause);
    }

    @Override
    public Media writeDocx(String fileName, DocumentContent content) {
        Objects.requireNonNull(content, "content");
        return write(fileName, ".docx", DOCX_TYPE, () -> docxWriter.write(content));
    }

    @Override
    public Media writePdf(String fileName, DocumentContent content, PdfOptions options) {
        Objects.requireNonNull(content, "content");
        PdfOptions chosen = options == null ? PdfOptions.DEFAULT : options;
        return write(fileName, ".pdf", PDF_TYPE, () -> pdfWriter.write(content, chosen));
    }

    @Override
    public Media writeXlsx(String fileName, Workbook workbook) {
        Objects.requireNonNull(workbook, "workbook");
        return write(fileName, ".xlsx", XLSX_TYPE, () -> xlsxWriter.write(workbook));
    }

    private interface Writing {
        byte[] bytes() throws IOException;
    }

    private static Media write(String fileName, String extension, String mediaType, Writing writing) {
        String name = fileName == null || fileName.isBlank() ? "document" + extension : fileName.strip();
        if (!name.toLowerCase(Locale.ROOT).endsWith(extension)) {
            name = name + extension;
        }
        try {
            return Media.of(name, mediaType, writing.bytes());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + name, e);
        }
    }

    private byte[] content(Media document) {
        long max = limits.maxInputBytes();
        if (document.size() > max) {
            throw new BadInputException(tooLarge(document.name(), document.size(), max));
        }
        try (InputStream in = document.open()) {
            // The declared size may be wrong; never read more than the limit allows.
            byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
            if (bytes.length > max) {
                throw new BadInputException(tooLarge(document.name(), bytes.length, max));
            }
            if (bytes.length == 0) {
                throw new BadInputException("'" + document.name() + "' is empty");
            }
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + document.name(), e);
        }
    }

    private String text(Media document, byte[] content) {
        return decoder.decode(content, document.mediaType(), document.name());
    }

    private static String tooLarge(String name, long size, long max) {
        return String.format("'%s' is %s; the largest document read is %s", name, megabytes(size), megabytes(max));
    }

    private static String megabytes(long bytes) {
        return bytes >= 1024 * 1024 ? String.format("%.1f MB", bytes / (1024.0 * 1024.0))
                : String.format("%,d bytes", bytes);
    }
}
