package dev.atrium.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class SkillExceptionTest {

    @Test
    void everyErrorCarriesItsStableProblemCode() {
        List<SkillException> errors = List.of(
                new BadInputException("x"),
                new CapabilityUnavailableException("x"),
                new NotFoundException("x"),
                new ProviderException("x"),
                new RunCancelledException(),
                new SkillTimeoutException("x"),
                new UnsupportedMediaException("x"));

        assertThat(errors).extracting(SkillException::code).containsExactly(
                "bad-input", "capability-unavailable", "not-found", "provider-error", "cancelled", "timeout",
                "unsupported-media");
    }

    @Test
    void badInputWithoutAnInputNamesNone() {
        assertThat(new BadInputException("broken").input()).isEmpty();
        assertThat(new BadInputException("file", "corrupt", new IllegalStateException()).input()).contains("file");
    }

    @Test
    void cancellationSignalThrowsOnlyOnceCancelled() {
        boolean[] cancelled = {false};
        CancellationSignal signal = new CancellationSignal() {
            @Override
            public boolean isCancelled() {
                return cancelled[0];
            }

            @Override
            public void onCancel(Runnable action) {
            }
        };

        signal.throwIfCancelled();
        cancelled[0] = true;
        assertThatThrownBy(signal::throwIfCancelled)
                .isInstanceOf(RunCancelledException.class);
    }
}
