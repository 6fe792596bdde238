package dev.atrium.maven;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.pf4j.DefaultVersionManager;
import org.pf4j.PluginDependency;

/**
 * The {@code plugin.properties} of a plugin archive, built from the POM and checked against the SDK's terms before
 * anything is written, so a mistake fails the build rather than the install.
 */
final class PluginDescriptor {

    /** The host accepts the same pattern; checked here so the build fails first. */
    static final Pattern ID = Pattern.compile("[a-z][a-z0-9-]{0,63}");
    private static final Pattern SDK_VERSION = Pattern.compile("(\\d+)\\.(\\d+)(?:\\.(\\d+))?.*");
    private static final Pattern STORAGE = Pattern.compile("storage(?::\\s*\\d+\\s*[KMGT]?B)?", Pattern.CASE_INSENSITIVE);

    private final Map<String, String> entries = new LinkedHashMap<>();

    private PluginDescriptor() {
    }

    /**
     * Builds and checks a descriptor.
     *
     * @param requires the SDK range; blank derives it from the SDK the plugin compiles against
     * @throws IllegalArgumentException naming the first field that is wrong and how to put it right
     */
    static PluginDescriptor of(String id, String version, String pluginClass, String provider, String description,
            String requires, String license, String capabilities, boolean sensitive, String dependencies,
            SdkTerms sdk) {
        if (id == null || !ID.matcher(id).matches()) {
            throw new IllegalArgumentException("plugin.id '" + id + "' is not a valid plugin id: lower-case letters,"
                    + " digits and '-', starting with a letter, at most 64 characters (set <plugin.id> in the POM)");
        }
        if (version == null || !isVersion(version)) {
            throw new IllegalArgumentException("the project version '" + version
                    + "' is not a semantic version such as 1.2.0 or 1.2.0-SNAPSHOT (three numbers); the platform"
                    + " compares plugin versions by it");
        }
        if (!isBlank(requires) && !isRange(requires.strip())) {
            throw new IllegalArgumentException("plugin.requires '" + requires.strip() + "' is not a version range"
                    + " such as >=0.1.0 & <0.2.0");
        }
        checkDependencies(dependencies);
        PluginDescriptor descriptor = new PluginDescriptor();
        descriptor.entries.put("plugin.id", id);
        descriptor.entries.put("plugin.version", version);
        descriptor.entries.put("plugin.class", blankToEmpty(pluginClass));
        descriptor.entries.put("plugin.provider", oneLine(provider));
        descriptor.entries.put("plugin.description", oneLine(description));
        descriptor.entries.put("plugin.requires", isBlank(requires) ? requiresFor(sdk.version()) : requires.strip());
        descriptor.entries.put("plugin.license", blankToEmpty(license));
        descriptor.entries.put("plugin.capabilities", checkedCapabilities(capabilities, sdk.capabilities()));
        descriptor.entries.put("plugin.sensitive", Boolean.toString(sensitive));
        if (!isBlank(dependencies)) {
            descriptor.entries.put("plugin.dependencies", dependencies.strip());
        }
        return descriptor;
    }

    private static final DefaultVersionManager VERSIONS = new DefaultVersionManager();

    private static boolean isVersion(String version) {
        try {
            VERSIONS.compareVersions(version, "0.0.0");
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static boolean isRange(String range) {
        if ("*".equals(range)) {
            return true;
        }
        try {
            VERSIONS.checkVersionConstraint("0.0.0", range);
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** PF4J's {@code id@range} list, as the platform reads it. */
    private static void checkDependencies(String dependencies) {
        if (isBlank(dependencies)) {
            return;
        }
        for (String item : dependencies.split(",")) {
            if (item.isBlank()) {
                continue;
            }
            PluginDependency dependency = new PluginDependency(item.strip());
            if (!ID.matcher(dependency.getPluginId()).matches() || !isRange(dependency.getPluginVersionSupport())) {
                throw new IllegalArgumentException("plugin.dependencies: '" + item.strip() + "' is not a plugin id"
                        + " with an optional version range, such as ledger@>=1.2.0");
            }
        }
    }

    /**
     * The SDK range a plugin built against {@code sdkVersion} works with: that version up to the next minor one
     * while the SDK is 0.x (a minor step may break), up to the next major one after.
     */
    static String requiresFor(String sdkVersion) {
        Matcher m = SDK_VERSION.matcher(sdkVersion == null ? "" : sdkVersion);
        if (!m.matches()) {
            throw new IllegalArgumentException("the SDK version '" + sdkVersion + "' is not a semantic version");
        }
        int major = Integer.parseInt(m.group(1));
        int minor = Integer.parseInt(m.group(2));
        int patch = m.group(3) == null ? 0 : Integer.parseInt(m.group(3));
        String upper = major == 0 ? "0." + (minor + 1) + ".0" : (major + 1) + ".0.0";
        return ">=" + major + "." + minor + "." + patch + " & <" + upper;
    }

    Map<String, String> entries() {
        return Map.copyOf(entries);
    }

    /**
     * Writes the file in the {@code .properties} format with every character that needs it escaped (line breaks,
     * backslashes, non-ASCII as {@code \}{@code uXXXX}), so a description spanning lines or written in Chinese
     * reads back exactly; no timestamp, so the archive is reproducible.
     */
    void write(Path file) throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add("# Written by atrium-maven-plugin from the project's POM; edit the POM, not this file.");
        entries.forEach((key, value) -> lines.add(key + "=" + escape(value)));
        Files.createDirectories(file.getParent());
        Files.write(file, lines, StandardCharsets.ISO_8859_1);
    }

    static String escape(String value) {
        StringBuilder out = new StringBuilder(value.length() + 8);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c == ' ' && i == 0) {
                        out.append("\\ ");
                    } else if (c < 0x20 || c > 0x7e) {
                        out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }

    private static String checkedCapabilities(String declaration, Set<String> known) {
        if (isBlank(declaration)) {
            return "";
        }
        List<String> items = new ArrayList<>();
        for (String raw : declaration.split(",")) {
            String item = raw.strip();
            if (item.isEmpty()) {
                continue;
            }
            if (!known.contains(item.toLowerCase(Locale.ROOT)) && !STORAGE.matcher(item).matches()) {
                throw new IllegalArgumentException("plugin.capabilities: unknown capability '" + item + "' (known: "
                        + String.join(", ", known.stream().sorted().toList()) + "; storage takes a size, storage:50MB)");
            }
            items.add(item);
        }
        return String.join(", ", items);
    }

    /** POM text keeps the indentation of the XML it came from; a descriptor value is one line. */
    private static String oneLine(String text) {
        return text == null ? "" : text.strip().replaceAll("\\s+", " ");
    }

    private static String blankToEmpty(String text) {
        return text == null ? "" : text.strip();
    }

    private static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }
}
