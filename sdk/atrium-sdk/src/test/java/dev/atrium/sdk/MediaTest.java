package dev.atrium.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MediaTest {

    @TempDir
    Path folder;

    @Test
    void inMemoryMediaReportsItsSizeAndContent() throws IOException {
        Media media = Media.of("data.bin", "application/octet-stream", new byte[] {1, 2, 3});

        assertThat(media.name()).isEqualTo("data.bin");
        assertThat(media.size()).isEqualTo(3);
        assertThat(media.bytes()).containsExactly(1, 2, 3);
        try (InputStream in = media.open()) {
            assertThat(in.readAllBytes()).containsExactly(1, 2, 3);
        }
    }

    @Test
    void inMemoryMediaIsNotChangedThroughTheArraysItWasGivenOrReturned() {
        byte[] source = {1, 2, 3};
        Media media = Media.of("data.bin", null, source);
        source[0] = 9;
        media.bytes()[1] = 9;

        assertThat(media.bytes()).containsExactly(1, 2, 3);
    }

    @Test
    void textIsEncodedAsUtf8() {
        Media media = Media.ofText("notes.txt", "text/plain", "你好");

        assertThat(media.size()).isEqualTo(6);
        assertThat(media.text()).isEqualTo("你好");
        assertThat(media.bytes()).isEqualTo("你好".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void missingMediaTypeFallsBackToOctetStream() {
        assertThat(Media.of("a", null, new byte[0]).mediaType()).isEqualTo("application/octet-stream");
        assertThat(Media.of("a", " ", new byte[0]).mediaType()).isEqualTo("application/octet-stream");
        assertThat(Media.of("a", "image/png", new byte[0]).mediaType()).isEqualTo("image/png");
    }

    @Test
    void fileBackedMediaReadsTheFileWhenOpened() throws IOException {
        Path file = folder.resolve("scan.png");
        Files.write(file, new byte[] {7, 8, 9, 10});
        Media media = Media.ofFile("scan.png", "image/png", file);

        assertThat(media.size()).isEqualTo(4);
        assertThat(media.mediaType()).isEqualTo("image/png");
        try (InputStream in = media.open()) {
            assertThat(in.readAllBytes()).containsExactly(7, 8, 9, 10);
        }
        Files.write(file, new byte[] {1});
        assertThat(media.bytes()).containsExactly(1);
    }

    @Test
    void fileBackedMediaOfAMissingFileFailsAtOnce() {
        Path missing = folder.resolve("missing.pdf");

        assertThatThrownBy(() -> Media.ofFile("missing.pdf", "application/pdf", missing))
                .isInstanceOf(UncheckedIOException.class).hasMessageContaining("missing.pdf");
    }

    @Test
    void fileBackedMediaWhoseFileVanishedFailsWhenOpened() throws IOException {
        Path file = folder.resolve("gone.txt");
        Files.writeString(file, "x");
        Media media = Media.ofFile("gone.txt", "text/plain", file);
        Files.delete(file);

        assertThatThrownBy(media::open).isInstanceOf(UncheckedIOException.class);
        assertThatThrownBy(media::bytes).isInstanceOf(UncheckedIOException.class);
    }

    @Test
    void nameIsRequired() {
        assertThatThrownBy(() -> Media.of(null, "text/plain", new byte[0])).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> Media.of("a", "text/plain", null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void descriptionNamesTheFileWithoutItsContent() {
        assertThat(Media.ofText("a.txt", "text/plain", "secret"))
                .hasToString("Media[a.txt, text/plain, 6 bytes]");
    }
}
