package dev.atrium.sdk.testkit.architecture;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import org.junit.jupiter.api.Test;

/** Each rule fails on a fixture that breaks it and passes on clean code. */
class AtriumArchitectureRulesTest {

    private static final String FIXTURES = "dev.atrium.sdk.testkit.architecture.fixture.";

    // Fixtures live in test classes, which checkPlugin leaves out, so they are imported without that option.
    private static JavaClasses fixture(String name) {
        return AtriumArchitectureRules.importPackage(FIXTURES + name);
    }

    @Test
    void cleanPluginCodePassesEveryRule() {
        assertThatCode(() -> AtriumArchitectureRules.check(fixture("clean"), FIXTURES + "clean"))
                .doesNotThrowAnyException();
    }

    @Test
    void pf4jManagerIsNotPartOfWhatAPluginMayUse() {
        assertThatThrownBy(() -> AtriumArchitectureRules.check(fixture("platform"), FIXTURES + "platform"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("org.pf4j.PluginManager")
                .hasMessageContaining("the host gives a plugin the SDK and nothing else");
    }

    @Test
    void libraryIsRefusedUnlessThePluginBundlesIt() {
        assertThatThrownBy(() -> AtriumArchitectureRules.check(fixture("library"), FIXTURES + "library"))
                .hasMessageContaining("tools.jackson.databind.json.JsonMapper");
        assertThatCode(() -> AtriumArchitectureRules.check(fixture("library"), FIXTURES + "library", "tools.jackson"))
                .doesNotThrowAnyException();
    }

    @Test
    void sdkInternalPackageIsRefused() {
        assertThatThrownBy(() -> AtriumArchitectureRules.check(fixture("internal"), FIXTURES + "internal"))
                .hasMessageContaining("dev.atrium.sdk.internal.fixture.Hidden")
                .hasMessageContaining("internal SDK packages may change");
    }

    @Test
    void blockingOnAStreamInsideAnOperatorIsRefused() {
        assertThatThrownBy(() -> AtriumArchitectureRules.check(fixture("blocking"), FIXTURES + "blocking"))
                .hasMessageContaining("Mono.block()")
                .hasMessageContaining("blocks on a stream in a class that builds streams");
    }

    @Test
    void sleepingBeforeReturningTheStreamIsRefused() {
        assertThatThrownBy(() -> AtriumArchitectureRules.check(fixture("sleeping"), FIXTURES + "sleeping"))
                .hasMessageContaining("Thread.sleep(long)")
                .hasMessageContaining("sleeps in a method that returns a stream");
    }

    @Test
    void packageWithoutClassesIsReportedRatherThanPassed() {
        assertThatThrownBy(() -> AtriumArchitectureRules.checkPlugin("dev.acme.nothing.here"))
                .hasMessageContaining("no compiled class in package dev.acme.nothing.here");
    }
}
