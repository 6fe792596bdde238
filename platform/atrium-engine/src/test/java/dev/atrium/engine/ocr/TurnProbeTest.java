package dev.atrium.engine.ocr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.atrium.engine.fixtures.TextImages;
import dev.atrium.sdk.model.OcrResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TurnProbeTest {

    @TempDir
    Path dir;

    private static TsvWords.Word word(int top) {
        return new TsvWords.Word("word", 40, 10, top, 60, 20, "1.1.1." + top);
    }

    private static List<TsvWords.Word> words(int... tops) {
        return IntStream.of(tops).mapToObj(TurnProbeTest::word).toList();
    }

    /** Thirty numbered lines of an invoice: a page about three times as tall as it is wide. */
    private static List<String> tallPage() {
        List<String> lines = new ArrayList<>();
        for (int i = 1; i <= 30; i++) {
            lines.add("Line " + i + " invoice item number " + (4500 + i) + " total " + (i * 3) + ".40 EUR");
        }
        return lines;
    }

    /** A stand-in {@code tesseract} that notes each image it is given (and a probe's size), then runs the real one. */
    private Path recordingTesseract(Path log) throws IOException {
        Path script = dir.resolve("tesseract");
        Files.writeString(script, "#!/bin/sh\n"
                + "if [ \"$1\" != \"--list-langs\" ]; then echo \"$1 $(head -2 \"$1\" | tail -1 | tr -d '\\n')\" >> '"
                + log + "'; fi\n"
                + "exec tesseract \"$@\"\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        return script;
    }

    /** Defaults, but every page is suspected of being upside down, as an unsure reading would be. */
    private static TesseractOcr.Options suspicious(Path binary) {
        TesseractOcr.Options d = TesseractOcr.Options.defaults();
        return new TesseractOcr.Options(binary, null, List.of("eng"), 1, Duration.ofSeconds(60), d.queueTimeout(),
                d.maxBytes(), d.maxPixels(), d.maxSide(), true, true, d.maxSkew(), 101, d.pageSegmentation(), false);
    }

    @Test
    void theBandIsAQuarterOfThePageWhereMostWordsAre() {
        // A header of 3 words near the top, 12 words packed between 1200 and 1700, a footer of 2.
        List<TsvWords.Word> words = new ArrayList<>(words(50, 90, 130));
        IntStream.range(0, 12).forEach(i -> words.add(word(1200 + i * 40)));
        words.addAll(words(2800, 2900));

        TurnProbe.Band band = TurnProbe.band(words, 3000);

        assertThat(band).isNotNull();
        assertThat(band.bottom() - band.top()).isEqualTo(750);
        assertThat(band.top()).isLessThanOrEqualTo(1210);
        assertThat(band.bottom()).isGreaterThan(1650);
        assertThat(band.words()).hasSize(12);
    }

    @Test
    void shortPagesAndPagesWithFewWordsHaveNoBand() {
        // 20-pixel words: six lines need 240 pixels, more than 0.6 of a 300-pixel page.
        assertThat(TurnProbe.band(words(10, 50, 90, 130, 170, 210), 300)).isNull();
        assertThat(TurnProbe.band(words(100, 1500, 2900), 3000)).as("too few words").isNull();
    }

    @Test
    void anUprightPageReadUnsurelyIsTestedOnABandNotReadAgainWhole() throws IOException {
        assumeTrue(new TesseractOcr().isAvailable(), "tesseract is not installed");
        Path log = dir.resolve("calls.log");
        TesseractOcr ocr = new TesseractOcr(suspicious(recordingTesseract(log)));
        var image = TextImages.render(tallPage(), TextImages.latin(30), 1100);

        OcrResult result = ocr.recognize(TextImages.png("tall.png", image));

        assertThat(result.words()).extracting(OcrResult.Word::text).contains("4515", "90.40", "invoice");
        List<String> calls = Files.readAllLines(log);
        assertThat(calls).hasSize(2);
        assertThat(calls.get(1)).startsWith("probe.pgm");
        int probeHeight = Integer.parseInt(calls.get(1).split(" ")[2]);
        assertThat(probeHeight).isLessThan(image.getHeight() / 2);
    }

    @Test
    void aTallUpsideDownPageIsFoundByItsBandAndReadTurned() throws IOException {
        assumeTrue(new TesseractOcr().isAvailable(), "tesseract is not installed");
        Path log = dir.resolve("calls.log");
        TesseractOcr ocr = new TesseractOcr(TesseractOcr.Options.defaults().withBinary(recordingTesseract(log))
                .withLanguages(List.of("eng")));
        var image = TextImages.rotate(TextImages.render(tallPage(), TextImages.latin(30), 1100), 180);

        OcrResult result = ocr.recognize(TextImages.png("upside-down.png", image));

        assertThat(result.words()).extracting(OcrResult.Word::text).contains("4515", "90.40", "invoice");
        assertThat(Files.readAllLines(log)).extracting(call -> call.split("\\.")[0])
                .containsExactly("page", "probe", "turned");
    }
}
