package dev.atrium.examples.hello;

import dev.atrium.sdk.BadInputException;
import dev.atrium.sdk.CancellationSignal;
import dev.atrium.sdk.InputSpec;
import dev.atrium.sdk.Media;
import dev.atrium.sdk.OutputSpec;
import dev.atrium.sdk.Skill;
import dev.atrium.sdk.SkillContext;
import dev.atrium.sdk.SkillEvent;
import dev.atrium.sdk.SkillInput;
import dev.atrium.sdk.SkillSpec;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.pf4j.Extension;
import reactor.core.publisher.Flux;

/**
 * Streams the text back word by word, counts its characters and words, and fingerprints an optional file.
 * It uses every kind of event a skill can emit: progress, text deltas, an artifact and a result.
 *
 * <p>Characters are Unicode code points, so an emoji counts once. Words are whitespace-separated tokens,
 * except that each CJK ideograph counts as a word, since Chinese is written without spaces (see
 * {@link Words}).
 *
 * @since 0.1
 */
@Extension
public class EchoSkill implements Skill {

    /** The largest file the skill takes: 10 MB. */
    static final long MAX_FILE_BYTES = 10L * 1024 * 1024;

    /** The longest pause between streamed words: 2 s. */
    static final int MAX_DELAY_MS = 2000;

    // tag::echo-spec[]
    private static final SkillSpec SPEC = SkillSpec.builder("echo")
            .title("Echo")
            .description("Streams the text back, counts its characters and words, and fingerprints an optional file.")
            .input(InputSpec.longText("text").label("Text").required())
            .input(InputSpec.file("file").label("File")
                    .description("Any file up to 10 MB; it is described by size and SHA-256, not echoed.")
                    .maxBytes(MAX_FILE_BYTES))
            .input(InputSpec.number("delayMs").label("Pause between words (ms)")
                    .description("Slows the stream down so it can be watched or cancelled; 0 by default.")
                    .range(0.0, (double) MAX_DELAY_MS))
            .output(OutputSpec.text("text", "text/plain", "the text, streamed word by word"))
            .output(OutputSpec.artifact("echo.txt", "text/plain", "the text, and a line describing the file"))
            .output(OutputSpec.result("text", "the text"))
            .output(OutputSpec.result("characters", "Unicode code points in the text"))
            .output(OutputSpec.result("words", "whitespace-separated words; each CJK ideograph counts as one"))
            .output(OutputSpec.result("file", "name, size, mediaType and sha256 of the file, when one is given"))
            .build();
    // end::echo-spec[]

    /**
     * Creates the skill; the host instantiates it through PF4J.
     *
     * @since 0.1
     */
    public EchoSkill() {
    }

    /**
     * Describes the echo skill: a required text and an optional file of any type.
     *
     * @since 0.1
     */
    @Override
    public SkillSpec spec() {
        return SPEC;
    }

    /**
     * Echoes the text and describes the file, checking for cancellation between pieces.
     *
     * @since 0.1
     */
    @Override
    public Flux<SkillEvent> run(SkillInput input, SkillContext context) {
        // The host calls run() on a worker thread, so this blocking emitter is fine; an exception thrown
        // inside it (a RunCancelledException, say) ends the stream with that error.
        return Flux.create(sink -> {
            CancellationSignal cancellation = context.cancellation();
            sink.next(SkillEvent.progress(10, "reading input"));
            String text = input.requireText("text");
            Optional<Media> file = input.file("file");
            long delayMs = input.number("delayMs").map(Number::longValue).orElse(0L);

            // tag::echo-stream[]
            for (String piece : Words.pieces(text)) {
                cancellation.throwIfCancelled();
                if (sink.isCancelled()) {
                    return;
                }
                sink.next(SkillEvent.delta(piece));
                if (delayMs > 0) {
                    pause(delayMs, cancellation);
                }
            }
            // end::echo-stream[]

            sink.next(SkillEvent.progress(60, "counting words"));
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("text", text);
            result.put("characters", text.codePointCount(0, text.length()));
            result.put("words", Words.count(text));
            StringBuilder echo = new StringBuilder(text);

            if (file.isPresent()) {
                sink.next(SkillEvent.progress(80, "hashing file"));
                Media media = file.get();
                String sha256 = sha256(media, cancellation);
                Map<String, Object> facts = new LinkedHashMap<>();
                facts.put("name", media.name());
                facts.put("size", media.size());
                facts.put("mediaType", media.mediaType());
                facts.put("sha256", sha256);
                result.put("file", facts);
                if (!text.endsWith("\n")) {
                    echo.append('\n');
                }
                echo.append(describe(media, sha256)).append('\n');
            }

            cancellation.throwIfCancelled();
            sink.next(SkillEvent.artifact(Media.ofText("echo.txt", "text/plain; charset=utf-8", echo.toString())));
            sink.next(SkillEvent.progress(100, "done"));
            sink.next(SkillEvent.result(result));
            sink.complete();
        });
    }

    /** Sleeps, waking early when the run is cancelled. */
    static void pause(long millis, CancellationSignal cancellation) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        cancellation.throwIfCancelled();
    }

    /** The line echo.txt gives a file. */
    static String describe(Media media, String sha256) {
        return "file: " + media.name() + " (" + media.mediaType() + ", " + media.size() + " bytes, sha256 "
                + sha256 + ")";
    }

    /** Hashes the content as it streams by, so a large upload is never held in memory. */
    static String sha256(Media media, CancellationSignal cancellation) {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = media.open()) {
            for (int read = in.read(buffer); read != -1; read = in.read(buffer)) {
                cancellation.throwIfCancelled();
                digest.update(buffer, 0, read);
            }
        } catch (IOException e) {
            throw new BadInputException("file", "cannot read " + media.name() + ": " + e.getMessage(), e);
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
