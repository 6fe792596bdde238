package dev.atrium.platform.models;

import dev.atrium.sdk.model.Capability;
import dev.atrium.sdk.model.CapabilityStatus;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** What {@code GET /api/models} shows: providers, models, capabilities, health — never an API key. */
@Component
public class ModelCatalog {

    private final ModelProviders providers;

    public ModelCatalog(ModelProviders providers) {
        this.providers = providers;
    }

    public Map<String, Object> describe() {
        List<Map<String, Object>> list = new ArrayList<>();
        list.add(embedded());
        providers.remotes().values().forEach(remote -> list.add(remote(remote)));
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("defaultProvider", providers.defaultProvider());
        view.put("providers", list);
        view.put("routes", providers.routes());
        return view;
    }

    /** Runs a health check now. */
    public Map<String, Object> check(String provider) {
        return health(providers.check(provider));
    }

    private Map<String, Object> embedded() {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("name", ModelsProperties.EMBEDDED);
        view.put("kind", "embedded");
        List<String> capabilities = new ArrayList<>();
        Map<String, Object> models = new LinkedHashMap<>();
        Map<String, String> unavailable = new LinkedHashMap<>();
        for (Capability capability : Capability.values()) {
            CapabilityStatus status = providers.embedded().status(capability);
            if (status.available()) {
                capabilities.add(CapabilityNames.of(capability));
                models.put(CapabilityNames.of(capability), status.engine().model());
            } else {
                unavailable.put(CapabilityNames.of(capability), status.reason());
            }
        }
        view.put("capabilities", capabilities);
        view.put("models", models);
        view.put("unavailable", unavailable);
        view.put("health", providers.lastHealth(ModelsProperties.EMBEDDED).map(ModelCatalog::health).orElse(null));
        return view;
    }

    private Map<String, Object> remote(RemoteProvider remote) {
        ModelsProperties.Provider settings = remote.settings();
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("name", remote.name());
        view.put("kind", "remote");
        view.put("baseUrl", settings.baseUrl());
        view.put("apiKey", ModelsProperties.Provider.blank(settings.apiKey()) ? "missing" : "set");
        view.put("capabilities", remote.capabilities().stream().map(CapabilityNames::of).toList());
        Map<String, Object> models = new LinkedHashMap<>();
        models.put("chat", settings.chatModel());
        models.put("vision", settings.visionModel());
        models.put("transcription", settings.transcriptionModel());
        models.put("image", settings.imageModel());
        models.put("embedding", settings.embeddingModel());
        view.put("models", models);
        view.put("timeoutSeconds", settings.timeout().toSeconds());
        view.put("maxRetries", settings.maxRetries());
        view.put("price", Map.of("inputPer1k", settings.price().inputPer1k(),
                "outputPer1k", settings.price().outputPer1k(), "currency", settings.price().currency()));
        view.put("circuit", remote.circuitState().name().toLowerCase(java.util.Locale.ROOT));
        view.put("health", providers.lastHealth(remote.name()).map(ModelCatalog::health).orElse(null));
        return view;
    }

    private static Map<String, Object> health(ModelProviders.Health health) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("status", health.status());
        view.put("checkedAt", health.checkedAt());
        view.put("latencyMs", health.latencyMillis());
        view.put("detail", health.detail());
        return view;
    }
}
