package dev.atrium.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atrium.sdk.model.Capability;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SkillSpecTest {

    @ParameterizedTest
    @ValueSource(strings = {"Echo", "1echo", "echo_x", "echo.x", "-echo", "", "échо"})
    void idThatIsNotLowerCaseLettersDigitsAndDashesIsRejected(String id) {
        assertThatThrownBy(() -> SkillSpec.builder(id).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("skill id");
    }

    @Test
    void idOfUpToSixtyFourCharactersIsAccepted() {
        assertThat(SkillSpec.builder("summarise-v2").build().id()).isEqualTo("summarise-v2");
        assertThat(SkillSpec.builder("a".repeat(64)).build().id()).hasSize(64);
        assertThatThrownBy(() -> SkillSpec.builder("a".repeat(65)).build())
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void duplicateInputIdsAreRejected() {
        assertThatThrownBy(() -> SkillSpec.builder("echo")
                .input(InputSpec.text("text"))
                .input(InputSpec.longText("text"))
                .build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("duplicate input id text");
    }

    @Test
    void nonPositiveTimeoutIsRejected() {
        assertThatThrownBy(() -> SkillSpec.builder("echo").timeout(Duration.ZERO).build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SkillSpec.builder("echo").timeout(Duration.ofSeconds(-1)).build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(SkillSpec.builder("echo").timeout(Duration.ofSeconds(5)).build().timeout())
                .isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void missingPartsAreNormalised() {
        SkillSpec spec = new SkillSpec("echo", null, null, null, null, null, null);

        assertThat(spec.title()).isEqualTo("echo");
        assertThat(spec.description()).isEmpty();
        assertThat(spec.inputs()).isEmpty();
        assertThat(spec.outputs()).isEmpty();
        assertThat(spec.capabilities()).isEmpty();
        assertThat(spec.timeout()).isNull();
    }

    @Test
    void inputsKeepTheirDeclaredOrderAndCanBeLookedUp() {
        SkillSpec spec = SkillSpec.builder("translate")
                .input(InputSpec.longText("text").required())
                .input(InputSpec.choice("language", "en", "zh"))
                .build();

        assertThat(spec.inputs()).extracting(InputSpec::id).containsExactly("text", "language");
        assertThat(spec.input("language")).hasValueSatisfying(i -> assertThat(i.type()).isEqualTo(InputType.CHOICE));
        assertThat(spec.input("missing")).isEmpty();
    }

    @Test
    void declaredListsCannotBeChangedAfterwards() {
        SkillSpec spec = SkillSpec.builder("chat")
                .input(InputSpec.text("q"))
                .output(OutputSpec.text("answer", "text/markdown", "the answer"))
                .uses(Capability.CHAT, Capability.VISION)
                .build();

        assertThat(spec.capabilities()).containsExactlyInAnyOrder(Capability.CHAT, Capability.VISION);
        assertThatThrownBy(() -> spec.capabilities().add(Capability.OCR))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> spec.inputs().add(InputSpec.text("x").build()))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> spec.outputs().clear())
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void outputsDescribeWhereTheyAppear() {
        List<OutputSpec> outputs = List.of(
                OutputSpec.result("total", "the sum"),
                OutputSpec.text("reply", "text/plain", null),
                OutputSpec.artifact("report.pdf", "application/pdf", "the report"));

        assertThat(outputs).extracting(OutputSpec::kind)
                .containsExactly(OutputSpec.Kind.RESULT, OutputSpec.Kind.TEXT, OutputSpec.Kind.ARTIFACT);
        assertThat(outputs.get(0).mediaType()).isEmpty();
        assertThat(outputs.get(1).description()).isEmpty();
    }
}
