package dev.atrium.documents.internal;

import dev.atrium.sdk.BadInputException;
import dev.atrium.sdk.UnsupportedMediaException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.poi.poifs.filesystem.DirectoryNode;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;

/**
 * Decides how to read a file. Magic bytes win for binary containers (a PDF named {@code .txt} is still a PDF);
 * otherwise the file name extension, then the media type, then a look at the content. A file that claims a
 * binary format but lacks its signature is corrupt; a file of no known format is unsupported.
 */
public final class FormatSniffer {

    private static final String SUPPORTED =
            "send PDF, Word (.docx), Excel (.xlsx, .xls), CSV, WebVTT, SRT, Markdown or plain text";

    private static final Map<String, DocumentFormat> EXTENSIONS = Map.ofEntries(
            Map.entry("pdf", DocumentFormat.PDF),
            Map.entry("docx", DocumentFormat.DOCX), Map.entry("docm", DocumentFormat.DOCX),
            Map.entry("dotx", DocumentFormat.DOCX),
            Map.entry("xlsx", DocumentFormat.XLSX), Map.entry("xlsm", DocumentFormat.XLSX),
            Map.entry("xls", DocumentFormat.XLS),
            Map.entry("csv", DocumentFormat.CSV), Map.entry("tsv", DocumentFormat.TSV),
            Map.entry("tab", DocumentFormat.TSV),
            Map.entry("vtt", DocumentFormat.VTT), Map.entry("webvtt", DocumentFormat.VTT),
            Map.entry("srt", DocumentFormat.SRT),
            Map.entry("md", DocumentFormat.MARKDOWN), Map.entry("markdown", DocumentFormat.MARKDOWN),
            Map.entry("txt", DocumentFormat.TEXT), Map.entry("text", DocumentFormat.TEXT),
            Map.entry("log", DocumentFormat.TEXT));

    private static final Map<String, DocumentFormat> MEDIA_TYPES = Map.ofEntries(
            Map.entry("application/pdf", DocumentFormat.PDF), Map.entry("application/x-pdf", DocumentFormat.PDF),
            Map.entry("application/vnd.openxmlformats-officedocument.wordprocessingml.document", DocumentFormat.DOCX),
            Map.entry("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", DocumentFormat.XLSX),
            Map.entry("application/vnd.ms-excel", DocumentFormat.XLS),
            Map.entry("text/csv", DocumentFormat.CSV), Map.entry("application/csv", DocumentFormat.CSV),
            Map.entry("text/x-csv", DocumentFormat.CSV),
            Map.entry("text/tab-separated-values", DocumentFormat.TSV),
            Map.entry("text/vtt", DocumentFormat.VTT),
            Map.entry("application/x-subrip", DocumentFormat.SRT), Map.entry("text/srt", DocumentFormat.SRT),
            Map.entry("application/x-srt", DocumentFormat.SRT),
            Map.entry("text/markdown", DocumentFormat.MARKDOWN), Map.entry("text/x-markdown", DocumentFormat.MARKDOWN),
            Map.entry("text/plain", DocumentFormat.TEXT));

    /** Formats users often try, with what to do instead. */
    private static final Map<String, String> UNSUPPORTED_EXTENSIONS = Map.of(
            "doc", "Word 97-2003 (.doc) files are not supported; save the file as .docx and try again",
            "ppt", "PowerPoint files are not supported; save the slides as PDF and try again",
            "pptx", "PowerPoint files are not supported; save the slides as PDF and try again",
            "odt", "OpenDocument text files are not supported; save the file as .docx and try again",
            "ods", "OpenDocument spreadsheets are not supported; save the file as .xlsx and try again",
            "rtf", "RTF files are not supported; save the file as .docx and try again",
            "pages", "Apple Pages files are not supported; export the file as PDF or .docx and try again",
            "numbers", "Apple Numbers files are not supported; export the file as .xlsx and try again");

