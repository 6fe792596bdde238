package dev.atrium.platform.runs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atrium.platform.problem.ProblemException;
import dev.atrium.sdk.InputSpec;
import dev.atrium.sdk.SkillSpec;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

class InputBinderTest {

    private final SkillSpec spec = SkillSpec.builder("listing")
            .input(InputSpec.text("title").required())
            .input(InputSpec.number("count").range(1.0, 10.0).defaultValue(3))
            .input(InputSpec.bool("draft"))
            .input(InputSpec.choice("market", "amazon", "taobao").defaultValue("amazon"))
            .input(InputSpec.file("photo").accept("image/*").maxBytes(100))
            .build();

    @Test
    void convertsFormStringsAndFillsDefaults() {
        InputBinder.Bound bound = InputBinder.bind(spec, Map.of("title", "Mug", "draft", "on"), Map.of());

        assertThat(bound.values()).containsEntry("title", "Mug").containsEntry("count", 3L)
                .containsEntry("draft", true).containsEntry("market", "amazon");
        assertThat(bound.input().number("count")).contains(3.0);
    }

    @Test
    void listsEveryProblemAndNamesTheFirstInput() {
        assertThatThrownBy(() -> InputBinder.bind(spec, Map.of("count", "12", "market", "ebay", "colour", "red"), Map.of()))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.status()).isEqualTo(HttpStatus.BAD_REQUEST);
                    assertThat(e.code()).isEqualTo("bad-input");
                    assertThat((List<?>) e.properties().get("errors")).hasSize(4);
                    assertThat(e.properties().get("input")).isEqualTo("colour");
                });
    }

    @Test
    void refusesAFileOfAnotherTypeWith415AndAnOversizeFileWith413() {
        StoredFile pdf = new StoredFile("photo", "a.pdf", "application/pdf", 10, "x", Path.of("a.pdf"));
        StoredFile big = new StoredFile("photo", "a.png", "image/png", 101, "x", Path.of("a.png"));

        assertThatThrownBy(() -> InputBinder.bind(spec, Map.of("title", "t"), Map.of("photo", List.of(pdf))))
                .isInstanceOfSatisfying(ProblemException.class,
                        e -> assertThat(e.status()).isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE));
        assertThatThrownBy(() -> InputBinder.bind(spec, Map.of("title", "t"), Map.of("photo", List.of(big))))
                .isInstanceOfSatisfying(ProblemException.class,
                        e -> assertThat(e.status()).isEqualTo(HttpStatus.CONTENT_TOO_LARGE));
    }

    @Test
    void refusesAFileInputSentAsAJsonValue() {
        assertThatThrownBy(() -> InputBinder.bind(spec, Map.of("title", "t", "photo", "base64..."), Map.of()))
                .isInstanceOfSatisfying(ProblemException.class,
                        e -> assertThat(e.getMessage()).contains("multipart part named 'photo'"));
    }
}
