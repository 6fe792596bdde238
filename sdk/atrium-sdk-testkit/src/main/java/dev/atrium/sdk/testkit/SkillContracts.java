package dev.atrium.sdk.testkit;

import dev.atrium.sdk.InputSpec;
import dev.atrium.sdk.InputType;
import dev.atrium.sdk.Media;
import dev.atrium.sdk.Skill;
import dev.atrium.sdk.SkillException;
import dev.atrium.sdk.SkillSpec;
import dev.atrium.sdk.model.Capability;
import dev.atrium.sdk.model.ChatRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/** The checks behind {@link SkillContract}, kept out of the interface so it shows only what a test overrides. */
final class SkillContracts {

    private static final Pattern MEDIA_TYPE = Pattern.compile("[a-z0-9][a-z0-9.+-]*/([a-z0-9][a-z0-9.+-]*|\\*)");
    private static final Duration RUN_LIMIT = Duration.ofSeconds(30);
    private static final byte[] NOT_A_FILE = "this is not the file it claims to be\u0000\u00ff"
            .getBytes(StandardCharsets.ISO_8859_1);

    private SkillContracts() {
    }

    static SkillHarness harness(Skill skill, FakeModelGateway models) {
        return SkillHarness.of(skill).models(models).timeout(RUN_LIMIT);
    }

    static List<String> problemsOf(InputSpec input, Set<String> anyFileType) {
        List<String> problems = new ArrayList<>();
        String id = input.id();
        if (input.required() && input.defaultValue() != null) {
            problems.add("input '" + id + "' is required and has a default, so it is never missing;"
                    + " drop one of them");
        }
        if (input.type().isFile()) {
            if (input.defaultValue() != null) {
                problems.add("file input '" + id + "' has a default value, which a file input cannot use");
            }
            if (input.accept().isEmpty() && !anyFileType.contains(id)) {
                problems.add("file input '" + id + "' accepts any media type; declare accept(..) or list it in"
                        + " inputsAcceptingAnyFileType()");
            }
            for (String pattern : input.accept()) {
                if (!MEDIA_TYPE.matcher(pattern).matches()) {
                    problems.add("file input '" + id + "' accepts '" + pattern + "', which is not a media type");
                }
            }
        } else if (input.defaultValue() != null) {
            try {
                input.coerce(input.defaultValue());
            } catch (SkillException e) {
                problems.add("default of input '" + id + "' is not valid for it: " + e.getMessage());
            }
        }
        return problems;
    }

    /** Spec-valid but unusable values, one case per input, each applied on top of valid input. */
    static Map<String, UnaryOperator<SkillHarness>> degenerateCases(SkillSpec spec) {
        Map<String, UnaryOperator<SkillHarness>> cases = new LinkedHashMap<>();
        for (InputSpec input : spec.inputs()) {
            String id = input.id();
            switch (input.type()) {
                case FILE, FILES -> {
                    // One corrupt file per accepted kind: each is usually read by different code.
                    for (String type : concreteTypes(input)) {
                        Media corrupt = Media.of("corrupt" + extension(type), type, NOT_A_FILE);
                        cases.put("input '" + id + "' = a corrupt " + type + " file",
                                h -> h.withoutFiles(id).file(id, corrupt));
                    }
                }
                case TEXT, LONG_TEXT -> cases.put("input '" + id + "' = junk text",
                        h -> h.value(id, "%%% \u0000 ??? \uFFFD"));
                case NUMBER -> {
                    double low = input.min() != null ? input.min() : (input.max() != null ? Math.min(0, input.max()) : 0);
                    cases.put("input '" + id + "' = " + low, h -> h.value(id, low));
                    if (input.max() != null) {
                        cases.put("input '" + id + "' = " + input.max(), h -> h.value(id, input.max()));
                    } else if (input.min() == null) {
                        cases.put("input '" + id + "' = -1", h -> h.value(id, -1));
                    }
                }
                default -> {
                    // Booleans and choices have no value the spec allows that the skill did not ask for.
                }
            }
        }
        return cases;
    }

    static void requireResultOrTypedError(String what, SkillRun run) {
        Throwable error = run.error().orElse(null);
        if (error != null && !(error instanceof SkillException)) {
            throw new AssertionError("with " + what + " the run failed with an untyped error: " + error, error);
        }
    }

    static Capability capabilityOf(FakeModelGateway.Request request) {
        return switch (request.operation()) {
            case CHAT, STREAM -> ((ChatRequest) request.payload()).hasImages() ? Capability.VISION : Capability.CHAT;
            case STRUCTURED -> Capability.STRUCTURED_OUTPUT;
            case TRANSCRIBE -> Capability.TRANSCRIPTION;
            case OCR -> Capability.OCR;
            case EMBED -> Capability.EMBEDDINGS;
            case IMAGE -> ((dev.atrium.sdk.model.ImageRequest) request.payload()).isEdit()
                    ? Capability.IMAGE_EDIT : Capability.IMAGE_GENERATION;
        };
    }

    private static Set<String> concreteTypes(InputSpec input) {
        Set<String> types = new java.util.LinkedHashSet<>();
        for (String pattern : input.accept()) {
            if (pattern.equals("*/*")) {
                types.add("application/octet-stream");
            } else if (pattern.endsWith("/*")) {
                String family = pattern.substring(0, pattern.length() - 2);
                types.add(switch (family) {
                    case "image" -> "image/png";
                    case "audio" -> "audio/wav";
                    case "video" -> "video/mp4";
                    case "text" -> "text/plain";
                    default -> family + "/octet-stream";
                });
            } else {
                types.add(pattern);
            }
        }
        if (types.isEmpty()) {
            types.add("application/octet-stream");
        }
        return types;
    }

    private static String extension(String mediaType) {
        return switch (mediaType) {
            case "application/pdf" -> ".pdf";
            case "image/png" -> ".png";
            case "image/jpeg" -> ".jpg";
            case "audio/wav" -> ".wav";
            case "video/mp4" -> ".mp4";
            case "text/plain" -> ".txt";
            case "text/csv" -> ".csv";
            default -> mediaType.contains("wordprocessingml") ? ".docx"
                    : mediaType.contains("spreadsheetml") ? ".xlsx" : ".bin";
        };
    }
}
