package dev.atrium.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atrium.sdk.BadInputException;
import dev.atrium.sdk.CapabilityUnavailableException;
import dev.atrium.sdk.Media;
import dev.atrium.sdk.document.ExtractedDocument;
import dev.atrium.sdk.document.ExtractedDocument.Section;
import dev.atrium.sdk.model.OcrResult;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.junit.jupiter.api.Test;

class PdfReadTest {

    private final OfficeDocumentKit kit = new OfficeDocumentKit();

    @Test
    void everyPageIsASectionAndPagesAreCounted() {
        byte[] pdf = Fixtures.textPdf(List.of("First page text", "Second page text", "Third page text"));

        ExtractedDocument read = kit.read(Media.of("three.pdf", "application/pdf", pdf));

        assertThat(read.pages()).isEqualTo(3);
        assertThat(read.sections()).extracting(Section::heading)
                .containsExactly("Page 1", "Page 2", "Page 3");
        assertThat(read.sections().get(1).text()).isEqualTo("Second page text");
        assertThat(read.text()).isEqualTo("First page text\n\nSecond page text\n\nThird page text");
    }

    @Test
    void aPdfIsRecognisedByItsBytesWhateverItIsCalled() {
        ExtractedDocument read = kit.read(Media.of("upload.bin", "application/octet-stream",
                Fixtures.textPdf(List.of("Hello"))));

        assertThat(read.pages()).isEqualTo(1);
    }

    @Test
    void scannedPagesGoThroughTheOcrCallback() {
        List<Media> images = new ArrayList<>();
        List<List<String>> languages = new ArrayList<>();
        BiFunction<Media, List<String>, OcrResult> ocr = (image, langs) -> {
            images.add(image);
            languages.add(langs);
            return new OcrResult("INVOICE 42\nTotal 12.50", List.of(), List.of(), null);
        };
        OfficeDocumentKit withOcr = new OfficeDocumentKit(DocumentLimits.DEFAULTS, ocr, List.of("eng", "chi_sim"));

        ExtractedDocument read = withOcr.read(Media.of("scan.pdf", "application/pdf",
                Fixtures.scannedPdf("INVOICE 42")));

        assertThat(images).singleElement().satisfies(image -> {
            assertThat(image.mediaType()).isEqualTo("image/png");
            assertThat(image.name()).isEqualTo("page-1.png");
            assertThat(image.size()).isGreaterThan(1000);
        });
        assertThat(languages).containsExactly(List.of("eng", "chi_sim"));
        assertThat(read.sections()).containsExactly(new Section("Page 1", 0, "INVOICE 42\nTotal 12.50"));
        assertThat(read.text()).isEqualTo("INVOICE 42\nTotal 12.50");
    }

    @Test
    void withoutOcrAScannedPageIsEmptyWithANote() {
        ExtractedDocument read = kit.read(Media.of("scan.pdf", "application/pdf", Fixtures.scannedPdf("Hello")));

        assertThat(read.pages()).isEqualTo(1);
        assertThat(read.sections()).containsExactly(new Section("Page 1", 0, ""));
        assertThat(read.text()).contains("page 1 is a scanned image").contains("OCR is not configured");
    }

    @Test
    void aFailingOcrLeavesANoteInsteadOfFailingTheDocument() {
        OfficeDocumentKit broken = new OfficeDocumentKit(DocumentLimits.DEFAULTS, (image, langs) -> {
            throw new CapabilityUnavailableException("no OCR engine is installed");
        });

        ExtractedDocument read = broken.read(Media.of("scan.pdf", "application/pdf", Fixtures.scannedPdf("Hello")));

        assertThat(read.text()).contains("OCR failed: no OCR engine is installed");
    }

    @Test
    void blankPagesAreNotSentToOcr() throws IOException {
        List<Media> images = new ArrayList<>();
        OfficeDocumentKit withOcr = new OfficeDocumentKit(DocumentLimits.DEFAULTS, (image, langs) -> {
            images.add(image);
            return new OcrResult("x", List.of(), List.of(), null);
        });
        byte[] blank;
        try (PDDocument document = new PDDocument()) {
            document.addPage(new PDPage());
            blank = Fixtures.save(document);
        }

        ExtractedDocument read = withOcr.read(Media.of("blank.pdf", "application/pdf", blank));

        assertThat(images).isEmpty();
        assertThat(read.text()).isEmpty();
        assertThat(read.pages()).isEqualTo(1);
    }

    @Test
    void anEncryptedPdfIsRefusedWithAClearMessage() throws IOException {
        byte[] encrypted;
        try (PDDocument document = Loader.loadPDF(Fixtures.textPdf(List.of("secret")))) {
            StandardProtectionPolicy policy = new StandardProtectionPolicy("owner-pw", "user-pw", new AccessPermission());
            policy.setEncryptionKeyLength(256);
            document.protect(policy);
            encrypted = Fixtures.save(document);
        }

        assertThatThrownBy(() -> kit.read(Media.of("locked.pdf", "application/pdf", encrypted)))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("encrypted")
                .hasMessageContaining("remove the password");
    }

    @Test
    void aPdfOverThePageLimitIsRefused() {
        OfficeDocumentKit small = new OfficeDocumentKit(DocumentLimits.DEFAULTS.withMaxPdfPages(2), null);

        assertThatThrownBy(() -> small.read(Media.of("big.pdf", "application/pdf",
                Fixtures.textPdf(List.of("a", "b", "c")))))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("has 3 pages; at most 2");
    }

    @Test
    void aReadOverTheTimeLimitStops() {
        OfficeDocumentKit hurried = new OfficeDocumentKit(DocumentLimits.DEFAULTS.withMaxReadTime(Duration.ofNanos(1)),
                null);

        assertThatThrownBy(() -> hurried.read(Media.of("slow.pdf", "application/pdf",
                Fixtures.textPdf(List.of("a", "b")))))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("took longer than");
    }

    @Test
    void textOverTheCharacterLimitIsRefused() {
        OfficeDocumentKit small = new OfficeDocumentKit(DocumentLimits.DEFAULTS.withMaxTextChars(10), null);

        assertThatThrownBy(() -> small.read(Media.ofText("long.txt", "text/plain", "x".repeat(50))))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("more than 10 characters");
    }
}
