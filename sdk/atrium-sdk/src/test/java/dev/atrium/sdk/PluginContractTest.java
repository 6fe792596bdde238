package dev.atrium.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PluginContractTest {

    @Test
    void theHostSuppliesTheSdkAndTheLibrariesItsSignaturesExpose() {
        assertThat(PluginContract.isHostPackage("dev.atrium.sdk.Skill")).isTrue();
        assertThat(PluginContract.isHostPackage("org/slf4j/Logger.class")).isTrue();
        assertThat(PluginContract.isHostPackage("reactor.core.publisher.Flux")).isTrue();
        assertThat(PluginContract.isHostPackage("org.apache.poi.ss.usermodel.Workbook")).isFalse();
        // A prefix ends at a package boundary: a plugin's own "reactorx" package is its own.
        assertThat(PluginContract.isHostPackage("reactorx.Thing")).isFalse();
    }

    @Test
    void theCapabilitiesAPluginMayDeclareAreListed() {
        assertThat(PluginContract.capabilities()).contains("model.chat", "ocr", "embeddings", "storage")
                .doesNotContain("storage:50MB");
        assertThat(PluginContract.sdkVersion()).isEqualTo(SdkVersion.current()).matches("\\d+\\.\\d+\\.\\d+");
    }
}
