package dev.atrium.sdk.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atrium.sdk.RunCancelledException;
import dev.atrium.sdk.model.ChatMessage;
import dev.atrium.sdk.model.ChatRequest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class FakeModelGatewaySequenceTest {

    record Verdict(String label, int score) {
    }

    private static ChatRequest ask(String text) {
        return new ChatRequest(List.of(ChatMessage.system("You are terse."), ChatMessage.user(text)), null, null);
    }

    @Test
    void chatSequenceAnswersCallsInOrderThenRepeatsTheLast() {
        FakeModelGateway models = new FakeModelGateway().onChatSequence("first", "second");

        assertThat(models.chat(ask("a")).text()).isEqualTo("first");
        assertThat(models.chat(ask("b")).text()).isEqualTo("second");
        assertThat(models.chat(ask("c")).text()).isEqualTo("second");
    }

    @Test
    void exhaustedSequenceFailsNamingTheCallWhenAskedTo() {
        FakeModelGateway models = new FakeModelGateway().onChatSequence("only").failWhenExhausted();

        models.chat(ask("a"));
        assertThatThrownBy(() -> models.chat(ask("b")))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("chat call 2").hasMessageContaining("only 1 answer");
    }

    @Test
    void structuredSequenceConvertsEachAnswerToTheRequestedType() {
        FakeModelGateway models = new FakeModelGateway()
                .onStructuredSequence(Map.of("label", "draft", "score", 1), new Verdict("final", 9));

        assertThat(models.structured(ask("a"), Verdict.class).value()).isEqualTo(new Verdict("draft", 1));
        assertThat(models.structured(ask("b"), Verdict.class).value()).isEqualTo(new Verdict("final", 9));
        assertThat(models.structured(ask("c"), Verdict.class).value()).isEqualTo(new Verdict("final", 9));
    }

    @Test
    void structuredJsonSequenceParsesEachAnswer() {
        FakeModelGateway models = new FakeModelGateway()
                .onStructuredJsonSequence("{\"label\":\"a\",\"score\":1}", "{\"label\":\"b\",\"score\":2}");

        assertThat(models.structured(ask("x"), Verdict.class).value().label()).isEqualTo("a");
        assertThat(models.structured(ask("y"), Verdict.class).value().label()).isEqualTo("b");
    }

    @Test
    void emptySequenceIsRefusedWhenScripted() {
        assertThatThrownBy(() -> new FakeModelGateway().onChatSequence())
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void sentTextsListEveryMessageAndEmbeddedTextInOrder() {
        FakeModelGateway models = new FakeModelGateway().onChat("ok").onEmbed(text -> new float[] {1f});

        models.chat(ask("summarise the visit"));
        models.embed(List.of("passage one"));

        assertThat(models.sentTexts()).containsExactly("You are terse.", "summarise the visit", "passage one");
        assertThat(models.requests(FakeModelGateway.Operation.EMBED)).hasSize(1);
    }

    @Test
    void neverSentFailsNamingTheRequestThatLeakedTheFragment() {
        FakeModelGateway models = new FakeModelGateway().onChat("ok");
        models.chat(ask("nothing private"));
        models.chat(ask("Patient Jane Doe, born 1970"));

        models.assertNeverSent("John Smith");
        assertThatThrownBy(() -> models.assertNeverSent("jane doe"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("request 2 of 2 (CHAT)")
                .hasMessageContaining("Patient Jane Doe");
    }

    @Test
    void sentPassesOnAMatchAndFailsSayingWhatWasSent() {
        FakeModelGateway models = new FakeModelGateway().onChat("ok");
        models.chat(ask("translate: bonjour"));

        models.assertSent("BONJOUR");
        assertThatThrownBy(() -> models.assertSent("hola"))
                .isInstanceOf(AssertionError.class).hasMessageContaining("1 request(s)");
    }

    @Test
    void nothingSentFailsOnceAModelWasCalled() {
        FakeModelGateway models = new FakeModelGateway().onChat("ok");
        models.assertNothingSent();

        models.chat(ask("hi"));
        assertThatThrownBy(models::assertNothingSent).isInstanceOf(AssertionError.class).hasMessageContaining("CHAT");
    }

    @Test
    void delayedCallInterruptedByCancellationEndsAsCancelled() throws InterruptedException {
        FakeModelGateway models = new FakeModelGateway().onChat("late").delay(Duration.ofSeconds(30));
        AtomicReference<Throwable> outcome = new AtomicReference<>();
        Thread caller = new Thread(() -> {
            try {
                models.chat(ask("slow"));
            } catch (Throwable e) {
                outcome.set(e);
            }
        });
        caller.start();
        Thread.sleep(100);
        caller.interrupt();
        caller.join(2000);

        assertThat(caller.isAlive()).isFalse();
        assertThat(outcome.get()).isInstanceOf(RunCancelledException.class);
    }
}
