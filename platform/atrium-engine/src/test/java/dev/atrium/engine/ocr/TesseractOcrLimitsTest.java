package dev.atrium.engine.ocr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atrium.engine.fixtures.TextImages;
import dev.atrium.sdk.CapabilityUnavailableException;
import dev.atrium.sdk.Media;
import dev.atrium.sdk.SkillTimeoutException;
import dev.atrium.sdk.model.CapabilityStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Availability, time limits and the pool, against stand-in executables; runs without Tesseract. */
class TesseractOcrLimitsTest {

    @TempDir
    Path dir;

    private Path fakeTesseract(String whenReading) throws IOException {
        Path script = dir.resolve("tesseract");
        Files.writeString(script, "#!/bin/sh\n"
                + "if [ \"$1\" = \"--list-langs\" ]; then printf 'List of available languages (2):\\neng\\nosd\\n'; exit 0; fi\n"
                + whenReading + "\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        return script;
    }

    private static Media page() {
        return TextImages.png("page.png", TextImages.render(List.of("Hello"), TextImages.latin(30), 300));
    }

    @Test
    void reportsAMissingBinaryWithTheDebianPackages() {
        TesseractOcr ocr = new TesseractOcr(TesseractOcr.Options.defaults().withBinary(dir.resolve("nope")));

        CapabilityStatus status = ocr.status();

        assertThat(status.available()).isFalse();
        assertThat(status.reason()).contains("tesseract-ocr", "tesseract-ocr-eng");
        assertThat(ocr.isAvailable()).isFalse();
        assertThatThrownBy(() -> ocr.recognize(page())).isInstanceOf(CapabilityUnavailableException.class)
                .hasMessageContaining("tesseract-ocr");
    }

    @Test
    void reportsMissingDefaultLanguagesWithTheirPackages() throws IOException {
        TesseractOcr ocr = new TesseractOcr(TesseractOcr.Options.defaults().withBinary(fakeTesseract("exit 0"))
                .withLanguages(List.of("eng", "chi_sim")));

        assertThat(ocr.status().available()).isFalse();
        assertThat(ocr.status().reason()).contains("tesseract-ocr-chi-sim");
    }

    @Test
    void killsAReadingThatOutlivesTheTimeLimit() throws IOException {
        TesseractOcr ocr = new TesseractOcr(TesseractOcr.Options.defaults().withBinary(fakeTesseract("sleep 30"))
                .withTimeout(Duration.ofMillis(500)));
        long start = System.nanoTime();

        assertThatThrownBy(() -> ocr.recognize(page())).isInstanceOf(SkillTimeoutException.class);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void refusesWorkWhenNoSlotFreesUpInTime() throws Exception {
        Path started = dir.resolve("started");
        TesseractOcr ocr = new TesseractOcr(TesseractOcr.Options.defaults()
                .withBinary(fakeTesseract("touch '" + started + "'; sleep 3"))
                .withParallelism(1).withTimeout(Duration.ofSeconds(2)).withQueueTimeout(Duration.ofMillis(200)));
        CompletableFuture<Void> busy = CompletableFuture.runAsync(() -> {
            try {
                ocr.recognize(page());
            } catch (SkillTimeoutException expected) {
                // the slot holder times out after 2 s
            }
        });
        // The slot is held once the first reading's process runs; a fixed pause could lose that race on a busy machine.
        for (int waited = 0; !Files.exists(started) && waited < 100; waited++) {
            TimeUnit.MILLISECONDS.sleep(50);
        }
        assertThat(started).exists();

        assertThatThrownBy(() -> ocr.recognize(page())).isInstanceOf(SkillTimeoutException.class)
                .hasMessageContaining("busy");
        busy.get(10, TimeUnit.SECONDS);
    }

    @Test
    void turnsATesseractCrashIntoAProviderError() throws IOException {
        TesseractOcr ocr = new TesseractOcr(TesseractOcr.Options.defaults()
                .withBinary(fakeTesseract("echo 'Segmentation fault' >&2; exit 139")));

        assertThatThrownBy(() -> ocr.recognize(page())).isInstanceOf(dev.atrium.sdk.ProviderException.class)
                .hasMessageContaining("exit 139");
    }
}
