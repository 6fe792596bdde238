package dev.atrium.examples.hello;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atrium.sdk.BadInputException;
import dev.atrium.sdk.InputSpec;
import dev.atrium.sdk.InputType;
import dev.atrium.sdk.Media;
import dev.atrium.sdk.RunCancelledException;
import dev.atrium.sdk.SkillEvent;
import dev.atrium.sdk.testkit.SkillHarness;
import dev.atrium.sdk.testkit.SkillRun;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EchoSkillTest {

    private static final String TEXT = "The quick brown fox jumps over the lazy dog";

    @TempDir
    Path folder;

    private static SkillRun echo(String text) {
        return SkillHarness.of(new EchoSkill()).value("text", text).run();
    }

    private static String sha256Hex(byte[] bytes) throws NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    @Test
    void specDeclaresARequiredTextAndAnOptionalFileOfAnyTypeUpToTenMegabytes() {
        var spec = new EchoSkill().spec();

        assertThat(spec.id()).isEqualTo("echo");
        InputSpec text = spec.input("text").orElseThrow();
        assertThat(text.type()).isEqualTo(InputType.LONG_TEXT);
        assertThat(text.required()).isTrue();
        InputSpec file = spec.input("file").orElseThrow();
        assertThat(file.type()).isEqualTo(InputType.FILE);
        assertThat(file.required()).isFalse();
        assertThat(file.accept()).isEmpty();
        assertThat(file.maxBytes()).isEqualTo(10L * 1024 * 1024);
    }

    @Test
    void textIsStreamedBackAsSeveralDeltasThatConcatenateToIt() {
        SkillRun run = echo(TEXT);

        assertThat(run.succeeded()).as(run.toString()).isTrue();
        assertThat(run.deltas()).hasSize(9).startsWith("The ", "quick ");
        assertThat(run.text()).isEqualTo(TEXT);
    }

    @Test
    void chineseTextIsStreamedCharacterByCharacter() {
        SkillRun run = echo("你好，世界");

        assertThat(run.deltas()).containsExactly("你", "好", "，", "世", "界");
        assertThat(run.text()).isEqualTo("你好，世界");
    }

    @Test
    void whitespaceIsKeptExactlyInTheStreamedText() {
        String text = "  line one\n\tline  two  \n";

        assertThat(echo(text).text()).isEqualTo(text);
    }

    @Test
    void progressIsReportedAtLeastTwiceRisingToDone() {
        SkillRun run = echo(TEXT);

        assertThat(run.progress()).hasSizeGreaterThanOrEqualTo(2);
        assertThat(run.progress()).extracting(SkillEvent.Progress::percent).isSorted().endsWith(100);
        assertThat(run.progress()).extracting(SkillEvent.Progress::message).contains("reading input", "done");
        assertThat(run.events().get(0)).isInstanceOf(SkillEvent.Progress.class);
        assertThat(run.events().get(run.events().size() - 1)).isInstanceOf(SkillEvent.Result.class);
    }

    @Test
    void resultCountsCharactersAndWordsOfEnglishText() {
        Map<String, Object> result = echo(TEXT).resultMap();

        assertThat(result).containsEntry("text", TEXT).containsEntry("characters", 43).containsEntry("words", 9);
        assertThat(result).doesNotContainKey("file");
    }

    @Test
    void charactersAreCodePointsNotUtf16Units() {
        String text = "hi 👋🏽";

        Map<String, Object> result = echo(text).resultMap();

        assertThat(text.length()).isEqualTo(7);
        assertThat(result).containsEntry("characters", 5).containsEntry("words", 2);
    }

    @Test
    void everyChineseCharacterCountsAsAWordAndPunctuationDoesNot() {
        assertThat(echo("你好，世界").resultMap()).containsEntry("characters", 5).containsEntry("words", 4);
        assertThat(echo("今天天气很好。").resultMap()).containsEntry("characters", 7).containsEntry("words", 6);
    }

    @Test
    void mixedChineseAndLatinTextCountsEachIdeographAndEachLatinWord() {
        Map<String, Object> result = echo("我用Java写代码 and tests").resultMap();

        // 我 用 Java 写 代 码 + and + tests
        assertThat(result).containsEntry("words", 8).containsEntry("characters", 19);
    }

    @Test
    void artifactEchoTxtHoldsTheTextWhenNoFileIsGiven() {
        Media artifact = echo(TEXT).artifact("echo.txt");

        assertThat(artifact.mediaType()).startsWith("text/plain");
        assertThat(artifact.text()).isEqualTo(TEXT);
    }

    @Test
    void fileIsDescribedByNameSizeMediaTypeAndSha256() throws Exception {
        byte[] bytes = "Atrium hello plugin test bytes\n".getBytes(StandardCharsets.UTF_8);
        String expected = sha256Hex(bytes);

        SkillRun run = SkillHarness.of(new EchoSkill())
                .value("text", "hello")
                .file("file", Media.of("notes.txt", "text/plain", bytes))
                .run();

        assertThat(run.succeeded()).as(run.toString()).isTrue();
        assertThat(run.resultMap()).containsEntry("text", "hello");
        assertThat(run.resultMap().get("file")).isEqualTo(Map.of(
                "name", "notes.txt", "size", (long) bytes.length, "mediaType", "text/plain", "sha256", expected));
        assertThat(run.progress()).extracting(SkillEvent.Progress::message).contains("hashing file");
    }

    @Test
    void artifactEchoTxtAddsALineDescribingTheFile() throws Exception {
        byte[] bytes = {0, 1, 2, (byte) 0xff};

        SkillRun run = SkillHarness.of(new EchoSkill())
                .value("text", "hello")
                .file("file", Media.of("raw.bin", "application/octet-stream", bytes))
                .run();

        assertThat(run.artifact("echo.txt").text()).isEqualTo(
                "hello\nfile: raw.bin (application/octet-stream, 4 bytes, sha256 " + sha256Hex(bytes) + ")\n");
    }

    @Test
    void largeFileBackedUploadIsHashedAcrossManyBuffers() throws Exception {
        byte[] bytes = new byte[300_000];
        new Random(42).nextBytes(bytes);
        Path file = Files.write(folder.resolve("scan.pdf"), bytes);

        SkillRun run = SkillHarness.of(new EchoSkill())
                .value("text", "scan attached")
                .file("file", Media.ofFile("scan.pdf", "application/pdf", file))
                .run();

        @SuppressWarnings("unchecked")
        Map<String, Object> facts = (Map<String, Object>) run.resultMap().get("file");
        assertThat(facts).containsEntry("sha256", sha256Hex(bytes)).containsEntry("size", 300_000L);
    }

    @Test
    void missingTextIsABadInputNamingTheTextInput() {
        assertThatThrownBy(() -> SkillHarness.of(new EchoSkill()).run())
                .isInstanceOfSatisfying(BadInputException.class, e -> assertThat(e.input()).contains("text"));
        assertThatThrownBy(() -> SkillHarness.of(new EchoSkill()).value("text", " \n ").run())
                .isInstanceOfSatisfying(BadInputException.class, e -> assertThat(e.input()).contains("text"));
    }

    @Test
    void fileOverTenMegabytesIsABadInputNamingTheFileInput() throws IOException {
        Path big = folder.resolve("big.bin");
        try (RandomAccessFile sparse = new RandomAccessFile(big.toFile(), "rw")) {
            sparse.setLength(10L * 1024 * 1024 + 1);
        }

        assertThatThrownBy(() -> SkillHarness.of(new EchoSkill()).value("text", "hi")
                .file("file", Media.ofFile("big.bin", "application/octet-stream", big)).run())
                .isInstanceOfSatisfying(BadInputException.class, e -> assertThat(e.input()).contains("file"));
    }

    @Test
    void cancelledRunStopsBeforeStreamingAllOfTheText() {
        String longText = "word ".repeat(500_000);

        SkillRun run = SkillHarness.of(new EchoSkill()).value("text", longText)
                .cancelAfter(Duration.ofMillis(1)).run();

        assertThat(run.cancelled()).isTrue();
        assertThat(run.error()).containsInstanceOf(RunCancelledException.class);
        assertThat(run.deltas().size()).isLessThan(500_000);
        assertThat(run.artifacts()).isEmpty();
    }
}
