package dev.atrium.plugins.education;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NumberMentionsTest {

    private static BigDecimal only(String text) {
        List<NumberMentions.Mention> found = NumberMentions.find(NumberMentions.fold(text));
        assertThat(found).as(text).hasSize(1);
        return found.get(0).value();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "She sold 72 clips|72", "It costs $1,200 in total|1200", "about 0.25 of it|0.25", "50% of them|0.5",
            "twenty-one apples|21", "twenty one apples|21", "one hundred and five pages|105", "a dozen eggs|12",
            "two dozen eggs|24", "three quarters of the cake|0.75", "one half|0.5", "two and a half hours|2.5",
            "three point five metres|3.5", "fifty percent|0.5", "3 thousand people|3000", "seventy-two clips|72",
            "二十一个苹果|21", "十二|12", "一百零五页|105", "三点五米|3.5", "百分之五十|0.5", "四分之三|0.75",
            "两万人|20000", "１２个|12", "一半|0.5", "two million|2000000"})
    void readsNumbersInEveryForm(String text, String value) {
        assertThat(only(text)).isEqualByComparingTo(value);
    }

    @Test
    void roundedDecimalsMeanTheExactValue() {
        NumberMentions.Mention rounded = NumberMentions.find("about 0.33").get(0);
        NumberMentions.Mention percent = NumberMentions.find("33%").get(0);
        BigDecimal third = BigDecimal.ONE.divide(BigDecimal.valueOf(3), NumberMentions.PRECISION);

        assertThat(NumberMentions.means(rounded, third)).isTrue();
        assertThat(NumberMentions.means(percent, third)).isTrue();
        assertThat(NumberMentions.means(NumberMentions.find("720").get(0), BigDecimal.valueOf(72))).isFalse();
    }

    @Test
    void readsEveryNumberWrittenInWordsUpToAMillion() {
        Random random = new Random(7);
        for (int i = 0; i < 2000; i++) {
            long n = random.nextInt(1_000_000);
            String english = NumberWords.english(n, random.nextBoolean(), random.nextBoolean());
            String chinese = NumberWords.chinese(n);

            assertThat(only("it is " + english + " in all")).as(english).isEqualByComparingTo(BigDecimal.valueOf(n));
            assertThat(only("一共" + chinese + "个")).as(chinese).isEqualByComparingTo(BigDecimal.valueOf(n));
        }
    }
}
