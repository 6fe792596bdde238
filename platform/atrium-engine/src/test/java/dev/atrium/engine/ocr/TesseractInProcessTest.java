package dev.atrium.engine.ocr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.atrium.engine.fixtures.TextImages;
import dev.atrium.sdk.Media;
import dev.atrium.sdk.RunCancelledException;
import dev.atrium.sdk.SkillTimeoutException;
import dev.atrium.sdk.model.OcrResult;
import java.awt.image.BufferedImage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Tesseract called in this process through libtesseract, against the same readings by the command. */
class TesseractInProcessTest {

    @BeforeAll
    static void tesseractIsInstalled() {
        assumeTrue(new TesseractOcr().isAvailable(), "tesseract is not installed");
    }

    private static TesseractOcr ocr(boolean inProcess) {
        return new TesseractOcr(TesseractOcr.Options.defaults().withInProcess(inProcess));
    }

    /** A page long enough that reading it takes seconds (1,400 words). */
    private static Media longPage() {
        List<String> lines = new ArrayList<>();
        for (int i = 1; i <= 120; i++) {
            lines.add("Item " + i + " delivered to Northwind Traders, invoice " + (7000 + i) + ", amount " + i + ".25");
        }
        return TextImages.png("long.png", TextImages.render(lines, TextImages.latin(24), 1400));
    }

    @Test
    void whereLibtesseractIsInstalledImagesAreReadInProcess() {
        assertThat(ocr(true).inProcess()).isTrue();
        assertThat(ocr(false).inProcess()).isFalse();
        assertThat(new TesseractOcr(TesseractOcr.Options.defaults().withBinary(java.nio.file.Path.of("tesseract")))
                .inProcess()).as("a binary asked for is run").isFalse();
    }

    @Test
    void theInProcessReadingGivesTheCommandsWordsAndBoxes() {
        BufferedImage grey = TextImages.render(TesseractOcrTest.ENGLISH, TextImages.latin(32), 1000);
        BufferedImage tilted = TextImages.rotate(grey, 6);

        BufferedImage deep = new BufferedImage(grey.getWidth(), grey.getHeight(), BufferedImage.TYPE_USHORT_GRAY);
        deep.getGraphics().drawImage(grey, 0, 0, null);

        BufferedImage eightBit = new BufferedImage(grey.getWidth(), grey.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
        eightBit.getGraphics().drawImage(grey, 0, 0, null);

        for (Media image : List.of(TextImages.png("grey.png", grey), TextImages.png("tilted.png", tilted),
                TextImages.png("16-bit.png", deep), Media.of("palette.bmp", "image/bmp",
                        TextImages.encode(eightBit, "bmp")))) {
            OcrResult inProcess = ocr(true).recognize(image);
            OcrResult command = ocr(false).recognize(image);

            assertThat(inProcess.words()).as(image.name()).isNotEmpty().isEqualTo(command.words());
            assertThat(inProcess.text()).isEqualTo(command.text());
        }
        // A JPEG is decoded by Java here and by libjpeg there: a pixel may differ by a grey level, the words not.
        Media photo = Media.of("photo.jpg", "image/jpeg", TextImages.encode(grey, "jpg"));
        assertThat(ocr(true).recognize(photo).words()).extracting(OcrResult.Word::text)
                .isEqualTo(ocr(false).recognize(photo).words().stream().map(OcrResult.Word::text).toList());
    }

    @Test
    void aReadingPastItsTimeLimitIsStoppedAndTheNextOneStillWorks() {
        // Past the layout analysis, which Tesseract does not interrupt, into the recognition of the words.
        TesseractOcr hurried = new TesseractOcr(TesseractOcr.Options.defaults().withTimeout(Duration.ofMillis(500)));

        assertThatThrownBy(() -> hurried.recognize(longPage())).isInstanceOf(SkillTimeoutException.class);

        OcrResult next = ocr(true).recognize(TextImages.png("short.png",
                TextImages.render(TesseractOcrTest.ENGLISH, TextImages.latin(32), 1000)));
        assertThat(TesseractOcrTest.flat(next.text())).contains("invoice number 4521");
    }

    @Test
    void interruptingTheReadingThreadCancelsTheReading() throws Exception {
        TesseractOcr ocr = ocr(true);
        Media page = longPage();
        AtomicReference<Throwable> outcome = new AtomicReference<>();
        Thread reader = new Thread(() -> {
            try {
                ocr.recognize(page);
            } catch (RuntimeException e) {
                outcome.set(e);
            }
        });
        reader.start();
        TimeUnit.MILLISECONDS.sleep(300);
        reader.interrupt();
        reader.join(30_000);

        assertThat(reader.isAlive()).isFalse();
        assertThat(outcome.get()).isInstanceOf(RunCancelledException.class);
    }
}
