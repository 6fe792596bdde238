package dev.atrium.engine.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LanguageDetectorTest {

    private static final LanguageDetector DETECTOR = new LanguageDetector();

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            en | We agreed to move the launch to March and increase the marketing budget.
            en | The cat sits on the mat.
            de | Der Hund läuft schnell über die Straße und bellt laut.
            fr | Le chat est assis sur le tapis et regarde par la fenêtre.
            es | El perro corre rápidamente por la calle hacia el parque.
            it | Il gatto è sul tavolo della cucina.
            pt | O gato está em cima da mesa da cozinha.
            nl | De kat zit op de mat in de woonkamer.
            zh | 今天主要讨论新版应用的发布时间。
            zh | 我们使用 Spring Boot 开发新的支付平台。
            ja | 明日の会議は午後三時から始まります。
            ko | 내일 회의는 오후 세 시에 시작합니다.
            el | Η συνάντηση ξεκινά στις τρεις.
            """)
    void detectsTheMainLanguage(String expected, String text) {
        assertThat(DETECTOR.detect(text)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "\"{0}\"")
    @CsvSource(delimiter = '|', emptyValue = "", textBlock = """
            Okay.
            OK thanks
            12345 678
            ''
            """)
    void saysUndeterminedWhenUnsure(String text) {
        assertThat(DETECTOR.detect(text)).isEqualTo("und");
    }
}
