package dev.atrium.platform.models;

import dev.atrium.sdk.model.Capability;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The configured providers and the routing between them: {@code atrium.models.routes.<plugin>.<capability>},
 * then {@code atrium.models.default-provider}, then the embedded engine for what it can do.
 */
@Component
public class ModelProviders {

    private static final Logger log = LoggerFactory.getLogger(ModelProviders.class);

    private final ModelsProperties properties;
    private final Map<String, RemoteProvider> remotes = new LinkedHashMap<>();
    private final Map<String, Health> health = new ConcurrentHashMap<>();
    private final EmbeddedEngine embedded;

    public ModelProviders(ModelsProperties properties, EmbeddedEngine embedded, JsonMapper json,
                          ObjectProvider<ObservationRegistry> observations, MeterRegistry meters) {
        this.properties = properties;
        this.embedded = embedded;
        ObservationRegistry registry = observations.getIfAvailable(() -> ObservationRegistry.NOOP);
        properties.providers().forEach((name, settings) -> {
            if (name.equals(ModelsProperties.EMBEDDED)) {
                throw new IllegalArgumentException("'embedded' is the offline engine's name; pick another provider name");
            }
            remotes.put(name, new RemoteProvider(name, settings, json, registry, meters));
            log.info("Model provider {} at {} (chat model {})", name, settings.baseUrl(), settings.chatModel());
        });
        if (!properties.defaultProvider().equals(ModelsProperties.EMBEDDED)
                && !remotes.containsKey(properties.defaultProvider())) {
            throw new IllegalArgumentException("atrium.models.default-provider '" + properties.defaultProvider()
                    + "' is not configured under atrium.models.providers");
        }
    }

    /** Result of the last health check of a provider. */
    public record Health(String status, Instant checkedAt, long latencyMillis, String detail) {
    }

    EmbeddedEngine embedded() {
        return embedded;
    }

    Map<String, RemoteProvider> remotes() {
        return remotes;
    }

    Optional<RemoteProvider> remote(String name) {
        return Optional.ofNullable(remotes.get(name));
    }

    boolean exists(String name) {
        return name.equals(ModelsProperties.EMBEDDED) || remotes.containsKey(name);
    }

    String defaultProvider() {
        return properties.defaultProvider();
    }

    Map<String, Map<String, String>> routes() {
        return properties.routes();
    }

    /**
     * The provider a plugin's capability goes to: an explicit route, else the default provider if it has a
     * model for it, else the embedded engine.
     */
    String route(String pluginId, Capability capability) {
        Map<String, String> pluginRoutes = properties.routes().getOrDefault(pluginId, Map.of());
        for (Map.Entry<String, String> route : pluginRoutes.entrySet()) {
            if (CapabilityNames.parse(route.getKey()).filter(capability::equals).isPresent()) {
                return route.getValue();
            }
        }
        if (capability == Capability.OCR) {
            // Tesseract gives words with boxes and confidences; a vision model only when routed explicitly.
            return ModelsProperties.EMBEDDED;
        }
        String fallback = properties.defaultProvider();
        RemoteProvider remote = remotes.get(fallback);
        if (remote != null && remote.capabilities().contains(capability)) {
            return fallback;
        }
        // The default provider lacks this capability: the offline engine does what it can.
        return remote != null && capability == Capability.EMBEDDINGS ? ModelsProperties.EMBEDDED : fallback;
    }

    /** Checks a provider now and remembers the outcome. */
    Health check(String name) {
        long began = System.nanoTime();
        Health result;
        if (name.equals(ModelsProperties.EMBEDDED)) {
            boolean ocr = embedded.status(Capability.OCR).available();
            boolean embeddings = embedded.status(Capability.EMBEDDINGS).available();
            result = new Health(ocr && embeddings ? "up" : "degraded", Instant.now(), elapsed(began),
                    "ocr " + (ocr ? "available" : "unavailable") + ", embeddings "
                            + (embeddings ? "available" : "unavailable"));
        } else {
            RemoteProvider remote = remotes.get(name);
            try {
                int models = remote.healthCheck();
                result = new Health("up", Instant.now(), elapsed(began), models + " model(s) listed");
            } catch (RuntimeException e) {
                result = new Health("down", Instant.now(), elapsed(began), e.getMessage());
            }
        }
        health.put(name, result);
        return result;
    }

    Optional<Health> lastHealth(String name) {
        return Optional.ofNullable(health.get(name));
    }

    private static long elapsed(long began) {
        return (System.nanoTime() - began) / 1_000_000;
    }
}
