package dev.atrium.engine.media;

import dev.atrium.engine.internal.ExternalCommand;
import dev.atrium.engine.internal.WorkDir;
import dev.atrium.sdk.BadInputException;
import dev.atrium.sdk.CapabilityUnavailableException;
import dev.atrium.sdk.Media;
import dev.atrium.sdk.ProviderException;
import dev.atrium.sdk.UnsupportedMediaException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Audio and stills out of recordings (MP4, MOV, WebM, MKV; audio also from WAV, MP3, Ogg, FLAC) through the
 * {@code ffmpeg} and {@code ffprobe} command lines, within size, duration and time limits. Every input is
 * probed first and read with its demuxer pinned and only local files allowed, so a playlist or a stream
 * reference cannot make ffmpeg read anything else. Thread-safe.
 *
 * @since 0.1
 */
public final class FfmpegMedia {

    /** Debian package that installs both programs. */
    public static final String APT_PACKAGE = "ffmpeg";

    private static final Set<String> VIDEO_CONTAINERS = Set.of("mov", "matroska");
    private static final Set<String> AUDIO_CONTAINERS = Set.of("wav", "mp3", "ogg", "flac", "aac");
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(30);
    private static final Map<String, String> ENV = Map.of();

    private final Options options;
    private volatile Status status;

    /** Uses {@link Options#defaults()}. */
    public FfmpegMedia() {
        this(Options.defaults());
    }

    /** Uses the given options. */
    public FfmpegMedia(Options options) {
        this.options = Objects.requireNonNull(options, "options");
    }

    /**
     * Whether ffmpeg and ffprobe run.
     *
     * @param available whether calls will be attempted
     * @param reason why not and what to install; empty when available
     * @since 0.1
     */
    public record Status(boolean available, String reason) {
    }

    /** Whether both programs run; probed once, then answered from memory. */
    public Status status() {
        Status known = status;
        if (known == null) {
            known = probeTools();
            status = known;
        }
        return known;
    }

    /** Shorthand for {@code status().available()}. */
    public boolean isAvailable() {
        return status().available();
    }

    /**
     * Tells what a recording holds.
     *
     * @throws BadInputException if it is empty, too large, corrupt or not a supported container
     */
    public MediaInfo probe(Media recording) {
        try (WorkDir dir = WorkDir.create("atrium-media-")) {
            return probe(recording, copyIn(recording, dir));
        }
    }

