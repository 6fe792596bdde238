package dev.atrium.platform.models;

import dev.atrium.documents.DocumentLimits;
import dev.atrium.documents.OfficeDocumentKit;
import dev.atrium.engine.embed.MiniLmEmbeddings;
import dev.atrium.engine.media.FfmpegMedia;
import dev.atrium.engine.media.FfmpegMediaKit;
import dev.atrium.engine.ocr.TesseractOcr;
import dev.atrium.engine.text.EmbeddedTextKit;
import dev.atrium.sdk.Media;
import dev.atrium.sdk.model.Capability;
import dev.atrium.sdk.model.CapabilityStatus;
import dev.atrium.sdk.model.Embeddings;
import dev.atrium.sdk.model.OcrResult;
import dev.atrium.sdk.media.MediaKit;
import java.util.List;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires the embedded engine (Tesseract OCR, MiniLM embeddings, ffmpeg), the text tools and the document kit into
 * the host. The text tools and document kit are made per run so their embeddings and OCR go through the
 * run's gateway: routed, metered, attributed.
 */
@Configuration(proxyBeanMethods = false)
class EngineConfiguration {

    private static final List<String> DOCUMENT_OCR_LANGUAGES = List.of("eng", "chi_sim");

    /**
     * Tesseract in-process through libtesseract (each language model loaded once) unless
     * {@code atrium.ocr.in-process=false} asks for one {@code tesseract} process per image, which isolates a
     * crash in Tesseract from the server at the cost of loading the model for every image.
     */
    @Bean
    TesseractOcr tesseractOcr(@Value("${atrium.ocr.in-process:true}") boolean inProcess) {
        return new TesseractOcr(TesseractOcr.Options.defaults().withInProcess(inProcess));
    }

    @Bean
    MiniLmEmbeddings miniLmEmbeddings() {
        return new MiniLmEmbeddings();
    }

    @Bean
    FfmpegMedia ffmpegMedia() {
        return new FfmpegMedia();
    }

    @Bean
    MediaKit mediaKit(FfmpegMedia ffmpeg) {
        return new FfmpegMediaKit(ffmpeg);
    }

    @Bean
    EmbeddedEngine embeddedEngine(TesseractOcr ocr, MiniLmEmbeddings embeddings, MediaKit media) {
        return new EmbeddedEngine() {
            @Override
            public CapabilityStatus status(Capability capability) {
                return switch (capability) {
                    case OCR -> ocr.status();
                    case EMBEDDINGS -> embeddings.status();
                    default -> CapabilityStatus.unavailable(capability, "the embedded engine has no "
                            + CapabilityNames.of(capability) + " model; configure a remote OpenAI-compatible "
                            + "provider (atrium.models.providers.<name>.*)");
                };
            }

            @Override
            public OcrResult ocr(Media image, List<String> languages) {
                return languages == null || languages.isEmpty() ? ocr.recognize(image) : ocr.recognize(image, languages);
            }

            @Override
            public Embeddings embed(List<String> texts) {
                return embeddings.embed(texts);
            }

            @Override
            public Media audioTrack(Media recording) {
                return media.audioTrack(recording);
            }
        };
    }

    @Bean
    TextKits textKits() {
        return gateway -> {
            CapabilityStatus embeddings = gateway.status(Capability.EMBEDDINGS);
            if (!embeddings.available()) {
                return new EmbeddedTextKit();
            }
            // MiniLM is English-only; a remote embeddings model is taken to be multilingual.
            Set<String> languages = embeddings.remote() ? Set.of() : MiniLmEmbeddings.LANGUAGES;
            return new EmbeddedTextKit(gateway::embed, languages);
        };
    }

    @Bean
    DocumentKits documentKits() {
        return gateway -> new LazyDocumentKit(
                () -> new OfficeDocumentKit(DocumentLimits.DEFAULTS, gateway::ocr, DOCUMENT_OCR_LANGUAGES));
    }
}
