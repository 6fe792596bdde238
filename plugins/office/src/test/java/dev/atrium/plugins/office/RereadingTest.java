package dev.atrium.plugins.office;

import static dev.atrium.plugins.office.ReceiptReaderTest.page;
import static org.assertj.core.api.Assertions.assertThat;

import dev.atrium.sdk.Media;
import dev.atrium.sdk.model.OcrResult;
import dev.atrium.sdk.testkit.SkillHarness;
import dev.atrium.sdk.testkit.SkillRun;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** The vendor's row read again by another model, and voted with the page's readings of it. */
class RereadingTest {

    private static final String[] RECEIPT = {"INDAH GIFT & HOME BECO", "27 JALAN DEDAP 13 81100 JOHOR BAHRU",
        "19/04/2018", "PLASTIC BOX 2 5.00 10.00", "TOTAL 10.00", "CASH 10.00"};

    /** The page with its first row's words read at these confidences, the rest at 90. */
    static OcrResult reading(String firstRow, double... confidences) {
        String[] rows = RECEIPT.clone();
        rows[0] = firstRow;
        OcrResult page = page(90, rows);
        List<OcrResult.Word> words = new ArrayList<>();
        int k = 0;
        for (OcrResult.Word w : page.words()) {
            words.add(w.line() == 0 ? new OcrResult.Word(w.text(), confidences[k++], w.box(), 0) : w);
        }
        return new OcrResult(page.text(), List.of(), words, page.engine());
    }

    private static Receipt merged(OcrResult grey, OcrResult bw) {
        return ReceiptReadings.merge(ReceiptReader.read(grey, "r.png", 1, "DMY"), grey,
                ReceiptReader.read(bw, "r.png", 1, "DMY"), bw);
    }

    @Test
    void aLetterBothPageReadingsMisreadIsReplacedByTheOtherModelsSurerReading() {
        OcrResult grey = reading("INDAH GIFT & HOME BECO", 84, 92, 91, 84, 32);
        OcrResult bw = reading("INDAH GIFT & HOME BECO", 36, 92, 91, 74, 44);
        OcrResult other = reading("iNDAH GIFT & KOME DECO", 70, 92, 92, 80, 61);
        Receipt receipt = merged(grey, bw);
        assertThat(Rereading.vendorWanted(receipt, List.of(grey, bw))).isTrue();

        ReceiptReadings.withVotedVendor(receipt, List.of(grey, bw), other);

        // DECO: surer than both page readings' BECO; HOME and INDAH: the page was surer of its own.
        assertThat(receipt.text("vendor")).isEqualTo("INDAH GIFT & HOME DECO");
    }

    @Test
    void theOtherModelSettlesAWordThePageReadingsDisagreeOnEvenWhenLessSure() {
        OcrResult grey = reading("MR O.1.Y. (JOHOR) SDN BHD", 83, 66, 0, 95, 93);
        OcrResult bw = reading("MR O.1.Y. (JOHUR) SDN BHD", 63, 63, 81, 96, 95);
        OcrResult other = reading("MR D.I.Y. (JOHOR) SDN BHD", 90, 89, 76, 95, 96);
        Receipt receipt = merged(grey, bw);
        assertThat(receipt.text("vendor")).as("the page's two readings voted alone").isEqualTo("MR O.1.Y. (JOHUR) SDN BHD");

        ReceiptReadings.withVotedVendor(receipt, List.of(grey, bw), other);

        assertThat(receipt.text("vendor")).isEqualTo("MR D.I.Y. (JOHOR) SDN BHD");
    }

    @Test
    void aChineseDateIsNotReadAgain() {
        OcrResult chinese = page(60, "上海市便利店有限公司", "2026年11月20日", "合计 10.00");
        Receipt receipt = ReceiptReader.read(chinese, "r.png", 1, "DMY");
        assertThat(receipt.text("date")).isEqualTo("2026-11-20");

        assertThat(Rereading.dateWanted(receipt, List.of(chinese))).isFalse();
    }

    @Test
    void aNameReadSurelyIsNotReadAgain() {
        OcrResult grey = reading("INDAH GIFT & HOME DECO", 84, 92, 91, 84, 72);
        OcrResult bw = reading("INDAH GIFT & HOME BECO", 86, 92, 91, 74, 44);
        Receipt receipt = merged(grey, bw);

        assertThat(receipt.text("vendor")).isEqualTo("INDAH GIFT & HOME DECO");
        assertThat(Rereading.vendorWanted(receipt, List.of(grey, bw))).isFalse();
    }

    /** A white 600 x 400 page. */
    private static ReceiptPages.Page whitePage() {
        BufferedImage image = new BufferedImage(600, 400, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 600, 400);
        g.dispose();
        return ReceiptPages.Page.upload(Media.of("r.png", "image/png", new byte[0]), image);
    }

    /** The words of {@code rows} at confidence 95, doubled, their first row at {@code top} of the image read. */
    private static OcrResult readAt(int top, String... rows) {
        OcrResult read = page(95, rows);
        return new OcrResult(read.text(), List.of(), read.words().stream().map(w -> new OcrResult.Word(w.text(),
                w.confidence(), new OcrResult.Box(w.box().x() * 2, top + (w.box().y() - 20) * 2, w.box().width() * 2,
                w.box().height() * 2), w.line())).toList(), read.engine());
    }

