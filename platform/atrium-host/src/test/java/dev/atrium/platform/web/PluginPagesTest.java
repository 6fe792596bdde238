package dev.atrium.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atrium.platform.problem.ProblemException;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

class PluginPagesTest {

    @Test
    void normalisesPathsInsideThePageFolder() {
        assertThat(PluginPages.normalise("")).isEmpty();
        assertThat(PluginPages.normalise("app.js")).isEqualTo("app.js");
        assertThat(PluginPages.normalise("./css//site.css")).isEqualTo("css/site.css");
        assertThat(PluginPages.normalise("docs/")).isEqualTo("docs/");
    }

    @Test
    void refusesAnythingThatCouldLeaveTheFolder() {
        for (String path : new String[] {"../plugin.properties", "a/../../lib/x.jar", "..", "a\\..\\b", "c:/x", "a\u0000b"}) {
            assertThatThrownBy(() -> PluginPages.normalise(path)).as(path).isInstanceOf(ProblemException.class);
        }
    }

    @Test
    void answersScriptsAndPagesWithTypesBrowsersExecute() {
        assertThat(PluginPages.mediaTypeOf("ui/app.mjs").toString()).startsWith("text/javascript");
        assertThat(PluginPages.mediaTypeOf("ui/index.html").isCompatibleWith(MediaType.TEXT_HTML)).isTrue();
        assertThat(PluginPages.mediaTypeOf("ui/logo.png")).isEqualTo(MediaType.IMAGE_PNG);
        assertThat(PluginPages.mediaTypeOf("ui/blob.noSuchType")).isEqualTo(MediaType.APPLICATION_OCTET_STREAM);
    }
}
