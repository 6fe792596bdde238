package dev.atrium.platform.tutorial;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atrium.platform.persistence.TestKeys;
import dev.atrium.signing.PluginSignatures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.core.io.FileSystemResource;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;

/**
 * Follows the SDK guide's ten-minute tutorial literally: generates a plugin project from the archetype, builds and
 * signs it with Maven offline (its generated tests run on the way), installs the archive into a running platform
 * and runs the new skill over HTTP. The Maven commands are the guide's own: the test fails if the guide drifts.
 *
 * <p>Needs this build's artifacts in the local Maven repository, as {@code ./atrium test} (mvn install) leaves them.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PluginTutorialIT {

    /** The guide's commands, word for word (the local repository and quiet flags are added when run). */
    static final String GENERATE = "mvn -B org.apache.maven.plugins:maven-archetype-plugin:3.4.1:generate"
            + " -DarchetypeGroupId=dev.atrium -DarchetypeArtifactId=atrium-plugin-archetype"
            + " -DarchetypeVersion=" + System.getProperty("atrium.version", "0.1.0-SNAPSHOT")
            + " -DgroupId=com.acme -DartifactId=acme-notes -Dpackage=com.acme.notes -DpluginId=notes";
    static final String KEYGEN = "atrium sign keygen acme";
    static final String BUILD = "mvn verify -Datrium.sign.key=../acme.key";

    private static final Duration MAVEN_LIMIT = Duration.ofMinutes(6);

    @TempDir
    static Path home;

    @TempDir
    static Path workspace;

    static KeyPair keys;

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws IOException {
        // What "./atrium sign keygen acme" writes; the administrator then trusts acme.pub.
        keys = PluginSignatures.generateKeyPair();
        PluginSignatures.writeKeyPair(keys, workspace.resolve("acme.key"), workspace.resolve("acme.pub"));
        registry.add("atrium.home", () -> home.toString());
        registry.add("atrium.plugins.trusted-keys", () -> Base64.getEncoder().encodeToString(keys.getPublic().getEncoded()));
    }

    @Test
    void aNewcomerGeneratesBuildsSignsInstallsAndRunsTheirOwnSkill() throws Exception {
        String guide = normalised(Files.readString(Path.of("../../docs/sdk-guide.md")));
        assertThat(guide).as("the guide's tutorial commands").contains(GENERATE).contains(KEYGEN).contains(BUILD)
                .contains("cd acme-notes");

        maven(workspace, GENERATE);
        Path project = workspace.resolve("acme-notes");
        assertThat(project.resolve("src/main/java/com/acme/notes/SummarizeSkill.java")).isRegularFile();
        assertThat(project.resolve("src/test/java/com/acme/notes/SummarizeSkillTest.java")).isRegularFile();
        assertThat(project.resolve(".gitignore")).hasContent("target/");
        assertThat(Files.readString(project.resolve("README.md"))).contains("# acme-notes").contains("## Build")
                .contains("## Install and run").contains("/api/skills/notes/summarize/runs").doesNotContain("${");

        String build = maven(project, BUILD);
        assertThat(build).as("the generated tests ran and passed").containsPattern("Tests run: [1-9]\\d*, Failures: 0, Errors: 0");
        Path archive = project.resolve("target/acme-notes-0.1.0-SNAPSHOT-plugin.zip");
        assertThat(archive).isRegularFile();
        assertThat(PluginSignatures.verifyArchive(archive,
                Map.of(PluginSignatures.keyId(keys.getPublic()), keys.getPublic()))).startsWith("valid");

        WebTestClient http = TestKeys.adminClient(port, home, Duration.ofSeconds(60));
        MultipartBodyBuilder upload = new MultipartBodyBuilder();
        upload.part("file", new FileSystemResource(archive), MediaType.parseMediaType("application/zip"));
        Map<String, Object> installed = http.post().uri("/api/plugins?grant=model.chat")
                .body(BodyInserters.fromMultipartData(upload.build())).exchange()
                .expectStatus().isCreated().expectBody(MAP).returnResult().getResponseBody();
        assertThat(installed.get("id")).isEqualTo("notes");
        assertThat(installed.get("provider")).isEqualTo("com.acme");
        assertThat(installed.toString()).contains(PluginSignatures.keyId(keys.getPublic()));

        String text = "The council approved the new cycle lane on Main Street. "
                + "Work starts in April and takes six weeks. "
                + "The weather on the day of the vote was mild. "
                + "Shops on Main Street asked for deliveries to stay possible before ten in the morning.";
        Map<String, Object> run = http.post().uri("/api/skills/notes/summarize/runs?wait=true")
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("text", text, "sentences", 2)).exchange()
                .expectStatus().isOk().expectBody(MAP).returnResult().getResponseBody();
        assertThat(run.get("status")).as("%s", run).isEqualTo("succeeded");
        Map<?, ?> result = (Map<?, ?>) run.get("result");
        assertThat((List<?>) result.get("sentences")).hasSize(2).allSatisfy(s -> assertThat(text).contains((String) s));
        assertThat(((Map<?, ?>) result.get("engine")).get("kind")).isEqualTo("EMBEDDED");

        String page = http.get().uri("/plugins/notes/").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(page).contains("Summarize a text").contains("/ui/kit/atrium.css");
        String script = http.get().uri("/plugins/notes/page.js").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(script).contains("from '/ui/kit/atrium.js'").contains("runAndFollow('notes', 'summarize'");
    }

    /** Runs a guide command with this build's Maven, offline, on this build's local repository. */
    private static String maven(Path directory, String command) throws IOException, InterruptedException {
        List<String> args = new ArrayList<>(List.of(command.split(" ")));
        String mavenHome = System.getProperty("maven.home");
        args.set(0, mavenHome != null && Files.isExecutable(Path.of(mavenHome, "bin", "mvn"))
                ? Path.of(mavenHome, "bin", "mvn").toString() : "mvn");
        // Offline, without colours or download lines, on the repository this build installed into.
        args.addAll(1, List.of("-o", "--no-transfer-progress"));
        if (!args.contains("-B")) {
            args.add(1, "-B");
        }
        String repository = System.getProperty("maven.repo.local");
        if (repository != null && !repository.isBlank()) {
            args.add(1, "-Dmaven.repo.local=" + repository);
        }
        Path log = Files.createTempFile(directory, "mvn-", ".log");
        Process process = new ProcessBuilder(args).directory(directory.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        if (!process.waitFor(MAVEN_LIMIT.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("'" + command + "' took longer than " + MAVEN_LIMIT + ":\n" + tail(log));
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as("'%s' exited with %s:%n%s", command, process.exitValue(), tail(log)).isZero();
        return output;
    }

    private static String tail(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
    }

    /** Shell blocks as one line per command: continuation lines joined, runs of spaces collapsed. */
    static String normalised(String markdown) {
        return markdown.replaceAll("\\\\\\r?\\n\\s*", " ").replaceAll("[ \\t]+", " ");
    }

    private static final ParameterizedTypeReference<Map<String, Object>> MAP = new ParameterizedTypeReference<>() {
    };
}
