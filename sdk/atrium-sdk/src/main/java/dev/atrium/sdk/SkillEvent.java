package dev.atrium.sdk;

import java.util.Objects;

/**
 * What a running skill reports. A run's stream ends with exactly one {@link Result}.
 *
 * @since 0.1
 */
public sealed interface SkillEvent
        permits SkillEvent.Progress, SkillEvent.TextDelta, SkillEvent.Artifact, SkillEvent.Result,
        SkillEvent.Warning {

    /**
     * How far the run has got.
     *
     * @param percent 0 to 100
     * @param message what is happening now
     */
    record Progress(int percent, String message) implements SkillEvent {
        /** Clamps the percentage into 0..100. */
        public Progress {
            percent = Math.max(0, Math.min(100, percent));
            message = message == null ? "" : message;
        }
    }

    /**
     * A piece of streamed text, to be appended to what came before.
     *
     * @param text the piece
     */
    record TextDelta(String text) implements SkillEvent {
        /** Rejects null text. */
        public TextDelta {
            Objects.requireNonNull(text, "text");
        }
    }

    /**
     * A file the run produced; the host stores it and serves it under the run.
     *
     * @param media the file
     */
    record Artifact(Media media) implements SkillEvent {
        /** Rejects a missing file. */
        public Artifact {
            Objects.requireNonNull(media, "media");
        }
    }

    /**
     * The final structured result.
     *
     * @param data JSON-serialisable data: maps, lists, strings, numbers, booleans, records
     */
    record Result(Object data) implements SkillEvent {
        /** Rejects a missing result. */
        public Result {
            Objects.requireNonNull(data, "data");
        }
    }

    /**
     * Something the user should know that does not stop the run.
     *
     * @param message the warning
     */
    record Warning(String message) implements SkillEvent {
        /** Rejects a missing message. */
        public Warning {
            Objects.requireNonNull(message, "message");
        }
    }

    /** A progress event. */
    static SkillEvent progress(int percent, String message) {
        return new Progress(percent, message);
    }

    /** A text delta. */
    static SkillEvent delta(String text) {
        return new TextDelta(text);
    }

    /** An artifact. */
    static SkillEvent artifact(Media media) {
        return new Artifact(media);
    }

    /** The final result. */
    static SkillEvent result(Object data) {
        return new Result(data);
    }

    /** A warning. */
    static SkillEvent warning(String message) {
        return new Warning(message);
    }
}
