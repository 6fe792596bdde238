package dev.atrium.platform.models;

import dev.atrium.sdk.model.ChatRequest;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import java.time.Duration;
import tools.jackson.databind.json.JsonMapper;

/** Opens the package-private remote provider to the benchmark: time to the first streamed chunk. */
public final class RemoteProviderProbe {

    private final RemoteProvider provider;

    private RemoteProviderProbe(RemoteProvider provider) {
        this.provider = provider;
    }

    public static RemoteProviderProbe connect(String baseUrl) {
        ModelsProperties.Provider settings = new ModelsProperties.Provider(baseUrl, "x", "fake-chat", null, null, null,
                null, Duration.ofSeconds(10), 0, null);
        return new RemoteProviderProbe(new RemoteProvider("bench", settings, JsonMapper.builder().build(),
                ObservationRegistry.NOOP, new SimpleMeterRegistry()));
    }

    /** Nanoseconds from the call to the first non-empty chunk; drains the rest. */
    public long firstTokenNanos(ChatRequest request) {
        long began = System.nanoTime();
        long[] first = {-1};
        provider.stream(request).doOnNext(chunk -> {
            if (first[0] < 0 && !chunk.text().isEmpty()) {
                first[0] = System.nanoTime() - began;
            }
        }).blockLast(Duration.ofSeconds(10));
        return first[0];
    }
}