    private static final Set<DocumentFormat> ZIP_FORMATS = Set.of(DocumentFormat.DOCX, DocumentFormat.XLSX);
    private static final Pattern SRT_START = Pattern.compile("\\A\\s*\\d+\\s*\\R\\s*\\d{1,2}:\\d{2}:\\d{2}[,.]\\d{1,3}\\s*-->");
    private static final int SEARCH_WINDOW = 256 * 1024;

    /** The format to read the content as. */
    public DocumentFormat detect(String name, String mediaType, byte[] content) {
        String extension = extensionOf(name);
        String type = baseType(mediaType);
        DocumentFormat declared = EXTENSIONS.get(extension);
        if (declared == null) {
            declared = MEDIA_TYPES.get(type);
        }
        DocumentFormat byMagic = byMagic(name, declared, content);
        if (byMagic != null) {
            return byMagic;
        }
        if (declared != null && !declared.textual()) {
            throw new BadInputException("'" + name + "' is not a valid " + declared.label()
                    + ": it is damaged, truncated or in another format");
        }
        if (declared != null) {
            return declared;
        }
        String hint = UNSUPPORTED_EXTENSIONS.get(extension);
        if (hint != null) {
            throw new UnsupportedMediaException(hint);
        }
        if (looksLikeText(content)) {
            return byTextContent(content);
        }
        throw new UnsupportedMediaException("the type of '" + name + "' (" + type + ") is not supported; " + SUPPORTED);
    }

    private DocumentFormat byMagic(String name, DocumentFormat declared, byte[] content) {
        if (indexOf(content, "%PDF-".getBytes(StandardCharsets.US_ASCII), 0, Math.min(content.length, 1024)) >= 0) {
            return DocumentFormat.PDF;
        }
        if (startsWith(content, 0x50, 0x4B, 0x03, 0x04) || startsWith(content, 0x50, 0x4B, 0x05, 0x06)) {
            return zipFormat(name, declared, content);
        }
        if (startsWith(content, 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1)) {
            return ole2Format(name, declared, content);
        }
        String media = binaryMediaName(content);
        if (media != null) {
            throw new UnsupportedMediaException("'" + name + "' is " + media + ", not a document; " + SUPPORTED);
        }
        return null;
    }

    private DocumentFormat zipFormat(String name, DocumentFormat declared, byte[] content) {
        // Part names sit in the central directory at the end and in the local headers at the start.
        if (containsNear(content, "word/document")) {
            return DocumentFormat.DOCX;
        }
        if (containsNear(content, "xl/workbook")) {
            return DocumentFormat.XLSX;
        }
        if (declared != null && ZIP_FORMATS.contains(declared)) {
            return declared;
        }
        if (containsNear(content, "ppt/presentation")) {
            throw new UnsupportedMediaException(UNSUPPORTED_EXTENSIONS.get("pptx"));
        }
        if (containsNear(content, "application/vnd.oasis.opendocument")) {
            throw new UnsupportedMediaException("OpenDocument files are not supported; save the file as .docx or .xlsx"
                    + " and try again");
        }
        throw new UnsupportedMediaException("'" + name + "' is a ZIP archive, not a Word or Excel document; "
                + SUPPORTED);
    }

    private DocumentFormat ole2Format(String name, DocumentFormat declared, byte[] content) {
        try (POIFSFileSystem fs = new POIFSFileSystem(new ByteArrayInputStream(content))) {
            DirectoryNode root = fs.getRoot();
            if (root.hasEntryCaseInsensitive("EncryptedPackage")) {
                throw new BadInputException("'" + name
                        + "' is password-protected; remove the password (File > Info > Protect) and try again");
            }
            if (root.hasEntryCaseInsensitive("Workbook") || root.hasEntryCaseInsensitive("Book")) {
                return DocumentFormat.XLS;
            }
            if (root.hasEntryCaseInsensitive("WordDocument")) {
                throw new UnsupportedMediaException(UNSUPPORTED_EXTENSIONS.get("doc"));
            }
            if (root.hasEntryCaseInsensitive("PowerPoint Document")) {
                throw new UnsupportedMediaException(UNSUPPORTED_EXTENSIONS.get("ppt"));
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof BadInputException || e instanceof UnsupportedMediaException) {
                throw (RuntimeException) e;
            }
            throw new BadInputException(null, "'" + name + "' is a damaged Office file and cannot be read", e);
        }
        if (declared == DocumentFormat.XLS) {
            return declared;
        }
        throw new UnsupportedMediaException("'" + name + "' is an old Office file of a kind not supported; " + SUPPORTED);
    }

