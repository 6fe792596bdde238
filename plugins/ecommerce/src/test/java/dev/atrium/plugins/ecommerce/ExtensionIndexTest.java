package dev.atrium.plugins.ecommerce;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The host finds skills only through PF4J's compile-time index, so a skill missing from it is invisible. */
class ExtensionIndexTest {

    @Test
    void compileTimeExtensionIndexListsTheEcommerceSkills() throws IOException {
        List<String> entries = new ArrayList<>();
        for (URL index : Collections.list(getClass().getClassLoader().getResources("META-INF/extensions.idx"))) {
            try (InputStream in = index.openStream()) {
                new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                        .map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).forEach(entries::add);
            }
        }

        assertThat(entries).contains(ListingSkill.class.getName(), ListingBulkSkill.class.getName(),
                TryOnSkill.class.getName());
    }
}
