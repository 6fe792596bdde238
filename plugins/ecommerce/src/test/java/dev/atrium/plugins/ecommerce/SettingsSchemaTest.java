package dev.atrium.plugins.ecommerce;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The settings schema the host validates overrides with must name exactly the rule pack's fields. */
class SettingsSchemaTest {

    @Test
    void theSchemaDescribesEveryOverridableRulePackField() throws Exception {
        JsonNode schema = RulePacks.JSON.readTree(Files.readString(Path.of("src/main/plugin/settings.schema.json")));
        List<String> inSchema = new ArrayList<>(schema.get("$defs").get("pack").get("properties").propertyNames());
        List<String> inRecord = Arrays.stream(RulePack.class.getRecordComponents()).map(c -> c.getName())
                .filter(n -> !n.equals("marketplace")).toList();

        assertThat(inSchema).containsExactlyInAnyOrderElementsOf(inRecord);
        assertThat(schema.get("properties").get("rulePacks").get("properties").propertyNames())
                .containsExactlyInAnyOrderElementsOf(RulePacks.MARKETPLACES);
    }
}
