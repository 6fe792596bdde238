package dev.atrium.sdk.model;

import java.util.Objects;

/**
 * Which engine produced a result, so users always know.
 *
 * @param kind remote provider or embedded offline engine
 * @param provider configured provider name ({@code embedded} for the offline engine)
 * @param model model name, or the embedded component (for example {@code tesseract-5})
 * @since 0.1
 */
public record Engine(Kind kind, String provider, String model) {

    /** Where the work ran. */
    public enum Kind {
        /** A remote OpenAI-compatible endpoint. */
        REMOTE,
        /** The offline engine inside the platform. */
        EMBEDDED
    }

    /** Rejects missing parts. */
    public Engine {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(provider, "provider");
        model = model == null ? "" : model;
    }

    /** An embedded component. */
    public static Engine embedded(String component) {
        return new Engine(Kind.EMBEDDED, "embedded", component);
    }

    /** A remote provider and model. */
    public static Engine remote(String provider, String model) {
        return new Engine(Kind.REMOTE, provider, model);
    }
}
