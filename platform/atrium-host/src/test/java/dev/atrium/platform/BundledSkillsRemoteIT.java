package dev.atrium.platform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atrium.platform.models.FakeOpenAiServer;
import dev.atrium.platform.persistence.TestKeys;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The bundled plugins' remote paths, end to end: the platform talks to a local fake OpenAI server in the
 * real wire format, and each skill's own guarantees hold on what comes back — minutes built from the
 * model's structured answer and traced to the transcript (a long one drafted in chunks and their summaries
 * combined), a meeting question answered from the retrieved turns it cites, receipts read by the vision model
 * and put through the same checks, a tutor reply that states the answer rewritten
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

    @Test
    @SuppressWarnings("unchecked")
    void aLongTranscriptIsDraftedChunkByChunkAndThePartsSummariesCombined() {
        StringBuilder transcript = new StringBuilder();
        for (int i = 1; i <= 70; i++) {
            transcript.append(i % 2 == 0 ? "Bob" : "Alice").append(": point ").append(i).append(" on the billing rollout, ")
                    .append("which we keep discussing at length so that the meeting runs long. ".repeat(2)).append('\n');
        }
        transcript.append("Bob: I will send the rollout checklist by Friday.\n");
        FAKE.on(CHAT,
                FakeOpenAiServer.chat("""
                        {"summary": "The rollout plan was reviewed.", "topics": [], "decisions": [
                         {"text": "Roll out billing in stages", "turn": 1, "quote": "point 1 on the billing rollout"}],
                         "actionItems": [], "openQuestions": []}""", 2000, 60),
                FakeOpenAiServer.chat("""
                        {"summary": "Bob took the checklist.", "topics": [], "decisions": [],
                         "actionItems": [{"what": "Send the rollout checklist", "owner": "Bob", "due": "by Friday",
                                          "turn": 71, "quote": "I will send the rollout checklist by Friday"}],
                         "openQuestions": []}""", 1500, 60),
                FakeOpenAiServer.chat("The billing rollout was reviewed in stages, and Bob will send the checklist.", 80, 20));
        int before = FAKE.requests(CHAT).size();

        Map<String, Object> minutes = result(run("office", "minutes", Map.of(
                "transcript", transcript.toString(), "date", "2026-11-23")));

        List<FakeOpenAiServer.Request> sent = FAKE.requests(CHAT).subList(before, FAKE.requests(CHAT).size());
        assertThat(sent).as("two chunks and the combining request").hasSize(3);
        assertThat(sent.get(0).body()).contains("[1] Alice: point 1").doesNotContain("[71] Bob");
        assertThat(sent.get(1).body()).contains("[71] Bob: I will send the rollout checklist by Friday.")
                .doesNotContain("[1] Alice");
        assertThat(sent.get(2).body()).contains("The rollout plan was reviewed.").contains("Bob took the checklist.");
        assertThat(minutes.get("summary"))
                .isEqualTo("The billing rollout was reviewed in stages, and Bob will send the checklist.");
        assertThat((List<Map<String, Object>>) minutes.get("decisions")).extracting(d -> d.get("text"))
                .containsExactly("Roll out billing in stages");
        assertThat((List<Map<String, Object>>) minutes.get("actionItems")).singleElement().satisfies(item -> {
            assertThat(item).containsEntry("owner", "Bob").containsEntry("due", "2026-11-27");
            assertThat(String.valueOf(item.get("quote"))).contains("rollout checklist by Friday");
        });
    }

    @Test
    @SuppressWarnings("unchecked")
    void aMeetingQuestionIsAnsweredByTheModelFromTheTurnsItCites() {
        FAKE.on(CHAT, FakeOpenAiServer.chat("They chose a rechargeable battery with a dock [2].", 150, 20));
        int before = FAKE.requests(CHAT).size();

        Map<String, Object> answer = result(run("office", "meeting-qa", Map.of(
                "transcript", """
                        Anna: Welcome everyone, let's look at the remote control today.
                        Ben: For the battery, we agreed on a rechargeable one with a charging dock.
                        Anna: And the case will be rubber so it survives drops.
                        Ben: Marketing wants it in yellow.""",
                "question", "What did the group decide about the remote control's battery?")));

        assertThat(answer.get("answer")).isEqualTo("They chose a rechargeable battery with a dock [2].");
        assertThat(String.valueOf(answer.get("engine"))).contains("fake");
        assertThat((List<Map<String, Object>>) answer.get("quotes")).singleElement().satisfies(quote -> {
            assertThat(quote).containsEntry("speaker", "Ben").containsEntry("source", "turn 2");
            assertThat(String.valueOf(quote.get("text"))).contains("rechargeable one with a charging dock");
        });
        String sent = FAKE.requests(CHAT).get(before).body();
        assertThat(sent).contains("[2] Ben: For the battery")
                .contains("Question: What did the group decide about the remote control's battery?");
    }

    @Test
    @SuppressWarnings("unchecked")
    void receiptsReadByTheVisionModelGoThroughTheSameChecks() throws IOException {
        FAKE.on(CHAT, FakeOpenAiServer.chat("""
                {"vendor": "Kedai Makan Sedap", "address": "12 Jalan Tampoi, 81200 Johor Bahru", "date": "2026-11-20",
                 "time": "12:45", "currency": "MYR", "subtotal": "8.00", "tax": "0.48", "tip": null, "total": "9.48",
                 "paymentMethod": "CASH", "category": "meals", "invoiceCode": null, "invoiceNumber": "INV-77",
                 "lineItems": [{"description": "Nasi lemak", "quantity": "2", "unitPrice": "4.00", "amount": "8.00"}]}""",
                900, 120));
        int before = FAKE.requests(CHAT).size();
        MultipartBodyBuilder body = new MultipartBodyBuilder();
        body.part("input", Map.of("employee", "Dana"), MediaType.APPLICATION_JSON);
        for (String name : List.of("lunch.png", "lunch-again.png")) {
            byte[] png = receiptImage();
            body.part("files", new ByteArrayResource(png) {
                @Override
                public String getFilename() {
                    return name;
                }
            }, MediaType.IMAGE_PNG);
        }

        Map<String, Object> run = http.post().uri("/api/skills/office/expenses/runs?wait=true")
                .body(BodyInserters.fromMultipartData(body.build())).exchange()
                .expectStatus().isOk().expectBody(MAP).returnResult().getResponseBody();

        // The vision model was sent each image in the wire format, with a schema for its answer.
        List<FakeOpenAiServer.Request> sent = FAKE.requests(CHAT).subList(before, FAKE.requests(CHAT).size());
        assertThat(sent).as("one request per receipt, answered without a repair").hasSize(2).allSatisfy(request -> assertThat(request.body())
                .contains("data:image/png;base64,").contains("image_url").contains("response_format"));
        assertThat(run.get("status")).as("run %s", run).isEqualTo("succeeded");
        Map<String, Object> result = result(run);
        assertThat(String.valueOf(result.get("engine"))).contains("fake");
        List<Map<String, Object>> receipts = (List<Map<String, Object>>) result.get("receipts");
        assertThat(receipts).hasSize(2);
        Map<String, Object> first = receipts.get(0);
        assertThat((Map<String, Object>) first.get("vendor")).containsEntry("value", "Kedai Makan Sedap");
        assertThat((Map<String, Object>) first.get("date")).containsEntry("value", "2026-11-20");
        assertThat(((Map<String, Object>) first.get("total")).get("value")).hasToString("9.48");
        // The model's figures do not add up (8.00 + 0.48 is not 9.48): the arithmetic check says so.
        assertThat((List<Map<String, Object>>) first.get("checks")).anySatisfy(check -> assertThat(check)
                .containsEntry("name", "arithmetic").containsEntry("status", "failed"));
        // The same receipt twice in one batch is a duplicate, whoever read it.
        assertThat((List<Map<String, Object>>) result.get("duplicates")).singleElement()
                .satisfies(d -> assertThat(d.get("receipts")).isEqualTo(List.of(1, 2)));
    }

    /** A receipt-like PNG; what it shows does not matter, the fake model's answer does. */
    private static byte[] receiptImage() throws IOException {
        BufferedImage image = new BufferedImage(320, 420, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, 320, 420);
            g.setColor(Color.BLACK);
            g.setFont(new Font(Font.MONOSPACED, Font.PLAIN, 16));
            g.drawString("KEDAI MAKAN SEDAP", 40, 40);
            g.drawString("NASI LEMAK 2 x 4.00   8.00", 20, 120);
            g.drawString("TOTAL 9.48", 20, 200);
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }
}
