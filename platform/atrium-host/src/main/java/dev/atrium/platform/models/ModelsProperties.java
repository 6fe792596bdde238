package dev.atrium.platform.models;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Model providers and routing under {@code atrium.models.*}. Binds from properties, environment variables
 * and {@code SPRING_APPLICATION_JSON} like any Boot property, for example
 * {@code ATRIUM_MODELS_PROVIDERS_OPENAI_BASEURL=https://api.openai.com/v1}.
 *
 * @param defaultProvider where capabilities go unless a route says otherwise ({@code embedded} by default)
 * @param providers remote OpenAI-compatible providers by name
 * @param routes per plugin, per capability (for example {@code office.chat=deepseek}) the provider to use
 */
@ConfigurationProperties("atrium.models")
public record ModelsProperties(String defaultProvider, Map<String, Provider> providers,
                               Map<String, Map<String, String>> routes) {

    /** The name of the offline engine, always present. */
    public static final String EMBEDDED = "embedded";

    public ModelsProperties {
        defaultProvider = defaultProvider == null || defaultProvider.isBlank() ? EMBEDDED : defaultProvider;
        providers = providers == null ? Map.of() : Map.copyOf(new LinkedHashMap<>(providers));
        routes = routes == null ? Map.of() : Map.copyOf(routes);
    }

    /**
     * One OpenAI-compatible endpoint (OpenAI, vLLM, Ollama, LM Studio, DeepSeek, Qwen, GLM, ...).
     *
     * @param baseUrl the API root including {@code /v1}
     * @param apiKey the key; never logged or shown
     * @param chatModel model for chat and structured output
     * @param visionModel model for chat with images (defaults to the chat model)
     * @param transcriptionModel speech-to-text model, if the provider has one
     * @param imageModel image generation/edit model, if any
     * @param embeddingModel embeddings model, if any
     * @param timeout per-request limit
     * @param maxRetries retries on 429, 5xx and connection errors (with backoff honouring Retry-After)
     * @param price token prices for metering
     */
    public record Provider(String baseUrl, String apiKey, String chatModel, String visionModel,
                           String transcriptionModel, String imageModel, String embeddingModel,
                           Duration timeout, Integer maxRetries, Price price) {

        public Provider {
            timeout = timeout == null ? Duration.ofSeconds(60) : timeout;
            maxRetries = maxRetries == null ? 2 : Math.max(0, maxRetries);
            price = price == null ? new Price(null, null, null) : price;
            visionModel = blank(visionModel) ? chatModel : visionModel;
        }

        static boolean blank(String value) {
            return value == null || value.isBlank();
        }
    }

    /**
     * @param inputPer1k price of 1000 prompt tokens
     * @param outputPer1k price of 1000 completion tokens
     * @param currency ISO currency code
     */
    public record Price(BigDecimal inputPer1k, BigDecimal outputPer1k, String currency) {
        public Price {
            inputPer1k = inputPer1k == null ? BigDecimal.ZERO : inputPer1k;
            outputPer1k = outputPer1k == null ? BigDecimal.ZERO : outputPer1k;
            currency = currency == null || currency.isBlank() ? "USD" : currency;
        }

        /** The cost of a call. */
        public BigDecimal cost(long inputTokens, long outputTokens) {
            return inputPer1k.multiply(BigDecimal.valueOf(inputTokens))
                    .add(outputPer1k.multiply(BigDecimal.valueOf(outputTokens)))
                    .divide(BigDecimal.valueOf(1000));
        }
    }
}
