package dev.atrium.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PluginDescriptorTest {

    private static final SdkTerms SDK = new SdkTerms("0.3.2", List.of("dev.atrium.sdk.", "org.slf4j."),
            Set.of("model.chat", "ocr", "storage"));

    @TempDir
    Path dir;

    @Test
    void aDescriptionWrappedInThePomAndWrittenInChineseReadsBackAsOneExactLine() throws Exception {
        String description = "Meeting minutes\n        and 发票 receipts: a\\b";
        PluginDescriptor descriptor = PluginDescriptor.of("acme-notes", "1.2.0", null, "Acme", description, "",
                "MIT", "model.chat, storage:20MB", true, null, SDK);

        Path file = dir.resolve("atrium-plugin/plugin.properties");
        descriptor.write(file);
        // PF4J loads plugin.properties as ISO-8859-1, so everything beyond ASCII must be escaped.
        assertThat(Files.readString(file, StandardCharsets.US_ASCII)).doesNotContain("发票");
        Properties read = new Properties();
        try (var in = Files.newInputStream(file)) {
            read.load(in);
        }
        assertThat(read.getProperty("plugin.description")).isEqualTo("Meeting minutes and 发票 receipts: a\\b");
        assertThat(read.getProperty("plugin.id")).isEqualTo("acme-notes");
        assertThat(read.getProperty("plugin.capabilities")).isEqualTo("model.chat, storage:20MB");
        assertThat(read.getProperty("plugin.sensitive")).isEqualTo("true");
        assertThat(read.getProperty("plugin.requires")).isEqualTo(">=0.3.2 & <0.4.0");
        assertThat(read).doesNotContainKey("plugin.dependencies");
    }

    @Test
    void theSdkRangeFollowsSemanticVersioning() {
        assertThat(PluginDescriptor.requiresFor("0.1.0-SNAPSHOT")).isEqualTo(">=0.1.0 & <0.2.0");
        assertThat(PluginDescriptor.requiresFor("1.4")).isEqualTo(">=1.4.0 & <2.0.0");
        assertThat(PluginDescriptor.requiresFor("2.0.7")).isEqualTo(">=2.0.7 & <3.0.0");
    }

    @Test
    void anExplicitRangeIsKept() {
        PluginDescriptor descriptor = PluginDescriptor.of("x", "1.0.0", "", "", "", ">=0.1.0", "", "", false, "", SDK);
        assertThat(descriptor.entries()).containsEntry("plugin.requires", ">=0.1.0");
    }

    @Test
    void mistakesTheHostWouldRefuseFailTheBuildWithTheFieldNamed() {
        assertThatThrownBy(() -> PluginDescriptor.of("Acme_Notes", "1.0.0", "", "", "", "", "", "", false, "", SDK))
                .hasMessageContaining("plugin.id 'Acme_Notes'");
        assertThatThrownBy(() -> PluginDescriptor.of("acme", "1.0.0", "", "", "", "", "", "ocr, teleport", false, "", SDK))
                .hasMessageContaining("unknown capability 'teleport'").hasMessageContaining("model.chat, ocr, storage");
        assertThatThrownBy(() -> PluginDescriptor.of("acme", "latest", "", "", "", "", "", "", false, "", SDK))
                .hasMessageContaining("not a semantic version");
        // Maven's habit of two-part versions: the platform would refuse the archive, so the build does.
        assertThatThrownBy(() -> PluginDescriptor.of("acme", "1.0-SNAPSHOT", "", "", "", "", "", "", false, "", SDK))
                .hasMessageContaining("'1.0-SNAPSHOT' is not a semantic version");
        assertThatThrownBy(() -> PluginDescriptor.of("acme", "1.0.0", "", "", "", ">=banana", "", "", false, "", SDK))
                .hasMessageContaining("plugin.requires '>=banana' is not a version range");
        assertThatThrownBy(() -> PluginDescriptor.of("acme", "1.0.0", "", "", "", "", "", "", false, "Ledger@>=1", SDK))
                .hasMessageContaining("plugin.dependencies: 'Ledger@>=1'");
        assertThat(PluginDescriptor.of("acme", "1.0.0", "", "", "", "", "", "", false, "ledger@>=1.2.0", SDK)
                .entries()).containsEntry("plugin.dependencies", "ledger@>=1.2.0");
    }

    @Test
    void escapingCoversLeadingSpacesAndControlCharacters() throws Exception {
        String value = " lead\tand\r\nend é";
        Properties read = new Properties();
        read.load(new java.io.StringReader("k=" + PluginDescriptor.escape(value)));
        assertThat(read.getProperty("k")).isEqualTo(value);
    }
}
