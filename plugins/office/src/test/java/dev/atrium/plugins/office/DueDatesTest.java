package dev.atrium.plugins.office;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DueDatesTest {

    /** Tuesday 24 November 2026. */
    private static final LocalDate MEETING = LocalDate.of(2026, 11, 24);

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "I'll send it today|2026-11-24",
            "I'll send it tomorrow|2026-11-25",
            "the day after tomorrow|2026-11-26",
            "I'll do it by Friday|2026-11-27",
            "John will call them on Tuesday|2026-12-01",
            "Send it by next Monday|2026-11-30",
            "next Friday works|2026-12-04",
            "by this Thursday|2026-11-26",
            "before the end of the week|2026-11-27",
            "by the end of the month|2026-11-30",
            "in two weeks|2026-12-08",
            "within 3 days|2026-11-27",
            "due 2027-01-15|2027-01-15",
            "by December 5th|2026-12-05",
            "as we said today, John will send it by Friday|2026-11-27",
            "明天给我|2026-11-25",
            "后天|2026-11-26",
            "下周五前完成|2026-12-04",
            "周三前提交|2026-11-25",
            "本周五|2026-11-27",
            "月底前交付|2026-11-30",
            "下个月底|2026-12-31",
            "三天内|2026-11-27",
            "12月10日前|2026-12-10",
    })
    void resolvesAgainstTheMeetingDate(String sentence, String expected) {
        assertThat(DueDates.resolve(sentence, MEETING)).contains(LocalDate.parse(expected));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"we should think about it", "I sat down with them", "性能测试还没有做"})
    void sentencesWithoutADateHaveNone(String sentence) {
        assertThat(DueDates.resolve(sentence, MEETING)).isEmpty();
    }
}
