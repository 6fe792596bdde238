package dev.atrium.engine.ocr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.atrium.engine.fixtures.TextImages;
import dev.atrium.sdk.BadInputException;
import dev.atrium.sdk.CapabilityUnavailableException;
import dev.atrium.sdk.Media;
import dev.atrium.sdk.model.OcrResult;
import java.awt.Font;
import java.awt.image.BufferedImage;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TesseractOcrTest {

    static final List<String> ENGLISH = List.of(
            "Invoice number 4521 from Northwind Traders",
            "Total amount due: 318.40 EUR",
            "Payment within thirty days of delivery",
            "Thank you for your business");
    static final List<String> CHINESE = List.of("发票号码四五二一", "应付总额三百一十八元", "请在三十天内付款", "感谢您的惠顾");

    static TesseractOcr ocr;

    @BeforeAll
    static void tesseractIsInstalled() {
        ocr = new TesseractOcr(TesseractOcr.Options.defaults().withLanguages(List.of("eng")));
        assumeTrue(ocr.isAvailable(), () -> "tesseract is not installed: " + ocr.status().reason());
    }

    static BufferedImage english() {
        return TextImages.render(ENGLISH, TextImages.latin(36), 1000);
    }

    static String flat(String text) {
        return text.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").strip();
    }

    @Test
    void readsEnglishTextIntoLinesAndWordsWithBoxesAndConfidence() {
        OcrResult result = ocr.recognize(TextImages.png("invoice.png", english()));

        assertThat(flat(result.text())).contains("invoice number 4521", "northwind traders", "318.40 eur",
                "thirty days", "thank you for your business");
        assertThat(result.engine()).isEqualTo(TesseractOcr.ENGINE);
        assertThat(result.lines()).hasSize(4);
        assertThat(result.lines().get(0).text()).isEqualTo(ENGLISH.get(0));
        assertThat(result.lines().get(0).confidence()).isGreaterThan(80);
        OcrResult.Word first = result.words().get(0);
        assertThat(first.text()).isEqualTo("Invoice");
        assertThat(first.line()).isZero();
        // Drawn at x=50 with the baseline at y=86 in a 36 px font.
        assertThat(first.box().x()).isBetween(40, 60);
        assertThat(first.box().y()).isBetween(50, 70);
        assertThat(first.box().y() + first.box().height()).isBetween(80, 95);
        OcrResult.Box line = result.lines().get(0).box();
        assertThat(line.x()).isLessThanOrEqualTo(first.box().x());
        assertThat(line.x() + line.width()).isGreaterThan(600);
        assertThat(result.words()).allSatisfy(w -> assertThat(w.line()).isBetween(0, 3));
        assertThat(result.words().stream().filter(w -> w.line() == 3).map(OcrResult.Word::text))
                .containsExactly("Thank", "you", "for", "your", "business");
    }

    @Test
    void readsSimplifiedChineseJoiningCharactersWithoutSpaces() {
        Font font = TextImages.chinese(40).orElse(null);
        assumeTrue(font != null, "fonts-wqy-zenhei is not installed");
        Media image = TextImages.png("fapiao.png", TextImages.render(CHINESE, font, 700));

        OcrResult result = ocr.recognize(image, List.of("chi_sim"));

        assertThat(result.lines()).hasSize(4);
        assertThat(result.text()).contains("发票号码", "应付总额", "三十天内付款", "感谢您的惠顾");
        assertThat(result.lines().get(1).text()).isEqualTo("应付总额三百一十八元");
    }

    @Test
    void readsMixedEnglishAndChineseWithBothLanguages() {
        Font font = TextImages.chinese(38).orElse(null);
        assumeTrue(font != null, "fonts-wqy-zenhei is not installed");
        Media image = TextImages.png("mixed.png",
                TextImages.render(List.of("Order 7731 订单已发货", "Atrium 平台 OCR 测试"), font, 900));

        OcrResult result = ocr.recognize(image, List.of("eng+chi_sim"));

        assertThat(result.text()).contains("7731", "订单已发货", "Atrium", "平台");
    }

    @ParameterizedTest(name = "turned by {0} degrees")
    @ValueSource(ints = {90, 180, 270})
    void readsPagesTurnedByQuarterAndHalfTurns(int degrees) {
        Media image = TextImages.png("turned.png", TextImages.rotate(english(), degrees));

        OcrResult result = ocr.recognize(image);

        assertThat(flat(result.text())).contains("invoice number 4521", "318.40", "thank you for your business");
        assertThat(result.lines().get(0).confidence()).isGreaterThan(80);
    }

    // Tesseract alone reads 3 degrees, loses lines at 5 and reads nothing from 7 on; 96 is a quarter turn plus tilt.
    @ParameterizedTest(name = "tilted by {0} degrees")
    @ValueSource(doubles = {3, -3, 5, 7, -10, 14, 96})
    void readsTiltedPages(double degrees) {
        BufferedImage tilted = TextImages.rotate(english(), degrees);

        OcrResult result = ocr.recognize(TextImages.png("tilted.png", tilted));

        assertThat(flat(result.text())).contains("invoice number 4521", "northwind traders", "318.40",
                "thank you for your business");
        // Boxes are in the uploaded image's pixels, whatever was turned before reading.
        assertThat(result.words()).allSatisfy(w -> {
            assertThat(w.box().x() + w.box().width()).isLessThanOrEqualTo(tilted.getWidth());
            assertThat(w.box().y() + w.box().height()).isLessThanOrEqualTo(tilted.getHeight());
        });
    }

    @Test
    void levelledPagesReportBoxesWhereTheWordsAreInTheUpload() {
        BufferedImage upright = english();
        OcrResult straight = ocr.recognize(TextImages.png("straight.png", upright));
        BufferedImage tilted = TextImages.rotate(upright, 8);

        OcrResult result = ocr.recognize(TextImages.png("tilted.png", tilted));

        // "business" ends the last line; turning by 8 degrees clockwise moves its centre down and left.
        OcrResult.Box before = box(straight, "business");
        OcrResult.Box after = box(result, "business");
        double angle = Math.toRadians(8);
        double cx = before.x() + before.width() / 2.0 - upright.getWidth() / 2.0;
        double cy = before.y() + before.height() / 2.0 - upright.getHeight() / 2.0;
        double ex = cx * Math.cos(angle) - cy * Math.sin(angle) + tilted.getWidth() / 2.0;
        double ey = cx * Math.sin(angle) + cy * Math.cos(angle) + tilted.getHeight() / 2.0;
        assertThat(after.x() + after.width() / 2.0).isCloseTo(ex, org.assertj.core.data.Offset.offset(15.0));
        assertThat(after.y() + after.height() / 2.0).isCloseTo(ey, org.assertj.core.data.Offset.offset(15.0));
    }

    private static OcrResult.Box box(OcrResult result, String word) {
        return result.words().stream().filter(w -> w.text().equals(word)).findFirst().orElseThrow().box();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"jpeg", "bmp", "tiff", "gif"})
    void readsOtherImageFormats(String format) {
        Media image = Media.of("invoice." + format, "image/" + format, TextImages.encode(english(), format));

        OcrResult result = ocr.recognize(image);

        assertThat(flat(result.text())).contains("invoice number 4521", "thank you for your business");
    }

    @Test
    void readsWebpPhotos(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path png = dir.resolve("page.png");
        java.nio.file.Path webp = dir.resolve("page.webp");
        java.nio.file.Files.write(png, TextImages.encode(english(), "png"));
        Process ffmpeg;
        try {
            ffmpeg = new ProcessBuilder("ffmpeg", "-v", "error", "-y", "-i", png.toString(), "-c:v", "libwebp",
                    "-quality", "90", webp.toString()).redirectErrorStream(true).start();
        } catch (java.io.IOException e) {
            ffmpeg = null;
        }
        assumeTrue(ffmpeg != null && ffmpeg.waitFor() == 0, "ffmpeg with libwebp is needed to make a WebP fixture");

        OcrResult result = ocr.recognize(Media.of("page.webp", "image/webp", java.nio.file.Files.readAllBytes(webp)));

        assertThat(flat(result.text())).contains("invoice number 4521", "thank you for your business");
    }

    @Test
    void downscalesHugeImagesAndReportsBoxesInOriginalPixels() {
        TesseractOcr small = new TesseractOcr(TesseractOcr.Options.defaults().withLimits(30L << 20, 60_000_000, 1500));
        BufferedImage big = TextImages.render(ENGLISH, TextImages.latin(110), 3000);

        OcrResult result = small.recognize(TextImages.png("big.png", big));

        assertThat(flat(result.text())).contains("invoice number 4521", "thank you for your business");
        OcrResult.Box traders = box(result, "Traders");
        assertThat(traders.x() + traders.width()).isGreaterThan(1500).isLessThanOrEqualTo(3000);
    }

    @Test
    void readsNothingFromABlankPage() {
        BufferedImage blank = TextImages.render(List.of(), TextImages.latin(30), 600);

        OcrResult result = ocr.recognize(TextImages.png("blank.png", blank));

        assertThat(result.text()).isEmpty();
        assertThat(result.lines()).isEmpty();
        assertThat(result.words()).isEmpty();
    }

    @Test
    void rejectsBytesThatAreNoImage() {
        Media notImage = Media.ofText("notes.png", "image/png", "this is not an image");

        assertThatThrownBy(() -> ocr.recognize(notImage)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("notes.png");
    }

    @Test
    void rejectsATruncatedImage() {
        byte[] png = TextImages.encode(english(), "png");
        Media truncated = Media.of("cut.png", "image/png", Arrays.copyOf(png, png.length / 3));

        assertThatThrownBy(() -> ocr.recognize(truncated)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("cut.png");
    }

    @Test
    void rejectsEmptyFilesAndImagesOverThePixelLimit() {
        TesseractOcr strict = new TesseractOcr(TesseractOcr.Options.defaults().withLimits(30L << 20, 100_000, 1500));

        assertThatThrownBy(() -> ocr.recognize(Media.of("empty.png", "image/png", new byte[0])))
                .isInstanceOf(BadInputException.class).hasMessageContaining("empty");
        assertThatThrownBy(() -> strict.recognize(TextImages.png("large.png", english())))
                .isInstanceOf(BadInputException.class).hasMessageContaining("pixels");
    }

    @Test
    void namesTheDebianPackageOfAMissingLanguage() {
        assertThatThrownBy(() -> ocr.recognize(TextImages.png("x.png", english()), List.of("tlh")))
                .isInstanceOf(CapabilityUnavailableException.class)
                .hasMessageContaining("tesseract-ocr-tlh");
    }

    @Test
    void rejectsMalformedLanguageCodes() {
        assertThatThrownBy(() -> ocr.recognize(TextImages.png("x.png", english()), List.of("eng; rm -rf")))
                .isInstanceOf(BadInputException.class);
    }

    @Test
    void acceptsIsoLanguageTags() {
        assertThat(OcrLanguages.normalise(List.of("en", "zh-CN"), List.of("eng"))).containsExactly("eng", "chi_sim");
        assertThat(OcrLanguages.normalise(List.of("eng+chi_sim"), List.of("eng"))).containsExactly("eng", "chi_sim");
        assertThat(OcrLanguages.normalise(List.of(), List.of("eng"))).containsExactly("eng");
    }
}
