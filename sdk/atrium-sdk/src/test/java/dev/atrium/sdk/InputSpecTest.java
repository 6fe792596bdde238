package dev.atrium.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class InputSpecTest {

    @Test
    void idMustBeAShortIdentifierStartingWithALetter() {
        assertThatThrownBy(() -> InputSpec.text("1st").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1st");
        assertThatThrownBy(() -> InputSpec.text("has space").build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> InputSpec.text("").build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> InputSpec.text("a".repeat(65)).build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> InputSpec.text(null).build())
                .isInstanceOf(NullPointerException.class);

        assertThat(InputSpec.text("a".repeat(64)).build().id()).hasSize(64);
        assertThat(InputSpec.text("file_name.v2-x").build().id()).isEqualTo("file_name.v2-x");
    }

    @Test
    void choiceWithoutOptionsIsRejected() {
        assertThatThrownBy(() -> InputSpec.choice("tone").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("tone");
    }

    @Test
    void numberWithMinAboveMaxIsRejected() {
        assertThatThrownBy(() -> InputSpec.number("n").range(10.0, 1.0).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("min > max");
        assertThat(InputSpec.number("n").range(1.0, 1.0).build().min()).isEqualTo(1.0);
    }

    @Test
    void missingPartsAreNormalisedToDefaults() {
        InputSpec spec = InputSpec.file("scan").build();

        assertThat(spec.label()).isEqualTo("scan");
        assertThat(spec.description()).isEmpty();
        assertThat(spec.options()).isEmpty();
        assertThat(spec.accept()).isEmpty();
        assertThat(spec.maxBytes()).isEqualTo(InputSpec.DEFAULT_MAX_BYTES);
        assertThat(spec.maxFiles()).isEqualTo(1);
        assertThat(spec.required()).isFalse();
    }

    @Test
    void multiFileInputTakesTenFilesUnlessToldOtherwise() {
        assertThat(InputSpec.files("scans").build().maxFiles()).isEqualTo(10);
        assertThat(InputSpec.files("scans").maxFiles(3).build().maxFiles()).isEqualTo(3);
        assertThat(InputSpec.file("scan").maxFiles(3).build().maxFiles()).isEqualTo(1);
    }

    @Test
    void builderCarriesEveryDeclaredProperty() {
        InputSpec spec = InputSpec.choice("tone", "formal", "casual")
                .label("Tone").description("How it sounds").required().defaultValue("formal").build();

        assertThat(spec.type()).isEqualTo(InputType.CHOICE);
        assertThat(spec.label()).isEqualTo("Tone");
        assertThat(spec.description()).isEqualTo("How it sounds");
        assertThat(spec.required()).isTrue();
        assertThat(spec.defaultValue()).isEqualTo("formal");
        assertThat(spec.options()).containsExactly("formal", "casual");
    }

    @Test
    void fileInputWithoutAcceptListAcceptsAnyMediaType() {
        InputSpec spec = InputSpec.file("file").build();

        assertThat(spec.accepts("application/pdf")).isTrue();
        assertThat(spec.accepts("image/png")).isTrue();
        assertThat(spec.accepts(null)).isTrue();
    }

    @Test
    void wildcardPatternAcceptsEverySubtypeOfItsType() {
        InputSpec spec = InputSpec.file("photo").accept("image/*").build();

        assertThat(spec.accepts("image/png")).isTrue();
        assertThat(spec.accepts("image/jpeg")).isTrue();
        assertThat(spec.accepts("application/pdf")).isFalse();
        assertThat(spec.accepts("imagex/png")).isFalse();
        assertThat(spec.accepts("image")).isFalse();
        assertThat(spec.accepts(null)).isFalse();
        assertThat(spec.accepts("")).isFalse();
    }

    @Test
    void mediaTypeParametersAreIgnoredWhenMatching() {
        InputSpec spec = InputSpec.file("notes").accept("text/plain").build();

        assertThat(spec.accepts("text/plain; charset=utf-8")).isTrue();
        assertThat(spec.accepts("text/plain;charset=GBK")).isTrue();
        assertThat(spec.accepts("text/html; charset=utf-8")).isFalse();
    }

    @Test
    void matchingIgnoresCase() {
        InputSpec spec = InputSpec.file("doc").accept("Application/PDF").build();

        assertThat(spec.accept()).containsExactly("application/pdf");
        assertThat(spec.accepts("APPLICATION/pdf")).isTrue();
    }

    @Test
    void anyOfSeveralPatternsIsEnough() {
        InputSpec spec = InputSpec.file("doc").accept("application/pdf", "image/*").build();

        assertThat(spec.accepts("application/pdf")).isTrue();
        assertThat(spec.accepts("image/webp")).isTrue();
        assertThat(spec.accepts("text/csv")).isFalse();
    }

    @Test
    void starSlashStarAcceptsEverything() {
        InputSpec spec = InputSpec.file("any").accept("*/*").build();

        assertThat(spec.accepts("application/zip")).isTrue();
    }

    @Test
    void onlyFileTypesArriveAsFiles() {
        assertThat(InputType.FILE.isFile()).isTrue();
        assertThat(InputType.FILES.isFile()).isTrue();
        assertThat(InputType.TEXT.isFile()).isFalse();
        assertThat(InputType.NUMBER.isFile()).isFalse();
    }
}
