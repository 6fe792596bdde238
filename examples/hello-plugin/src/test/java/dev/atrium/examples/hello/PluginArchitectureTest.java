package dev.atrium.examples.hello;

import dev.atrium.sdk.testkit.architecture.AtriumArchitectureRules;
import org.junit.jupiter.api.Test;

// tag::architecture-test[]
/** The plugin keeps the boundaries the testkit's rules check: SDK and bundled libraries only, no blocking on streams. */
class PluginArchitectureTest {

    @Test
    void keepsThePluginBoundaries() {
        AtriumArchitectureRules.checkPlugin("dev.atrium.examples.hello");
    }
}
// end::architecture-test[]
