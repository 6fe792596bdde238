package dev.atrium.platform.web;

import dev.atrium.platform.models.ModelCatalog;
import dev.atrium.platform.models.ModelGateways;
import dev.atrium.platform.problem.ProblemException;
import dev.atrium.sdk.Media;
import dev.atrium.sdk.model.ChatMessage;
import dev.atrium.sdk.model.ChatRequest;
import dev.atrium.sdk.model.ChatResult;
import dev.atrium.sdk.model.ModelGateway;
import dev.atrium.sdk.model.OcrResult;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.MediaTypeFactory;
import org.springframework.http.codec.multipart.FilePart;
import org.springframework.http.codec.multipart.FormFieldPart;
import org.springframework.http.codec.multipart.Part;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** Model providers, their health, and the admin playground (chat and OCR against one provider). */
@RestController
@RequestMapping("/api/models")
public class ModelsController {

    private static final long MAX_IMAGE_BYTES = 20L * 1024 * 1024;
    private static final String TENANT = "default";

    private final ModelCatalog catalog;
    private final ModelGateways gateways;

    public ModelsController(ModelCatalog catalog, ModelGateways gateways) {
        this.catalog = catalog;
        this.gateways = gateways;
    }

    /** Providers and capabilities; the first look may probe the Tesseract binary, so off the event loop. */
    @GetMapping
    public Mono<Map<String, Object>> list() {
        return Mono.fromCallable(catalog::describe).subscribeOn(Schedulers.boundedElastic());
    }

    @PostMapping("/{provider}/health")
    public Mono<Map<String, Object>> health(@PathVariable String provider) {
        requireProvider(provider);
        return Mono.fromCallable(() -> catalog.check(provider)).subscribeOn(Schedulers.boundedElastic());
    }

    /** Playground chat from JSON: {@code {"message": "...", "system": "..."}}. */
    @PostMapping(path = "/{provider}/chat", consumes = MediaType.APPLICATION_JSON_VALUE)
    public Mono<Map<String, Object>> chatJson(@PathVariable String provider, @RequestBody Map<String, Object> body) {
        requireProvider(provider);
        return chat(provider, text(body.get("message")), text(body.get("system")), null);
    }

    /** Playground chat from multipart: {@code message}, optional {@code system} and an {@code image} part. */
    @PostMapping(path = "/{provider}/chat", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    public Mono<Map<String, Object>> chatMultipart(@PathVariable String provider, ServerWebExchange exchange) {
        requireProvider(provider);
        return exchange.getMultipartData().flatMap(parts -> image(parts, false)
                .map(List::of).defaultIfEmpty(List.of())
                .flatMap(images -> chat(provider, field(parts, "message"), field(parts, "system"),
                        images.isEmpty() ? null : images.get(0))));
    }

    /** Playground OCR: multipart {@code image}, optional {@code languages} (e.g. {@code eng+chi_sim}). */
    @PostMapping(path = "/{provider}/ocr", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    public Mono<Map<String, Object>> ocr(@PathVariable String provider, ServerWebExchange exchange) {
        requireProvider(provider);
        return exchange.getMultipartData().flatMap(parts -> image(parts, true).flatMap(image -> {
            String languages = field(parts, "languages");
            List<String> wanted = languages == null || languages.isBlank() ? List.of()
                    : Arrays.stream(languages.split("[+,\\s]+")).filter(s -> !s.isBlank()).toList();
            ModelGateway gateway = gateways.forProvider(provider, TENANT);
            return Mono.fromCallable(() -> {
                long began = System.nanoTime();
                OcrResult result = gateway.ocr(image, wanted);
                Map<String, Object> view = new LinkedHashMap<>();
                view.put("text", result.text());
                view.put("lines", result.lines());
                view.put("words", result.words());
                view.put("engine", result.engine());
                view.put("latencyMs", (System.nanoTime() - began) / 1_000_000);
                return view;
            }).subscribeOn(Schedulers.boundedElastic());
        }));
    }

    private Mono<Map<String, Object>> chat(String provider, String message, String system, Media image) {
        if (message == null || message.isBlank()) {
            return Mono.error(ProblemException.badRequest("bad-input", "Bad input", "input 'message' is required")
                    .with("input", "message"));
        }
        List<ChatMessage> messages = new ArrayList<>();
        if (system != null && !system.isBlank()) {
            messages.add(ChatMessage.system(system));
        }
        messages.add(image == null ? ChatMessage.user(message) : ChatMessage.user(message, image));
        ModelGateway gateway = gateways.forProvider(provider, TENANT);
        return Mono.fromCallable(() -> {
            long began = System.nanoTime();
            ChatResult result = gateway.chat(new ChatRequest(messages, null, null));
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("answer", result.text());
            view.put("model", result.engine().model());
            view.put("engine", result.engine());
            view.put("usage", result.usage());
            view.put("latencyMs", (System.nanoTime() - began) / 1_000_000);
            return view;
        }).subscribeOn(Schedulers.boundedElastic());
    }

    private Mono<Media> image(MultiValueMap<String, Part> parts, boolean required) {
        Part part = parts.getFirst("image");
        if (!(part instanceof FilePart file)) {
            return required ? Mono.error(ProblemException.badRequest("bad-input", "Bad input",
                    "send the image as a multipart file part named 'image'").with("input", "image")) : Mono.empty();
        }
        MediaType declared = file.headers().getContentType();
        MediaType type = declared == null || MediaType.APPLICATION_OCTET_STREAM.equalsTypeAndSubtype(declared)
                ? MediaTypeFactory.getMediaType(file.filename()).orElse(MediaType.APPLICATION_OCTET_STREAM) : declared;
        if (!"image".equals(type.getType())) {
            return Mono.error(new ProblemException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media",
                    "Unsupported media type", "'image' must be an image, got " + type).with("input", "image"));
        }
        return DataBufferUtils.join(file.content(), (int) MAX_IMAGE_BYTES)
                .map(buffer -> {
                    try {
                        byte[] bytes = new byte[buffer.readableByteCount()];
                        buffer.read(bytes);
                        return Media.of(file.filename(), type.toString(), bytes);
                    } finally {
                        DataBufferUtils.release(buffer);
                    }
                });
    }

    private void requireProvider(String provider) {
        if (!gateways.exists(provider)) {
            throw ProblemException.notFound("provider-not-found", "no model provider '" + provider + "' is configured")
                    .with("provider", provider);
        }
    }

    private static String field(MultiValueMap<String, Part> parts, String name) {
        return parts.getFirst(name) instanceof FormFieldPart field ? field.value() : null;
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
