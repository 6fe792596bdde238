package dev.atrium.platform.plugins;

import dev.atrium.sdk.PluginContract;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.util.unit.DataSize;

/**
 * What a plugin may ask of the host, as declared in {@code plugin.capabilities} (for example
 * {@code model.chat, ocr, embeddings, storage:50MB}) and as granted by an administrator.
 *
 * @param names capability names: {@code model.chat}, {@code model.vision}, {@code model.transcribe},
 *              {@code model.image}, {@code ocr}, {@code embeddings}, {@code storage}
 * @param storageBytes the storage allowance in bytes when {@code storage} is among them, else 0
 */
public record Capabilities(Set<String> names, long storageBytes) {

    /** Every capability a plugin can ask for. */
    public static final Set<String> KNOWN = PluginContract.capabilities();
    /** The storage allowance of {@code storage} without a size. */
    public static final long DEFAULT_STORAGE = DataSize.ofMegabytes(50).toBytes();
    /** Nothing granted. */
    public static final Capabilities NONE = new Capabilities(Set.of(), 0);

    private static final Pattern STORAGE = Pattern.compile("storage(?::\\s*(\\d+\\s*[KMGT]?B))?",
            Pattern.CASE_INSENSITIVE);

    public Capabilities {
        names = Set.copyOf(names);
    }

    /**
     * Parses a declaration.
     *
     * @throws IllegalArgumentException naming the first unknown or malformed entry
     */
    public static Capabilities parse(String declaration) {
        Set<String> names = new LinkedHashSet<>();
        long storage = 0;
        if (declaration == null || declaration.isBlank()) {
            return NONE;
        }
        for (String raw : declaration.split(",")) {
            String item = raw.strip();
            if (item.isEmpty()) {
                continue;
            }
            Matcher m = STORAGE.matcher(item);
            if (m.matches()) {
                names.add("storage");
                storage = m.group(1) == null ? DEFAULT_STORAGE
                        : DataSize.parse(m.group(1).replace(" ", "").toUpperCase(Locale.ROOT)).toBytes();
            } else if (KNOWN.contains(item.toLowerCase(Locale.ROOT))) {
                names.add(item.toLowerCase(Locale.ROOT));
            } else {
                throw new IllegalArgumentException("unknown capability '" + item + "' (known: model.chat, "
                        + "model.vision, model.transcribe, model.image, ocr, embeddings, storage:<size>)");
            }
        }
        return new Capabilities(names, storage);
    }

    /** Whether the capability is among these. */
    public boolean has(String name) {
        return names.contains(name);
    }

    /** The ones of these that are also in {@code wanted}. */
    public Capabilities only(Set<String> wanted) {
        Set<String> kept = new LinkedHashSet<>(names);
        kept.retainAll(wanted);
        return new Capabilities(kept, kept.contains("storage") ? storageBytes : 0);
    }

    /** The declaration form, such as {@code model.chat, storage:52428800B}. */
    public String declaration() {
        return String.join(", ", names.stream().sorted()
                .map(n -> n.equals("storage") ? "storage:" + storageBytes + "B" : n).toList());
    }
}
