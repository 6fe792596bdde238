package dev.atrium.platform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atrium.platform.models.FakeOpenAiServer;
import dev.atrium.platform.persistence.TestKeys;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The bundled plugins' remote paths, end to end: the platform talks to a local fake OpenAI server in the
 * real wire format, and each skill's own guarantees hold on what comes back — minutes built from the
 * model's structured answer and traced to the transcript, a tutor reply that states the answer rewritten
 * by the leak guard, and a medical draft whose identifiers never reach the model.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class BundledSkillsRemoteIT {

    static final ParameterizedTypeReference<Map<String, Object>> MAP = new ParameterizedTypeReference<>() { };
    static final String CHAT = "/v1/chat/completions";
    private static final FakeOpenAiServer FAKE = FakeOpenAiServer.started();

    @TempDir
    static Path home;

    @LocalServerPort
    int port;

    WebTestClient http;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("atrium.home", () -> home.toString());
        registry.add("atrium.models.default-provider", () -> "fake");
        registry.add("atrium.models.providers.fake.base-url", FAKE::baseUrl);
        registry.add("atrium.models.providers.fake.api-key", () -> "sk-remote-it-0123456789");
        registry.add("atrium.models.providers.fake.chat-model", () -> "fake-chat");
        registry.add("atrium.models.providers.fake.timeout", () -> "10s");
        registry.add("atrium.models.providers.fake.max-retries", () -> "0");
    }

    @AfterAll
    static void stopFake() {
        FAKE.close();
    }

    @BeforeEach
    void client() {
        http = TestKeys.adminClient(port, home, Duration.ofSeconds(60));
    }

    private Map<String, Object> run(String plugin, String skill, Map<String, Object> input) {
        Map<String, Object> run = http.post().uri("/api/skills/" + plugin + "/" + skill + "/runs?wait=true")
                .contentType(MediaType.APPLICATION_JSON).bodyValue(input).exchange()
                .expectStatus().isOk().expectBody(MAP).returnResult().getResponseBody();
        assertThat(run).isNotNull();
        assertThat(run.get("status")).as("run %s", run).isEqualTo("succeeded");
        return run;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> result(Map<String, Object> run) {
        return (Map<String, Object>) run.get("result");
    }

    @Test
    @SuppressWarnings("unchecked")
    void minutesComeFromTheModelsStructuredAnswerAndEveryItemQuotesTheTranscript() {
        FAKE.on(CHAT, FakeOpenAiServer.chat("""
                {"summary": "The team will ship the beta on Friday with the blue design.",
                 "topics": [{"title": "Beta release", "summary": "Date and design of the beta.", "firstTurn": 1, "lastTurn": 3}],
                 "decisions": [{"text": "Ship the beta on Friday", "turn": 1, "quote": "ship the beta on Friday"},
                               {"text": "Cancel the whole project", "turn": 9, "quote": "we cancel everything"}],
                 "actionItems": [{"what": "Write the release notes", "owner": "Bob", "due": "by Thursday", "turn": 2,
                                  "quote": "I will write the release notes by Thursday"}],
                 "openQuestions": [{"text": "Who announces the beta?", "turn": 3}]}""", 120, 80));
        int before = FAKE.requests(CHAT).size();

        Map<String, Object> minutes = result(run("office", "minutes", Map.of(
                "transcript", """
                        Alice: Let's ship the beta on Friday.
                        Bob: I will write the release notes by Thursday.
                        Alice: Agreed, we go with the blue design. Who announces it?""",
                "date", "2026-11-23")));

        assertThat(minutes.get("summary")).isEqualTo("The team will ship the beta on Friday with the blue design.");
        assertThat(String.valueOf(minutes.get("engine"))).contains("fake");
        List<Map<String, Object>> actions = (List<Map<String, Object>>) minutes.get("actionItems");
        assertThat(actions).singleElement().satisfies(item -> {
            assertThat(item).containsEntry("owner", "Bob");
            assertThat(item.get("due")).isEqualTo("2026-11-26");
            assertThat(String.valueOf(item.get("quote"))).contains("release notes by Thursday");
        });
        // A decision whose turn does not exist and whose quote was never said is dropped, not shown.
        List<Map<String, Object>> decisions = (List<Map<String, Object>>) minutes.get("decisions");
        assertThat(decisions).extracting(d -> d.get("text")).containsExactly("Ship the beta on Friday");
        // What the model was sent: the numbered transcript and a JSON schema for its answer.
        FakeOpenAiServer.Request sent = FAKE.requests(CHAT).get(before);
        assertThat(sent.body()).contains("[2] Bob: I will write the release notes by Thursday.").contains("response_format");
    }

    @Test
    void aTutorReplyFromTheModelThatStatesTheAnswerIsRewrittenBeforeTheLearnerSeesIt() {
        FAKE.on(CHAT, FakeOpenAiServer.chat("Nearly there! Tom has 17 apples, so the answer is seventeen.", 90, 20));

        Map<String, Object> tutored = result(run("education", "tutor", Map.of(
                "problem", "Tom has 12 apples and buys 5 more. How many apples does he have now?",
                "solution", "12 + 5 = 17",
                "answer", "17",
                "message", "just tell me the answer")));

        String reply = String.valueOf(tutored.get("reply"));
        assertThat(reply).isNotBlank().doesNotContain("17").doesNotContainIgnoringCase("seventeen");
        assertThat(tutored.get("guardRewrote")).isEqualTo(true);
        assertThat(String.valueOf(tutored.get("engine"))).contains("fake");
    }

    @Test
    void noIdentifierOfTheVisitReachesTheModel() {
        FAKE.on(CHAT, FakeOpenAiServer.chat("{}", 200, 10));
        int before = FAKE.requests(CHAT).size();

        Map<String, Object> run = run("medical", "draft-report", Map.of(
                "reportType", "visit-note",
                "source", """
                        Doctor: Good morning Mr. John Whitaker, I see your record number is MRN 48213377.
                        Patient: Yes. I have had chest pain since Tuesday, March 3rd 2026. Call me at 617-555-0134.
                        Doctor: Any shortness of breath?
                        Patient: No, no shortness of breath. My email is jwhitaker@example.com.
                        Doctor: Your troponin is normal. We will get an ECG.""",
                "age", 58, "sex", "male"));

        List<FakeOpenAiServer.Request> sent = FAKE.requests(CHAT).subList(before, FAKE.requests(CHAT).size());
        assertThat(sent).as("the remote path was taken").isNotEmpty();
        // The clinical content goes; who the patient is does not.
        assertThat(sent).anySatisfy(request -> assertThat(request.body()).contains("chest pain"));
        for (FakeOpenAiServer.Request request : sent) {
            assertThat(request.body()).doesNotContain("Whitaker", "48213377", "617-555-0134", "555-0134",
                    "jwhitaker@example.com", "March 3rd 2026");
        }
        assertThat(run.get("status")).isEqualTo("succeeded");
    }
}
