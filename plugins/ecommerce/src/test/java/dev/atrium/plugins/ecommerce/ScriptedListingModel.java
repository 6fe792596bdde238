package dev.atrium.plugins.ecommerce;

import dev.atrium.sdk.Media;
import dev.atrium.sdk.model.Capability;
import dev.atrium.sdk.model.CapabilityStatus;
import dev.atrium.sdk.model.ChatChunk;
import dev.atrium.sdk.model.ChatRequest;
import dev.atrium.sdk.model.ChatResult;
import dev.atrium.sdk.model.Embeddings;
import dev.atrium.sdk.model.ImageRequest;
import dev.atrium.sdk.model.ImageResult;
import dev.atrium.sdk.model.ModelGateway;
import dev.atrium.sdk.model.OcrResult;
import dev.atrium.sdk.model.StructuredResult;
import dev.atrium.sdk.model.Transcript;
import dev.atrium.sdk.model.Usage;
import dev.atrium.sdk.testkit.FakeModelGateway;
import java.util.ArrayList;
import java.util.List;
import reactor.core.publisher.Flux;
import tools.jackson.databind.json.JsonMapper;

/**
 * A remote model that answers structured calls with a different draft each time (the last one repeats), for the
 * feedback round; everything else goes to a {@link FakeModelGateway}. FakeModelGateway answers every
 * structured call with one value, so it cannot show a model that mends its draft.
 */
final class ScriptedListingModel implements ModelGateway {

    private final FakeModelGateway fake;
    private final List<ListingDraft> drafts;
    final List<ChatRequest> structuredRequests = new ArrayList<>();

    ScriptedListingModel(FakeModelGateway fake, ListingDraft... drafts) {
        this.fake = fake.onStructured(drafts[0]);
        this.drafts = List.of(drafts);
    }

    @Override
    public CapabilityStatus status(Capability capability) {
        return fake.status(capability);
    }

    @Override
    public ChatResult chat(ChatRequest request) {
        return fake.chat(request);
    }

    @Override
    public Flux<ChatChunk> stream(ChatRequest request) {
        return fake.stream(request);
    }

    @Override
    public synchronized <T> StructuredResult<T> structured(ChatRequest request, Class<T> type) {
        structuredRequests.add(request);
        ListingDraft draft = drafts.get(Math.min(structuredRequests.size() - 1, drafts.size() - 1));
        return new StructuredResult<>(type.cast(draft), JsonMapper.builder().build().writeValueAsString(draft),
                new Usage(100, 50), FakeModelGateway.ENGINE);
    }

    @Override
    public Transcript transcribe(Media audio, String language) {
        return fake.transcribe(audio, language);
    }

    @Override
    public OcrResult ocr(Media image, List<String> languages) {
        return fake.ocr(image, languages);
    }

    @Override
    public Embeddings embed(List<String> texts) {
        return fake.embed(texts);
    }

    @Override
    public ImageResult image(ImageRequest request) {
        return fake.image(request);
    }
}
