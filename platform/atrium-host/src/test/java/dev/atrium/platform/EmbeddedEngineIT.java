package dev.atrium.platform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atrium.platform.lab.DigestSkill;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.FileSystemResource;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;

/** A fresh platform with no provider configured: the embedded engine does OCR, embeddings, text and documents. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class EmbeddedEngineIT {

    @TempDir
    static Path home;

    @TempDir
    Path scratch;

    @LocalServerPort
    int port;

    WebTestClient http;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("atrium.home", () -> home.toString());
        registry.add("atrium.plugins.trusted-keys", TestPluginArchive::trustedKey);
    }

    @BeforeEach
    void client() {
        http = dev.atrium.platform.persistence.TestKeys.adminClient(port, home, Duration.ofSeconds(60));
    }

    @Test
    void listsTheEmbeddedEngineWithOcrAndEmbeddings() {
        http.get().uri("/api/models").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.defaultProvider").isEqualTo("embedded")
                .jsonPath("$.providers[0].name").isEqualTo("embedded")
                .jsonPath("$.providers[0].capabilities").value(c -> assertThat(c.toString()).contains("ocr").contains("embeddings"))
                .jsonPath("$.providers[0].unavailable.chat").value(r -> assertThat(r.toString()).contains("remote"));
    }

    @Test
    void readsTextFromAnImageInThePlayground() throws Exception {
        MultipartBodyBuilder body = new MultipartBodyBuilder();
        body.part("image", new ByteArrayResource(render("INVOICE 4711 TOTAL 99.50")) {
            @Override
            public String getFilename() {
                return "receipt.png";
            }
        }, MediaType.IMAGE_PNG);
        Map<String, Object> result = http.post().uri("/api/models/embedded/ocr")
                .body(BodyInserters.fromMultipartData(body.build())).exchange()
                .expectStatus().isOk().expectBody(new ParameterizedTypeReference<Map<String, Object>>() { })
                .returnResult().getResponseBody();
        assertThat(result.get("text").toString()).contains("INVOICE").contains("4711").contains("99.50");
        assertThat(((Map<?, ?>) result.get("engine")).get("model")).isEqualTo("tesseract-5");
        Map<?, ?> firstWord = (Map<?, ?>) ((List<?>) result.get("words")).get(0);
        assertThat(firstWord.get("box")).isNotNull();
        assertThat(((Number) firstWord.get("confidence")).doubleValue()).isGreaterThan(50);
    }

    @Test
    void aSkillSummarisesAndWritesADocxOfflineAndTheRunSaysWhichEngine() {
        MultipartBodyBuilder plugin = new MultipartBodyBuilder();
        plugin.part("file", new FileSystemResource(TestPluginArchive.plugin("digest").extensions(DigestSkill.class)
                .writeTo(scratch)), MediaType.parseMediaType("application/zip"));
        http.post().uri("/api/plugins").body(BodyInserters.fromMultipartData(plugin.build())).exchange()
                .expectStatus().isCreated();
        String text = "The team reviewed the battery life of the new remote control. "
                + "Lunch was pizza again. "
                + "Engineers reported that the remote control battery lasts nine months with the new chip. "
                + "Someone mentioned the weather. "
                + "The group decided to keep the rechargeable battery design for the remote control.";

        Map<String, Object> run = http.post().uri("/api/skills/digest/digest/runs?wait=true")
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("text", text)).exchange()
                .expectStatus().isOk().expectBody(new ParameterizedTypeReference<Map<String, Object>>() { })
                .returnResult().getResponseBody();

        assertThat(run.get("status")).isEqualTo("succeeded");
        Map<?, ?> result = (Map<?, ?>) run.get("result");
        assertThat(result.get("summary").toString()).contains("battery").doesNotContain("pizza").doesNotContain("weather");
        assertThat(result.get("engine")).isEqualTo("all-minilm-l6-v2");
        assertThat(result.get("language")).isEqualTo("en");
        assertThat((List<?>) ((Map<?, ?>) run.get("usage")).get("engines")).anySatisfy(
                e -> assertThat(e.toString()).startsWith("embedded/"));
        assertThat((List<?>) run.get("artifacts")).anySatisfy(a -> assertThat(((Map<?, ?>) a).get("name"))
                .isEqualTo("summary.docx"));
    }

    @Test
    void saysPlainlyThatTranscriptionNeedsARemoteProvider() {
        MultipartBodyBuilder plugin = new MultipartBodyBuilder();
        plugin.part("file", new FileSystemResource(TestPluginArchive.plugin("scribe")
                .extensions(dev.atrium.platform.lab.TranscribeSkill.class).writeTo(scratch)),
                MediaType.parseMediaType("application/zip"));
        http.post().uri("/api/plugins").body(BodyInserters.fromMultipartData(plugin.build())).exchange()
                .expectStatus().isCreated();
        MultipartBodyBuilder body = new MultipartBodyBuilder();
        body.part("recording", new ByteArrayResource(new byte[] {'R', 'I', 'F', 'F', 0, 0, 0, 0, 'W', 'A', 'V', 'E'}) {
            @Override
            public String getFilename() {
                return "meeting.wav";
            }
        }, MediaType.parseMediaType("audio/wav"));

        Map<String, Object> run = http.post().uri("/api/skills/scribe/transcribe/runs?wait=true")
                .body(BodyInserters.fromMultipartData(body.build())).exchange().expectStatus().isOk()
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() { }).returnResult().getResponseBody();

        assertThat(run.get("status")).isEqualTo("failed");
        Map<?, ?> error = (Map<?, ?>) run.get("error");
        assertThat(error.get("code")).isEqualTo("capability-unavailable");
        assertThat(error.get("detail").toString()).contains("remote").contains("transcription-model");
    }

    private static byte[] render(String text) throws Exception {
        BufferedImage image = new BufferedImage(900, 120, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        g.setColor(Color.BLACK);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 44));
        g.drawString(text, 30, 80);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }
}
