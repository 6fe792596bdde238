package dev.atrium.examples.hello;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The SDK guide quotes this example's code: every Java block in {@code docs/sdk-guide.md} names the tagged region
 * ({@code // tag::name[]} … {@code // end::name[]}) it comes from, and must match it exactly, so the guide only
 * ever shows code that compiles and is tested here.
 */
class GuideSnippetsTest {

    private static final Path REPOSITORY = Path.of("../..");
    private static final Pattern SNIPPET = Pattern.compile(
            "<!-- snippet: (\\S+)#(\\S+) -->\\n```java\\n(.*?)```", Pattern.DOTALL);

    @Test
    void everyJavaBlockInTheGuideIsQuotedFromCompiledExampleCode() throws IOException {
        String guide = Files.readString(REPOSITORY.resolve("docs/sdk-guide.md"));
        Matcher m = SNIPPET.matcher(guide);
        List<String> quoted = new ArrayList<>();
        while (m.find()) {
            String source = m.group(1);
            assertThat(source).as("snippets come from examples/").startsWith("examples/");
            assertThat(m.group(3)).as("%s#%s in the guide", source, m.group(2))
                    .isEqualTo(region(REPOSITORY.resolve(source), m.group(2)) + "\n");
            quoted.add(source + "#" + m.group(2));
        }
        long javaBlocks = Pattern.compile("```java").matcher(guide).results().count();
        assertThat(quoted).as("Java blocks without a snippet marker").hasSize((int) javaBlocks);
        assertThat(quoted).contains(
                "examples/hello-plugin/src/main/java/dev/atrium/examples/hello/SummarizeSkill.java#summarize-skill");
    }

    /** The lines between the tag markers, with their common indentation removed. */
    static String region(Path file, String tag) throws IOException {
        List<String> lines = Files.readAllLines(file);
        int start = lines.indexOf(lines.stream().filter(l -> l.strip().equals("// tag::" + tag + "[]")).findFirst()
                .orElseThrow(() -> new AssertionError("no tag::" + tag + " in " + file)));
        int end = lines.indexOf(lines.stream().filter(l -> l.strip().equals("// end::" + tag + "[]")).findFirst()
                .orElseThrow(() -> new AssertionError("no end::" + tag + " in " + file)));
        List<String> body = lines.subList(start + 1, end);
        int indent = body.stream().filter(l -> !l.isBlank())
                .mapToInt(l -> l.length() - l.stripLeading().length()).min().orElse(0);
        List<String> out = new ArrayList<>();
        for (String line : body) {
            out.add(line.isBlank() ? "" : line.substring(indent));
        }
        return String.join("\n", out).stripTrailing();
    }
}
