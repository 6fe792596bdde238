package dev.atrium.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SdkVersionTest {

    @Test
    void currentVersionIsTheContractVersionFilteredIntoTheJar() {
        assertThat(SdkVersion.current()).isEqualTo("0.1.0");
    }
}
