package dev.atrium.plugins.ecommerce;

import dev.atrium.sdk.BadInputException;
import dev.atrium.sdk.PluginSettings;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The marketplaces' rule packs: the JSON files shipped under {@code rules/}, with the tenant's overrides from the
 * plugin setting {@code rulePacks} ({@code {"amazon": {"title": {"maxLength": 150}}}}) merged over them field by
 * field. A list in an override replaces the shipped list.
 */
final class RulePacks {

    /** The marketplaces a pack ships for, in the order a page offers them. */
    static final List<String> MARKETPLACES = List.of("amazon", "shopify", "taobao", "jd", "generic");

    /** The setting holding the tenant's overrides. */
    static final String SETTING = "rulePacks";

    static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private static final Map<String, ObjectNode> SHIPPED = loadShipped();

    private RulePacks() {
    }

    /** The pack for the marketplace with the tenant's overrides; a broken override is a bad-input error. */
    static RulePack forMarketplace(String marketplace, PluginSettings settings) {
        ObjectNode base = SHIPPED.get(marketplace);
        if (base == null) {
            throw new BadInputException("marketplace", "unknown marketplace '" + marketplace + "'; known: " + MARKETPLACES);
        }
        ObjectNode merged = base.deepCopy();
        Optional<String> override = settings == null ? Optional.empty() : settings.get(SETTING);
        if (override.isPresent() && !override.get().isBlank()) {
            JsonNode all;
            try {
                all = JSON.readTree(override.get());
            } catch (JacksonException e) {
                throw new BadInputException(SETTING, "the setting '" + SETTING + "' is not JSON: " + e.getOriginalMessage(), e);
            }
            JsonNode mine = all.get(marketplace);
            if (mine != null && mine.isObject()) {
                merge(merged, (ObjectNode) mine);
            }
        }
        try {
            return JSON.treeToValue(merged, RulePack.class);
        } catch (JacksonException e) {
            throw new BadInputException(SETTING, "the '" + marketplace + "' override in the setting '" + SETTING
                    + "' does not fit the rule pack: " + e.getOriginalMessage(), e);
        }
    }

    private static void merge(ObjectNode target, ObjectNode override) {
        for (Map.Entry<String, JsonNode> e : override.properties()) {
            JsonNode existing = target.get(e.getKey());
            if (existing instanceof ObjectNode existingObject && e.getValue() instanceof ObjectNode overrideObject) {
                merge(existingObject, overrideObject);
            } else {
                target.set(e.getKey(), e.getValue());
            }
        }
    }

    private static Map<String, ObjectNode> loadShipped() {
        Map<String, ObjectNode> packs = new java.util.LinkedHashMap<>();
        for (String marketplace : MARKETPLACES) {
            try (InputStream in = RulePacks.class.getResourceAsStream("rules/" + marketplace + ".json")) {
                if (in == null) {
                    throw new IllegalStateException("rule pack rules/" + marketplace + ".json is missing");
                }
                packs.put(marketplace, (ObjectNode) JSON.readTree(in));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return Map.copyOf(packs);
    }
}
