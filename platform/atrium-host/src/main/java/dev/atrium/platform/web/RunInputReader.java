package dev.atrium.platform.web;

import dev.atrium.platform.problem.ProblemException;
import dev.atrium.platform.runs.InputBinder;
import dev.atrium.platform.runs.SafeFileName;
import dev.atrium.platform.runs.StoredFile;
import dev.atrium.sdk.InputSpec;
import dev.atrium.sdk.SkillSpec;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.MediaType;
import org.springframework.http.MediaTypeFactory;
import org.springframework.http.codec.multipart.FilePart;
import org.springframework.http.codec.multipart.FormFieldPart;
import org.springframework.http.codec.multipart.Part;
import org.springframework.stereotype.Component;
import org.springframework.util.MultiValueMap;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a run request's multipart body: the {@code input} part (JSON object), plain form fields named
 * after inputs, and file parts named after file inputs. Files stream straight to the run's folder, each
 * checked against its input's size limit as it arrives, so no upload is held in memory.
 */
@Component
class RunInputReader {

    /** Values and stored files of one request. */
    record Received(Map<String, Object> values, Map<String, List<StoredFile>> files) {
        List<StoredFile> allFiles() {
            List<StoredFile> all = new ArrayList<>();
            files.values().forEach(all::addAll);
            return all;
        }
    }

    private final JsonMapper json;

    RunInputReader(JsonMapper json) {
        this.json = json;
    }

    Mono<Received> read(SkillSpec spec, MultiValueMap<String, Part> parts, Path runFolder) {
        Map<String, Object> values = new LinkedHashMap<>();
        Map<String, List<StoredFile>> files = new LinkedHashMap<>();
        List<Mono<Void>> work = new ArrayList<>();
        parts.forEach((name, list) -> {
            for (int i = 0; i < list.size(); i++) {
                Part part = list.get(i);
                if (name.equals("input")) {
                    work.add(text(part).doOnNext(text -> values.putAll(parseInput(text))).then());
                } else if (part instanceof FilePart file) {
                    InputSpec input = spec.input(name).filter(s -> s.type().isFile()).orElse(null);
                    if (input == null) {
                        files.put(name, new ArrayList<>());
                        work.add(file.content().doOnNext(DataBufferUtils::release).then());
                    } else {
                        int index = i;
                        work.add(store(input, file, index, runFolder)
                                .doOnNext(stored -> files.computeIfAbsent(name, k -> new ArrayList<>()).add(stored))
                                .then());
                    }
                } else if (part instanceof FormFieldPart field) {
                    values.put(name, field.value());
                }
            }
        });
        // Sequential: the maps above are not shared between threads.
        return Flux.concat(work).then(Mono.fromSupplier(() -> new Received(values, files)));
    }

    Map<String, Object> parseInput(String text) {
        if (text.isBlank()) {
            return Map.of();
        }
        try {
            Object parsed = json.readValue(text, Object.class);
            if (!(parsed instanceof Map<?, ?> map)) {
                throw ProblemException.badRequest("malformed-json", "Malformed JSON",
                        "the input must be a JSON object of input values");
            }
            Map<String, Object> values = new LinkedHashMap<>();
            map.forEach((k, v) -> values.put(String.valueOf(k), v));
            return values;
        } catch (JacksonException e) {
            throw ProblemException.badRequest("malformed-json", "Malformed JSON",
                    "the 'input' part is not valid JSON: " + e.getOriginalMessage());
        }
    }

    private static Mono<String> text(Part part) {
        if (part instanceof FormFieldPart field) {
            return Mono.just(field.value());
        }
        return DataBufferUtils.join(part.content()).map(buffer -> {
            try {
                return buffer.toString(StandardCharsets.UTF_8);
            } finally {
                DataBufferUtils.release(buffer);
            }
        });
    }

    private static Mono<StoredFile> store(InputSpec input, FilePart part, int index, Path runFolder) {
        String name = SafeFileName.of(part.filename(), "upload");
        MediaType declared = part.headers().getContentType();
        String mediaType = declared == null || MediaType.APPLICATION_OCTET_STREAM.equalsTypeAndSubtype(declared)
                ? MediaTypeFactory.getMediaType(name).orElse(MediaType.APPLICATION_OCTET_STREAM).toString()
                : declared.toString();
        if (!input.accepts(mediaType)) {
            // Refuse before storing a byte of it.
            return part.content().doOnNext(DataBufferUtils::release).then(Mono.error(
                    () -> InputBinder.unsupported(input, name, mediaType)));
        }
        Path target = runFolder.resolve("inputs").resolve(input.id()).resolve(index + "-" + name);
        MessageDigest sha256 = sha256();
        AtomicLong size = new AtomicLong();
        Flux<DataBuffer> checked = part.content().doOnNext(buffer -> {
            if (size.addAndGet(buffer.readableByteCount()) > input.maxBytes()) {
                DataBufferUtils.release(buffer);
                throw InputBinder.tooLarge(input, name);
            }
            try (DataBuffer.ByteBufferIterator views = buffer.readableByteBuffers()) {
                views.forEachRemaining(sha256::update);
            }
        });
        return Mono.fromCallable(() -> Files.createDirectories(target.getParent()))
                .subscribeOn(Schedulers.boundedElastic())
                .then(DataBufferUtils.write(checked, target))
                .then(Mono.fromSupplier(() -> new StoredFile(input.id(), name, mediaType, size.get(),
                        HexFormat.of().formatHex(sha256.digest()), target)));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
