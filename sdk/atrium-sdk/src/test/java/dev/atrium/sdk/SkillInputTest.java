package dev.atrium.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SkillInputTest {

    @Test
    void numberIsReadFromNumbersAndFromNumericText() {
        SkillInput input = SkillInput.builder()
                .value("int", 3)
                .value("double", 2.5)
                .value("text", " 42.5 ")
                .value("negative", "-1e3")
                .build();

        assertThat(input.number("int")).contains(3.0);
        assertThat(input.number("double")).contains(2.5);
        assertThat(input.number("text")).contains(42.5);
        assertThat(input.number("negative")).contains(-1000.0);
    }

    @Test
    void absentOrBlankNumberIsEmpty() {
        SkillInput input = SkillInput.builder().value("blank", "  ").build();

        assertThat(input.number("blank")).isEmpty();
        assertThat(input.number("missing")).isEmpty();
    }

    @Test
    void textThatIsNotANumberIsABadInputNamingTheInput() {
        SkillInput input = SkillInput.builder().value("amount", "twelve").build();

        assertThatThrownBy(() -> input.number("amount"))
                .isInstanceOfSatisfying(BadInputException.class, e -> {
                    assertThat(e.input()).contains("amount");
                    assertThat(e.code()).isEqualTo("bad-input");
                    assertThat(e.getMessage()).contains("twelve");
                });
    }

    @Test
    void textOfAnyValueIsItsStringForm() {
        SkillInput input = SkillInput.builder().value("name", "Ada").value("count", 7).build();

        assertThat(input.text("name")).contains("Ada");
        assertThat(input.text("count")).contains("7");
        assertThat(input.text("missing")).isEmpty();
    }

    @Test
    void requiredTextThatIsMissingOrBlankIsABadInputNamingTheInput() {
        SkillInput input = SkillInput.builder().value("blank", " \n ").build();

        assertThatThrownBy(() -> input.requireText("blank"))
                .isInstanceOfSatisfying(BadInputException.class, e -> assertThat(e.input()).contains("blank"));
        assertThatThrownBy(() -> input.requireText("missing"))
                .isInstanceOfSatisfying(BadInputException.class, e -> assertThat(e.input()).contains("missing"));
    }

    @Test
    void booleanIsFalseUnlessGivenAsTrue() {
        SkillInput input = SkillInput.builder()
                .value("yes", true).value("text", "TRUE").value("no", "nope").build();

        assertThat(input.bool("yes")).isTrue();
        assertThat(input.bool("text")).isTrue();
        assertThat(input.bool("no")).isFalse();
        assertThat(input.bool("missing")).isFalse();
    }

    @Test
    void filesAreKeptPerInputInTheOrderGiven() {
        Media first = Media.ofText("a.txt", "text/plain", "a");
        Media second = Media.ofText("b.txt", "text/plain", "b");
        SkillInput input = SkillInput.builder().file("docs", first).file("docs", second).build();

        assertThat(input.file("docs")).containsSame(first);
        assertThat(input.files("docs")).containsExactly(first, second);
        assertThat(input.files("missing")).isEmpty();
        assertThat(input.file("missing")).isEmpty();
        assertThat(input.has("docs")).isTrue();
        assertThat(input.values()).isEmpty();
        assertThat(input.allFiles()).containsOnlyKeys("docs");
    }

    @Test
    void builtInputIsNotChangedByLaterBuilderCalls() {
        SkillInput.Builder builder = SkillInput.builder().value("a", 1);
        SkillInput input = builder.build();
        builder.value("b", 2).file("f", Media.ofText("f.txt", "text/plain", "f"));

        assertThat(input.has("b")).isFalse();
        assertThat(input.has("f")).isFalse();
        assertThatThrownBy(() -> input.values().put("c", 3)).isInstanceOf(UnsupportedOperationException.class);
    }
}
