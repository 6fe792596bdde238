package dev.atrium.platform.models;

import dev.atrium.sdk.Media;
import dev.atrium.sdk.model.Capability;
import dev.atrium.sdk.model.CapabilityStatus;
import dev.atrium.sdk.model.Embeddings;
import dev.atrium.sdk.model.OcrResult;
import java.util.List;

/**
 * The offline engine as the gateway sees it: OCR and embeddings, always present, nothing downloaded.
 * Generative capabilities are never available here; their status says how to configure a remote provider.
 */
public interface EmbeddedEngine {

    /** Whether the engine serves the capability on this machine, and why not. */
    CapabilityStatus status(Capability capability);

    /** Reads text from an image. */
    OcrResult ocr(Media image, List<String> languages);

    /** Embeds texts with the model shipped in the platform. */
    Embeddings embed(List<String> texts);

    /** A recording's sound as 16 kHz mono WAV (so a video can be transcribed). */
    Media audioTrack(Media recording);
}
