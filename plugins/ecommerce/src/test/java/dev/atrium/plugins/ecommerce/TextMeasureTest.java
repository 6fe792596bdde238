package dev.atrium.plugins.ecommerce;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Lengths as each marketplace counts them. */
class TextMeasureTest {

    @Test
    void bytesCharactersAndTaobaoUnitsDifferForTheSameText() {
        String text = "纯铜 Kettle";
        assertThat(TextMeasure.CHARS.length(text)).isEqualTo(9);
        assertThat(TextMeasure.UTF8_BYTES.length(text)).isEqualTo(13);
        assertThat(TextMeasure.CJK_DOUBLE.length(text)).isEqualTo(11);
        assertThat(TextMeasure.CJK_DOUBLE.length("，")).isEqualTo(2);
    }

    @Test
    void cuttingNeverSplitsAWordOrAMultiByteCharacter() {
        assertThat(TextMeasure.CHARS.truncate("Copper kettle with base", 16)).isEqualTo("Copper kettle");
        assertThat(TextMeasure.UTF8_BYTES.truncate("thé thé thé", 9)).isEqualTo("thé thé");
        assertThat(TextMeasure.CJK_DOUBLE.truncate("纯铜电水壶大容量家用", 9)).isEqualTo("纯铜电水");
        assertThat(TextMeasure.CJK_DOUBLE.truncate("Hearthwell 纯铜电水壶", 14)).isEqualTo("Hearthwell 纯");
    }
}
