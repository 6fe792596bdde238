package dev.atrium.engine.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.atrium.sdk.BadInputException;
import dev.atrium.sdk.CapabilityUnavailableException;
import dev.atrium.sdk.Media;
import dev.atrium.sdk.SkillTimeoutException;
import dev.atrium.sdk.UnsupportedMediaException;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FfmpegMediaTest {

    static final FfmpegMedia MEDIA = new FfmpegMedia();

    @TempDir
    static Path fixtures;

    @BeforeAll
    static void ffmpegIsInstalled() {
        assumeTrue(MEDIA.isAvailable(), () -> "ffmpeg is not installed: " + MEDIA.status().reason());
    }

    /** Makes a 3-second test recording with ffmpeg's own test sources: colour bars and a 440 Hz tone. */
    static Media recording(String name, boolean audio, String... codecs) throws Exception {
        Path file = fixtures.resolve(name);
        if (!Files.exists(file)) {
            List<String> cmd = new ArrayList<>(List.of("ffmpeg", "-v", "error", "-y", "-f", "lavfi", "-i",
                    "testsrc=size=320x240:rate=10"));
            if (audio) {
                cmd.addAll(List.of("-f", "lavfi", "-i", "sine=frequency=440:sample_rate=44100"));
            }
            cmd.addAll(List.of("-t", "3"));
            cmd.addAll(List.of(codecs));
            cmd.add(file.toString());
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).as(new String(p.getInputStream().readAllBytes())).isZero();
        }
        return Media.ofFile(name, "video/mp4", file);
    }

    static Media mp4() throws Exception {
        return recording("talk.mp4", true, "-c:v", "libx264", "-pix_fmt", "yuv420p", "-c:a", "aac");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"mp4", "mov", "mkv", "webm"})
    void extractsTheAudioTrackAs16KilohertzMonoWav(String container) throws Exception {
        Media recording = container.equals("webm")
                ? recording("talk.webm", true, "-c:v", "libvpx", "-b:v", "200k", "-c:a", "libopus")
                : recording("talk." + container, true, "-c:v", "libx264", "-pix_fmt", "yuv420p", "-c:a", "aac");

        Media wav = MEDIA.extractAudio(recording);

        byte[] bytes = wav.bytes();
        ByteBuffer header = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        assertThat(new String(bytes, 0, 4)).isEqualTo("RIFF");
        assertThat(new String(bytes, 8, 4)).isEqualTo("WAVE");
        assertThat(header.getShort(20)).as("PCM").isEqualTo((short) 1);
        assertThat(header.getShort(22)).as("channels").isEqualTo((short) 1);
        assertThat(header.getInt(24)).as("sample rate").isEqualTo(16000);
        assertThat(header.getShort(34)).as("bits").isEqualTo((short) 16);
        // 3 s × 16000 samples × 2 bytes, give or take codec padding.
        assertThat(bytes.length).isBetween(90_000, 100_000);
        assertThat(wav.name()).isEqualTo("talk.wav");
        assertThat(wav.mediaType()).isEqualTo("audio/wav");
    }

    @Test
    void writesLongAudioToAFileWhenAsked(@TempDir Path out) throws Exception {
        Path target = out.resolve("speech.wav");

        Media wav = MEDIA.extractAudio(mp4(), target);

        assertThat(target).exists();
        assertThat(wav.size()).isEqualTo(Files.size(target)).isGreaterThan(90_000);
    }

    @Test
    void saysSoWhenARecordingHasNoAudioTrack() throws Exception {
        Media silent = recording("silent.mp4", false, "-c:v", "libx264", "-pix_fmt", "yuv420p");

        assertThatThrownBy(() -> MEDIA.extractAudio(silent)).isInstanceOf(UnsupportedMediaException.class)
                .hasMessageContaining("no audio track");
    }

    @Test
    void takesStillsSpreadOverTheRecording() throws Exception {
        List<Frame> frames = MEDIA.keyframes(mp4(), 3, FfmpegMedia.FrameFormat.JPEG);

        assertThat(frames).hasSize(3);
        assertThat(frames).extracting(Frame::at)
                .containsExactly(Duration.ofMillis(500), Duration.ofMillis(1500), Duration.ofMillis(2500));
        for (Frame f : frames) {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(f.image().bytes()));
            assertThat(image.getWidth()).isEqualTo(320);
            assertThat(image.getHeight()).isEqualTo(240);
            assertThat(f.image().mediaType()).isEqualTo("image/jpeg");
        }
        // testsrc moves over time, so stills from different times differ.
        assertThat(frames.get(0).image().bytes()).isNotEqualTo(frames.get(2).image().bytes());
        assertThat(frames.get(0).image().name()).isEqualTo("talk-frame-01.jpg");
    }

    @Test
    void takesLosslessStillsFromAWebmVideoWithoutAudio() throws Exception {
        Media webm = recording("screen.webm", false, "-c:v", "libvpx", "-b:v", "200k");

        List<Frame> frames = MEDIA.keyframes(webm, 2, FfmpegMedia.FrameFormat.PNG);

        assertThat(frames).hasSize(2);
        assertThat(frames.get(0).image().bytes()).startsWith(new byte[] {(byte) 0x89, 'P', 'N', 'G'});
    }

    @Test
    void scalesWideStillsDown() throws Exception {
        FfmpegMedia narrow = new FfmpegMedia(new FfmpegMedia.Options(Path.of("ffmpeg"), Path.of("ffprobe"),
                Duration.ofMinutes(1), Duration.ofHours(1), 1L << 30, 8, 160));

        Frame frame = narrow.keyframes(mp4(), 1, FfmpegMedia.FrameFormat.PNG).get(0);

        BufferedImage image = ImageIO.read(new ByteArrayInputStream(frame.image().bytes()));
        assertThat(image.getWidth()).isEqualTo(160);
        assertThat(image.getHeight()).isEqualTo(120);
    }

    @Test
    void probesContainerDurationAndTracks() throws Exception {
        MediaInfo info = MEDIA.probe(mp4());

        assertThat(info.container()).contains("mp4");
        assertThat(info.duration()).hasValueSatisfying(d -> assertThat(d.toMillis()).isBetween(2900L, 3100L));
        assertThat(info.hasVideo()).isTrue();
        assertThat(info.hasAudio()).isTrue();
    }

    @Test
    void rejectsCorruptAndUnsupportedFiles() throws Exception {
        Media garbage = Media.of("broken.mp4", "video/mp4", "this is not a video at all".getBytes());
        byte[] mp4 = mp4().bytes();
        Media truncated = Media.of("cut.mp4", "video/mp4", java.util.Arrays.copyOf(mp4, mp4.length / 4));
        Media image = Media.of("photo.png", "image/png", pngBytes());

        assertThatThrownBy(() -> MEDIA.extractAudio(garbage)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("broken.mp4");
        assertThatThrownBy(() -> MEDIA.extractAudio(truncated)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("cut.mp4");
        assertThatThrownBy(() -> MEDIA.keyframes(image, 1, FfmpegMedia.FrameFormat.JPEG))
                .isInstanceOf(BadInputException.class).hasMessageContaining("photo.png");
        assertThatThrownBy(() -> MEDIA.extractAudio(Media.of("empty.mp4", "video/mp4", new byte[0])))
                .isInstanceOf(BadInputException.class).hasMessageContaining("empty");
    }

    @Test
    void rejectsRecordingsOverTheLimits() throws Exception {
        FfmpegMedia strict = new FfmpegMedia(FfmpegMedia.Options.defaults().withLimits(Duration.ofSeconds(2), 1L << 30));
        FfmpegMedia small = new FfmpegMedia(FfmpegMedia.Options.defaults().withLimits(Duration.ofHours(1), 1000));

        assertThatThrownBy(() -> strict.extractAudio(mp4())).isInstanceOf(BadInputException.class)
                .hasMessageContaining("recordings up to");
        assertThatThrownBy(() -> small.extractAudio(mp4())).isInstanceOf(BadInputException.class)
                .hasMessageContaining("bytes");
        assertThatThrownBy(() -> MEDIA.keyframes(mp4(), 0, FfmpegMedia.FrameFormat.JPEG))
                .isInstanceOf(BadInputException.class);
        assertThatThrownBy(() -> MEDIA.keyframes(mp4(), 33, FfmpegMedia.FrameFormat.JPEG))
                .isInstanceOf(BadInputException.class);
    }

    @Test
    void killsAnExtractionThatOutlivesTheTimeLimit(@TempDir Path bin) throws Exception {
        Path slow = bin.resolve("ffmpeg");
        Files.writeString(slow, "#!/bin/sh\nsleep 30\n");
        Files.setPosixFilePermissions(slow, PosixFilePermissions.fromString("rwxr-xr-x"));
        FfmpegMedia media = new FfmpegMedia(FfmpegMedia.Options.defaults().withBinaries(slow, Path.of("ffprobe"))
                .withTimeout(Duration.ofMillis(500)));
        long start = System.nanoTime();

        assertThatThrownBy(() -> media.extractAudio(mp4())).isInstanceOf(SkillTimeoutException.class);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void reportsMissingProgramsWithTheDebianPackage(@TempDir Path bin) throws Exception {
        FfmpegMedia missing = new FfmpegMedia(FfmpegMedia.Options.defaults()
                .withBinaries(bin.resolve("ffmpeg"), bin.resolve("ffprobe")));

        assertThat(missing.isAvailable()).isFalse();
        assertThat(missing.status().reason()).contains("ffmpeg");
        assertThatThrownBy(() -> missing.extractAudio(mp4())).isInstanceOf(CapabilityUnavailableException.class)
                .hasMessageContaining("install the Debian package ffmpeg");
    }

    private static byte[] pngBytes() throws IOException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(20, 20, BufferedImage.TYPE_INT_RGB), "png", out);
        return out.toByteArray();
    }
}
