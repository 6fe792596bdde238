package dev.atrium.plugins.medical;

import dev.atrium.sdk.BadInputException;
import dev.atrium.sdk.Media;
import dev.atrium.sdk.SkillContext;
import dev.atrium.sdk.UnsupportedMediaException;
import dev.atrium.sdk.document.ExtractedDocument;
import java.util.Locale;

/** Media types the medical skills read, and reading a document's text with a clear error when it is unusable. */
final class ClinicalFiles {

    static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    static final String PDF = "application/pdf";

    private ClinicalFiles() {
    }

    /** The document's text; a {@link BadInputException} naming the input when it is corrupt or empty. */
    static String text(Media file, String inputId, SkillContext context) {
        ExtractedDocument document;
        try {
            document = context.documents().read(file);
        } catch (BadInputException | UnsupportedMediaException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new BadInputException(inputId, file.name() + " cannot be read: " + e.getMessage(), e);
        }
        String text = document.text() == null ? "" : document.text().strip();
        if (text.isEmpty()) {
            throw new BadInputException(inputId, file.name() + " holds no text (a scanned document needs OCR first)");
        }
        return text;
    }

    static boolean isRecording(Media file) {
        String type = file.mediaType().toLowerCase(Locale.ROOT);
        return type.startsWith("audio/") || type.startsWith("video/");
    }

    /** "zh" when most letters are Chinese characters, else "en". */
    static String language(String requested, String text) {
        if ("en".equals(requested) || "zh".equals(requested)) {
            return requested;
        }
        long han = text.codePoints().filter(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN).count();
        long latin = text.codePoints().filter(c -> c < 128 && Character.isLetter(c)).count();
        return han * 2 > latin ? "zh" : "en";
    }
}
