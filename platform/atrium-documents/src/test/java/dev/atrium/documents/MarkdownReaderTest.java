package dev.atrium.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.atrium.sdk.Media;
import dev.atrium.sdk.document.ExtractedDocument;
import dev.atrium.sdk.document.ExtractedDocument.Section;
import java.util.List;
import org.junit.jupiter.api.Test;

class MarkdownReaderTest {

    private final OfficeDocumentKit kit = new OfficeDocumentKit();

    @Test
    void headingsStartSectionsWithTheirLevels() {
        String markdown = """
                Intro before any heading.

                # Guide
                Welcome.

                ## Install ##
                Run it.
                ```bash
                # not a heading
                ```

                Setext title
                ------------
                Body text.
                """;

        ExtractedDocument read = kit.read(Media.ofText("guide.md", "text/markdown", markdown));

        assertThat(read.sections()).extracting(Section::heading, Section::level, Section::text).containsExactly(
                tuple("", 0, "Intro before any heading."),
                tuple("Guide", 1, "Welcome."),
                tuple("Install", 2, "Run it.\n```bash\n# not a heading\n```"),
                tuple("Setext title", 2, "Body text."));
        assertThat(read.text()).contains("Guide\nWelcome.");
    }

    @Test
    void pipeTablesBecomeTables() {
        String markdown = "| Item | Qty |\n|------|----:|\n| Tea | 2 |\n| Cake | 1 |\n";

        ExtractedDocument read = kit.read(Media.ofText("list.markdown", null, markdown));

        assertThat(read.tables()).singleElement().satisfies(table -> {
            assertThat(table.headers()).containsExactly("Item", "Qty");
            assertThat(table.rows()).containsExactly(List.of("Tea", 2L), List.of("Cake", 1L));
        });
    }

    @Test
    void plainTextIsOneSection() {
        ExtractedDocument read = kit.read(Media.ofText("notes.txt", "text/plain", "  line one\r\nline two\n"));

        assertThat(read.text()).isEqualTo("line one\nline two");
        assertThat(read.sections()).containsExactly(new Section("", 0, "line one\nline two"));
        assertThat(read.tables()).isEmpty();
        assertThat(read.cues()).isEmpty();
    }
}