    private static String binaryMediaName(byte[] c) {
        if (startsWith(c, 0x89, 'P', 'N', 'G') || startsWith(c, 0xFF, 0xD8, 0xFF) || startsWith(c, 'G', 'I', 'F', '8')
                || startsWith(c, 'I', 'I', 0x2A, 0x00) || startsWith(c, 'M', 'M', 0x00, 0x2A)
                || startsWith(c, 'B', 'M') && c.length > 14 && c[6] == 0 && c[7] == 0
                || startsWith(c, 'R', 'I', 'F', 'F') && c.length > 12 && c[8] == 'W' && c[9] == 'E' && c[10] == 'B') {
            return "an image (read images with OCR)";
        }
        if (startsWith(c, 'I', 'D', '3') || startsWith(c, 'O', 'g', 'g', 'S') || startsWith(c, 'f', 'L', 'a', 'C')
                || startsWith(c, 'R', 'I', 'F', 'F') && c.length > 12 && c[8] == 'W' && c[9] == 'A' && c[10] == 'V'
                || c.length > 8 && c[4] == 'f' && c[5] == 't' && c[6] == 'y' && c[7] == 'p') {
            return "audio or video (transcribe it instead)";
        }
        if (startsWith(c, '{', '\\', 'r', 't', 'f')) {
            return "an RTF file (save it as .docx)";
        }
        if (startsWith(c, 0x1F, 0x8B) || startsWith(c, 'R', 'a', 'r', '!') || startsWith(c, '7', 'z', 0xBC, 0xAF)) {
            return "a compressed archive";
        }
        return null;
    }

    private static DocumentFormat byTextContent(byte[] content) {
        String head = new String(content, 0, Math.min(content.length, 4096), StandardCharsets.UTF_8)
                .replace("\uFEFF", "");
        if (head.startsWith("WEBVTT")) {
            return DocumentFormat.VTT;
        }
        if (SRT_START.matcher(head).find()) {
            return DocumentFormat.SRT;
        }
        return DocumentFormat.TEXT;
    }

    private static boolean looksLikeText(byte[] content) {
        int n = Math.min(content.length, 8192);
        if (startsWith(content, 0xFF, 0xFE) || startsWith(content, 0xFE, 0xFF)) {
            return true;
        }
        int control = 0;
        for (int i = 0; i < n; i++) {
            int b = content[i] & 0xFF;
            if (b == 0) {
                return false;
            }
            if (b < 0x09 || b > 0x0D && b < 0x20 && b != 0x1B) {
                control++;
            }
        }
        return control <= n / 100;
    }

    private static boolean containsNear(byte[] content, String text) {
        byte[] needle = text.getBytes(StandardCharsets.US_ASCII);
        int tailStart = Math.max(0, content.length - SEARCH_WINDOW);
        return indexOf(content, needle, tailStart, content.length) >= 0
                || indexOf(content, needle, 0, Math.min(content.length, SEARCH_WINDOW)) >= 0;
    }

    private static int indexOf(byte[] haystack, byte[] needle, int from, int to) {
        outer:
        for (int i = from; i <= to - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static boolean startsWith(byte[] content, int... prefix) {
        if (content.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((content[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    /** The lower-case extension of a file name, empty when it has none. */
    static String extensionOf(String name) {
        int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
        int dot = name.lastIndexOf('.');
        return dot > slash && dot < name.length() - 1 ? name.substring(dot + 1).toLowerCase(Locale.ROOT) : "";
    }

    /** The media type without parameters, lower case. */
    static String baseType(String mediaType) {
        if (mediaType == null) {
            return "application/octet-stream";
        }
        int semicolon = mediaType.indexOf(';');
        return (semicolon < 0 ? mediaType : mediaType.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
    }
}