    private static BufferedImage decoded(Media media) {
        try {
            return ImageIO.read(new ByteArrayInputStream(media.bytes()));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void theVendorsRowsAreCutFromThePageAtItsScaleAndTheirWordsComeBackToThePage() {
        // The vendor on the page's third row (y 100, 24 high), unsure; the page read at twice its size.
        OcrResult grey = page(60, "x", "x", "SAM SAM TRADlNG CO", "TOTAL 10.00");
        Receipt receipt = ReceiptReader.read(grey, "r.png", 1, "DMY");
        assertThat(receipt.text("vendor")).isEqualTo("SAM SAM TRADlNG CO");
        List<BufferedImage> cut = new ArrayList<>();

        Rereading.reread(receipt, List.of(grey), whitePage(), 2, false, "DMY", media -> {
            cut.add(decoded(media));
            // The band starts at page y 100 - 1.2 * 24 = 71, so the vendor's row is (100 - 71) * 2 down the image.
            return readAt((100 - 71) * 2, "SAM SAM TRADING CO");
        });

        assertThat(cut).hasSize(1);
        assertThat(cut.get(0).getWidth()).isEqualTo(1200);
        assertThat(cut.get(0).getHeight()).as("rows 71 to 153 of the page, doubled").isEqualTo(2 * (153 - 71));
        assertThat(receipt.text("vendor")).isEqualTo("SAM SAM TRADING CO");
    }

    @Test
    void anUnsureVendorAndAnUnsureDateFarApartAreReadInOneStackedImage() {
        // Vendor on row 0 (y 20), date on row 7 (y 300): bands [-9, 73) and [271, 353), stacked with a gap of 24.
        OcrResult grey = page(60, "SAM SAM TRADlNG CO", "x", "x", "x", "x", "x", "TOTAL 10.00", "19/07/2018");
        Receipt receipt = ReceiptReader.read(grey, "r.png", 1, "DMY");
        assertThat(receipt.text("vendor")).isEqualTo("SAM SAM TRADlNG CO");
        assertThat(receipt.text("date")).as("01 misread 07").isEqualTo("2018-07-19");
        List<BufferedImage> cut = new ArrayList<>();

        Rereading.reread(receipt, List.of(grey), whitePage(), 2, false, "DMY", media -> {
            cut.add(decoded(media));
            OcrResult vendor = readAt(20 * 2, "SAM SAM TRADING CO");
            OcrResult date = readAt(2 * (73 - 0) + 24 + (300 - 271) * 2, "19/01/2018");
            List<OcrResult.Word> words = new ArrayList<>(vendor.words());
            words.addAll(date.words());
            return new OcrResult("", List.of(), words, vendor.engine());
        });

        assertThat(cut).hasSize(1);
        assertThat(cut.get(0).getHeight()).isEqualTo(2 * 73 + 24 + 2 * (353 - 271));
        assertThat(receipt.text("vendor")).isEqualTo("SAM SAM TRADING CO");
        assertThat(receipt.text("date")).isEqualTo("2018-01-19");
    }

    @Test
    void theSkillReadsTheUnsureVendorRowAgainWithTheConfiguredModelAndWithoutItWhenNotInstalled() throws Exception {
        ScriptedOcrModels ocr = new ScriptedOcrModels(reading("INDAH GIFT & HOME BECO", 84, 92, 91, 84, 32),
                reading("INDAH GIFT & HOME DECO", 70, 92, 92, 85, 61));

        SkillRun run = harness(ocr).run();

        assertThat(run.succeeded()).as(run.toString()).isTrue();
        assertThat(ExpensesSkillTest.value(ExpensesSkillTest.receipts(run).get(0), "vendor")).isEqualTo("INDAH GIFT & HOME DECO");
        assertThat(ocr.languages).containsExactly("page [eng]", "rows [msa]");

        ScriptedOcrModels other = new ScriptedOcrModels(ocr.page, ocr.rows);
        SkillRun indonesian = harness(other).setting("expenses.rereadOcrLanguages", "ind").run();
        assertThat(other.languages).containsExactly("page [eng]", "rows [ind]");
        assertThat(ExpensesSkillTest.value(ExpensesSkillTest.receipts(indonesian).get(0), "vendor"))
                .isEqualTo("INDAH GIFT & HOME DECO");

        ScriptedOcrModels none = new ScriptedOcrModels(ocr.page, ocr.rows);
        SkillRun off = harness(none).setting("expenses.rereadOcrLanguages", "none").run();
        assertThat(none.languages).containsExactly("page [eng]");
        assertThat(ExpensesSkillTest.value(ExpensesSkillTest.receipts(off).get(0), "vendor")).isEqualTo("INDAH GIFT & HOME BECO");

        ScriptedOcrModels missing = new ScriptedOcrModels(ocr.page, null);
        SkillRun notInstalled = harness(missing).run();
        assertThat(notInstalled.succeeded()).as(notInstalled.toString()).isTrue();
        assertThat(ExpensesSkillTest.value(ExpensesSkillTest.receipts(notInstalled).get(0), "vendor"))
                .isEqualTo("INDAH GIFT & HOME BECO");
    }

    private static SkillHarness harness(ScriptedOcrModels ocr) throws Exception {
        return SkillHarness.of(new ExpensesSkill()).models(ocr).clock(ExpensesSkillTest.CLOCK)
                .file("files", ScriptedOcrModels.blankPage()).value("employee", "Dana Smith");
    }
}
