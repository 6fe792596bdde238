package dev.atrium.plugins.office;

import dev.atrium.sdk.testkit.architecture.AtriumArchitectureRules;
import org.junit.jupiter.api.Test;

/** The plugin keeps the boundaries the testkit's rules check: SDK and bundled libraries only, no blocking on streams. */
class PluginArchitectureTest {

    @Test
    void keepsThePluginBoundaries() {
        AtriumArchitectureRules.checkPlugin("dev.atrium.plugins.office", "org.apache.poi", "org.apache.pdfbox", "tools.jackson");
    }
}