    /**
     * The first audio track as 16 kHz mono 16-bit WAV, the format speech recognisers expect, in memory.
     *
     * @throws BadInputException if the input is empty, too large, too long, corrupt or not supported
     * @throws UnsupportedMediaException if it has no audio track
     */
    public Media extractAudio(Media recording) {
        try (WorkDir dir = WorkDir.create("atrium-media-")) {
            Path out = dir.resolve("audio.wav");
            extractAudio(recording, dir, out);
            return Media.of(baseName(recording) + ".wav", "audio/wav", Files.readAllBytes(out));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Like {@link #extractAudio(Media)}, but writes the WAV to {@code target} (replaced if present), for long
     * recordings that should not be held in memory.
     */
    public Media extractAudio(Media recording, Path target) {
        try (WorkDir dir = WorkDir.create("atrium-media-")) {
            Path out = dir.resolve("audio.wav");
            extractAudio(recording, dir, out);
            Files.move(out, target, StandardCopyOption.REPLACE_EXISTING);
            return Media.ofFile(baseName(recording) + ".wav", "audio/wav", target);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void extractAudio(Media recording, WorkDir dir, Path out) {
        Path input = copyIn(recording, dir);
        MediaInfo info = probe(recording, input);
        if (!info.hasAudio()) {
            throw new UnsupportedMediaException(recording.name() + " has no audio track");
        }
        List<String> command = ffmpeg(info, input);
        command.addAll(List.of("-vn", "-map", "0:a:0", "-ac", "1", "-ar", "16000", "-c:a", "pcm_s16le",
                "-f", "wav", out.toString()));
        run(command, dir, recording);
    }

    /**
     * Stills spread evenly over the recording (at 1/2n, 3/2n, ... of its length), scaled down to
     * {@link Options#frameMaxWidth()} pixels wide at most.
     *
     * @param count how many, 1 to {@link Options#maxFrames()}
     * @param format {@code JPEG} (small) or {@code PNG} (lossless, better for OCR of slides)
     * @throws BadInputException if the input is empty, too large, too long, corrupt or not a video container
     * @throws UnsupportedMediaException if it has no video track
     */
    public List<Frame> keyframes(Media recording, int count, FrameFormat format) {
        Objects.requireNonNull(format, "format");
        if (count < 1 || count > options.maxFrames()) {
            throw new BadInputException("count", "between 1 and " + options.maxFrames() + " frames can be taken");
        }
        try (WorkDir dir = WorkDir.create("atrium-media-")) {
            Path input = copyIn(recording, dir);
            MediaInfo info = probe(recording, input);
            if (!info.hasVideo() || !VIDEO_CONTAINERS.contains(demuxer(info))) {
                throw new UnsupportedMediaException(recording.name() + " has no video track");
            }
            List<Duration> times = new ArrayList<>();
            // Without a known length, take one frame every two seconds from the start.
            Duration length = info.duration().orElse(Duration.ofSeconds(2L * count));
            for (int i = 0; i < count; i++) {
                times.add(Duration.ofMillis(length.toMillis() * (2L * i + 1) / (2L * count)));
            }
            // One process, one seeking input per frame: seeking is fast, decoding the whole video is not.
            List<String> command = new ArrayList<>(List.of(options.ffmpeg().toString(), "-v", "error", "-nostdin",
                    "-y"));
            for (Duration t : times) {
                command.addAll(List.of("-protocol_whitelist", "file", "-ss", seconds(t), "-f", demuxer(info),
                        "-i", input.getFileName().toString()));
            }
            String scale = "scale='min(" + options.frameMaxWidth() + ",iw)':-2";
            for (int i = 0; i < count; i++) {
                command.addAll(List.of("-map", i + ":v:0", "-frames:v", "1", "-vf", scale));
                if (format == FrameFormat.JPEG) {
                    command.addAll(List.of("-q:v", "3"));
                }
                command.add(frameName(i, format));
            }
            run(command, dir, recording);
            List<Frame> frames = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                Path file = dir.resolve(frameName(i, format));
                if (Files.isRegularFile(file) && Files.size(file) > 0) {
                    frames.add(new Frame(times.get(i), Media.of(baseName(recording) + "-" + frameName(i, format),
                            format.mediaType(), Files.readAllBytes(file))));
                }
            }
            return List.copyOf(frames);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Image format of extracted frames. */
    public enum FrameFormat {
        /** Small, lossy. */
        JPEG("jpg", "image/jpeg"),
        /** Lossless. */
        PNG("png", "image/png");

        private final String extension;
        private final String mediaType;

        FrameFormat(String extension, String mediaType) {
            this.extension = extension;
            this.mediaType = mediaType;
        }

        /** The media type of frames in this format. */
        public String mediaType() {
            return mediaType;
        }
    }

    private static String frameName(int i, FrameFormat format) {
        return String.format(Locale.ROOT, "frame-%02d.%s", i + 1, format.extension);
    }

    private List<String> ffmpeg(MediaInfo info, Path input) {
        List<String> command = new ArrayList<>(List.of(options.ffmpeg().toString(), "-v", "error", "-nostdin", "-y",
                "-protocol_whitelist", "file", "-f", demuxer(info), "-i", input.getFileName().toString(),
                "-t", seconds(options.maxDuration())));
        return command;
    }

    private void run(List<String> command, WorkDir dir, Media recording) {
        ExternalCommand.Result result = start(command, dir.path(), options.timeout());
        if (!result.ok()) {
            String err = lastLine(result.stderr());
            if (err.contains("Invalid data") || err.contains("corrupt") || err.contains("Error while decoding")) {
                throw new BadInputException("recording", recording.name() + " cannot be decoded: " + err);
            }
            throw new ProviderException("ffmpeg failed on " + recording.name() + " (exit " + result.exitCode()
                    + "): " + err);
        }
    }

    private MediaInfo probe(Media recording, Path input) {
        ExternalCommand.Result result = start(List.of(options.ffprobe().toString(), "-v", "error",
                "-protocol_whitelist", "file", "-show_entries", "format=format_name,duration:stream=codec_type",
                "-of", "default=noprint_wrappers=1", input.getFileName().toString()), input.getParent(),
                PROBE_TIMEOUT);
        if (!result.ok()) {
            throw new BadInputException("recording", recording.name() + " is corrupt or not a recording: "
                    + lastLine(result.stderr()));
        }
        Map<String, String> fields = new HashMap<>();
        boolean video = false;
        boolean audio = false;
        for (String line : result.stdout().lines().toList()) {
            int eq = line.indexOf('=');
            if (eq < 0) {
                continue;
            }
            String key = line.substring(0, eq).strip();
            String value = line.substring(eq + 1).strip();
            if (key.equals("codec_type")) {
                video |= value.equals("video");
                audio |= value.equals("audio");
            } else {
                fields.put(key, value);
            }
        }
        String container = fields.getOrDefault("format_name", "");
        MediaInfo info = new MediaInfo(container, parseDuration(fields.get("duration")), video, audio);
        String demuxer = demuxer(info);
        if (!VIDEO_CONTAINERS.contains(demuxer) && !AUDIO_CONTAINERS.contains(demuxer)) {
            throw new BadInputException("recording", recording.name() + " is " + (container.isEmpty() ? "of an unknown format"
                    : "a '" + container + "' file") + "; MP4, MOV, WebM, MKV, WAV, MP3, Ogg and FLAC are read");
        }
        if (info.duration().isPresent() && info.duration().get().compareTo(options.maxDuration()) > 0) {
            throw new BadInputException("recording", recording.name() + " plays for "
                    + info.duration().get().toMinutes() + " min; recordings up to "
                    + options.maxDuration().toMinutes() + " min are read");
        }
        return info;
    }

    /** The demuxer to pin: the first name ffprobe gives ({@code mov} for MP4, {@code matroska} for WebM). */
    private static String demuxer(MediaInfo info) {
        int comma = info.container().indexOf(',');
        return comma < 0 ? info.container() : info.container().substring(0, comma);
    }

    private static Optional<Duration> parseDuration(String value) {
        try {
            double s = Double.parseDouble(value);
            return s > 0 ? Optional.of(Duration.ofMillis(Math.round(s * 1000))) : Optional.empty();
        } catch (NumberFormatException | NullPointerException e) {
            return Optional.empty();
        }
    }

    private ExternalCommand.Result start(List<String> command, Path dir, Duration timeout) {
        try {
            return ExternalCommand.run(command, ENV, dir, timeout);
        } catch (UncheckedIOException e) {
            throw new CapabilityUnavailableException(command.get(0) + " cannot be started; install the Debian package "
                    + APT_PACKAGE, e);
        }
    }

    private Path copyIn(Media recording, WorkDir dir) {
        Objects.requireNonNull(recording, "recording");
        if (recording.size() == 0) {
            throw new BadInputException("recording", recording.name() + " is empty");
        }
        if (recording.size() > options.maxBytes()) {
            throw new BadInputException("recording", recording.name() + " is " + recording.size()
                    + " bytes; recordings up to " + options.maxBytes() + " bytes are read");
        }
        // A fixed, harmless name: the upload's name never reaches ffmpeg's command line.
        Path input = dir.resolve("input.media");
        try (InputStream in = recording.open()) {
            Files.copy(in, input);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy " + recording.name(), e);
        }
        return input;
    }

    private Status probeTools() {
        try (WorkDir dir = WorkDir.create("atrium-media-probe-")) {
            for (Path tool : List.of(options.ffmpeg(), options.ffprobe())) {
                ExternalCommand.Result r = ExternalCommand.run(List.of(tool.toString(), "-version"), ENV, dir.path(),
                        PROBE_TIMEOUT);
                if (!r.ok()) {
                    return new Status(false, tool + " does not run; install the Debian package " + APT_PACKAGE);
                }
            }
            return new Status(true, "");
        } catch (UncheckedIOException e) {
            return new Status(false, "ffmpeg is not installed; install the Debian package " + APT_PACKAGE);
        } catch (RuntimeException e) {
            return new Status(false, "ffmpeg does not answer (" + e.getMessage() + "); install the Debian package "
                    + APT_PACKAGE);
        }
    }

    private static String seconds(Duration d) {
        return String.format(Locale.ROOT, "%.3f", d.toMillis() / 1000.0);
    }

    private static String lastLine(String text) {
        String[] lines = text.strip().split("\n");
        return lines[lines.length - 1];
    }

    private static String baseName(Media media) {
        String name = media.name();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    /**
     * How media work runs. Start from {@link #defaults()} and change what differs.
     *
     * @param ffmpeg the {@code ffmpeg} executable, a path or a name on {@code PATH}
     * @param ffprobe the {@code ffprobe} executable
     * @param timeout time limit of one extraction; the process is killed after it
     * @param maxDuration longest recording read
     * @param maxBytes largest file read
     * @param maxFrames most stills one call may ask for
     * @param frameMaxWidth stills wider than this are scaled down
     * @since 0.1
     */
    public record Options(Path ffmpeg, Path ffprobe, Duration timeout, Duration maxDuration, long maxBytes,
                          int maxFrames, int frameMaxWidth) {

        /** Checks the values. */
        public Options {
            Objects.requireNonNull(ffmpeg, "ffmpeg");
            Objects.requireNonNull(ffprobe, "ffprobe");
            Objects.requireNonNull(timeout, "timeout");
            Objects.requireNonNull(maxDuration, "maxDuration");
            if (maxBytes < 1 || maxFrames < 1 || frameMaxWidth < 16) {
                throw new IllegalArgumentException("maxBytes, maxFrames and frameMaxWidth must be positive");
            }
        }

        /** Programs from {@code PATH}, 10 minutes per call, recordings up to 4 hours and 2 GB, 32 stills of 1280 px. */
        public static Options defaults() {
            return new Options(Path.of("ffmpeg"), Path.of("ffprobe"), Duration.ofMinutes(10), Duration.ofHours(4),
                    2L * 1024 * 1024 * 1024, 32, 1280);
        }

        /** With other executables. */
        public Options withBinaries(Path ffmpeg, Path ffprobe) {
            return new Options(ffmpeg, ffprobe, timeout, maxDuration, maxBytes, maxFrames, frameMaxWidth);
        }

        /** With another time limit per call. */
        public Options withTimeout(Duration timeout) {
            return new Options(ffmpeg, ffprobe, timeout, maxDuration, maxBytes, maxFrames, frameMaxWidth);
        }

        /** With other input limits. */
        public Options withLimits(Duration maxDuration, long maxBytes) {
            return new Options(ffmpeg, ffprobe, timeout, maxDuration, maxBytes, maxFrames, frameMaxWidth);
        }
    }
}
