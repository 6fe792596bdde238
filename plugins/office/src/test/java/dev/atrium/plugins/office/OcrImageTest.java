package dev.atrium.plugins.office;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.atrium.sdk.model.Engine;
import dev.atrium.sdk.model.OcrResult;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class OcrImageTest {

    private static OcrResult words(int count, int height, double confidence) {
        List<OcrResult.Word> words = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            words.add(new OcrResult.Word("WORD", confidence, new OcrResult.Box(10, 30 * i, 40, height), i));
        }
        return new OcrResult("", List.of(), words, Engine.embedded("test"));
    }

    @Test
    void smallPrintIsEnlargedToTheWordHeightTesseractReadsWell() {
        assertThat(OcrImage.scaleForText(words(20, 12, 90))).isCloseTo(OcrImage.WORD_HEIGHT / 12, within(1e-9));
    }

    @Test
    void largePrintIsNotShrunkAndTinyPrintIsEnlargedAtMostThreeTimes() {
        assertThat(OcrImage.scaleForText(words(20, 60, 90))).isEqualTo(1.0);
        assertThat(OcrImage.scaleForText(words(20, 5, 90))).isEqualTo(OcrImage.MAX_SCALE);
    }

    @Test
    void tooFewSurelyReadWordsGiveNoJudgement() {
        assertThat(OcrImage.scaleForText(words(9, 12, 90))).isZero();
        assertThat(OcrImage.scaleForText(words(20, 12, 40))).isZero();
    }
}
