package dev.atrium.sdk;

import java.util.Objects;

/**
 * Something a skill produces, so clients and generated pages know what to expect.
 *
 * @param name result field or artifact file name
 * @param kind where it appears
 * @param mediaType media type of an artifact or text, may be empty for result fields
 * @param description what it holds
 * @since 0.1
 */
public record OutputSpec(String name, Kind kind, String mediaType, String description) {

    /** Where an output appears. */
    public enum Kind {
        /** A field of the final structured result. */
        RESULT,
        /** Text streamed as deltas while the skill runs. */
        TEXT,
        /** A downloadable file. */
        ARTIFACT
    }

    /** Validates the declaration. */
    public OutputSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        mediaType = mediaType == null ? "" : mediaType;
        description = description == null ? "" : description;
    }

    /** A field of the final result. */
    public static OutputSpec result(String name, String description) {
        return new OutputSpec(name, Kind.RESULT, "", description);
    }

    /** Streamed text of the given media type ({@code text/plain} or {@code text/markdown}). */
    public static OutputSpec text(String name, String mediaType, String description) {
        return new OutputSpec(name, Kind.TEXT, mediaType, description);
    }

    /** A downloadable artifact. */
    public static OutputSpec artifact(String name, String mediaType, String description) {
        return new OutputSpec(name, Kind.ARTIFACT, mediaType, description);
    }
}
