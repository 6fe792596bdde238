package dev.atrium.plugins.education;

import dev.atrium.sdk.BadInputException;
import dev.atrium.sdk.CapabilityUnavailableException;
import dev.atrium.sdk.InputSpec;
import dev.atrium.sdk.OutputSpec;
import dev.atrium.sdk.ProviderException;
import dev.atrium.sdk.Skill;
import dev.atrium.sdk.SkillContext;
import dev.atrium.sdk.SkillEvent;
import dev.atrium.sdk.SkillInput;
import dev.atrium.sdk.SkillSpec;
import dev.atrium.sdk.SkillTimeoutException;
import dev.atrium.sdk.document.Block;
import dev.atrium.sdk.document.DocumentContent;
import dev.atrium.sdk.model.Capability;
import dev.atrium.sdk.model.ChatMessage;
import dev.atrium.sdk.model.ChatRequest;
import dev.atrium.sdk.model.StructuredResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.pf4j.Extension;
import reactor.core.publisher.Flux;

/**
 * Questions with answer keys from course material (PDF, DOCX, slides as PDF, text): multiple choice with
 * distractors, true/false and short answer, each with the passage it comes from, and {@code quiz.docx} with the
 * questions and then an answer key. Offline the questions are built by {@link QuizBuilder}; with a
 * structured-output model they are generated from numbered passages and kept only when they pass the same
 * validation (the answer is in the cited passage).
 */
@Extension
public class QuizSkill implements Skill {

    private static final SkillSpec SPEC = SkillSpec.builder("quiz")
            .title("Quiz from material")
            .description("Writes multiple-choice, true/false and short-answer questions with answer keys and sources "
                    + "from course material, and a quiz.docx.")
            .input(InputSpec.file("material").label("Material")
                    .accept("application/pdf", "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                            "text/plain", "text/markdown").maxBytes(50L * 1024 * 1024))
            .input(InputSpec.longText("text").label("Text").description("The material as text, instead of a file"))
            .input(InputSpec.number("count").label("Questions").defaultValue(5).range(1.0, 30.0))
            .input(InputSpec.text("kinds").label("Kinds").defaultValue("multiple-choice,true-false,short-answer")
                    .description("Comma-separated: multiple-choice, true-false, short-answer"))
            .input(InputSpec.text("level").label("Level"))
            .input(InputSpec.choice("language", "auto", "en", "zh").label("Language").defaultValue("auto"))
            .output(OutputSpec.result("questions", "kind, question, choices, answer and source of each question"))
            .output(OutputSpec.result("engine", "what wrote the questions"))
            .output(OutputSpec.artifact("quiz.docx",
                    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                    "the questions, then the answer key"))
            .uses(Capability.STRUCTURED_OUTPUT, Capability.EMBEDDINGS)
            .timeout(Duration.ofMinutes(5))
            .build();

    private static final String SYSTEM = """
            You write quiz questions from course material given as numbered passages "[n] text". Use only facts
            stated in the passages. For each question give kind (multiple-choice, true-false or short-answer), the
            question, choices (4 for multiple-choice with the answer among them, ["True","False"] for true-false,
            none for short-answer), the answer exactly as written in the passage (for true-false: True or False),
            and source: the number of the passage it comes from. Write in %s, for learners at level %s.""";

    /**
     * What a structured-output model returns.
     *
     * @param questions the drafted questions
     */
    record QuizDraft(List<DraftQuestion> questions) {
    }

    /**
     * One drafted question.
     *
     * @param kind its kind
     * @param question the question
     * @param choices its choices
     * @param answer the answer key
     * @param source the number of the passage it cites
     */
    record DraftQuestion(String kind, String question, List<String> choices, String answer, Integer source) {
    }

    /** Creates the skill; the host instantiates it through PF4J. */
    public QuizSkill() {
    }

    @Override
    public SkillSpec spec() {
        return SPEC;
    }

    @Override
    public Flux<SkillEvent> run(SkillInput input, SkillContext context) {
        return Flux.create(sink -> {
            sink.next(SkillEvent.progress(5, "reading the material"));
            String material = input.text("text").map(String::strip).orElse("");
            if (input.file("material").isPresent()) {
                String read = context.documents().read(input.file("material").get()).text();
                material = (material + "\n" + (read == null ? "" : read)).strip();
            }
            if (material.isBlank()) {
                throw new BadInputException("material", "send the course material as a file in 'material' or as 'text'");
            }
            int count = input.number("count").map(Double::intValue).orElse(5);
            List<String> kinds = kinds(input.text("kinds").orElse(""));
            boolean zh = "zh".equals(Tutor.language(input.text("language").orElse("auto"), material, context.locale()));
            String level = input.text("level").orElse("");

            List<QuizBuilder.Question> questions = new ArrayList<>();
            String engine = null;
            if (context.models().isAvailable(Capability.STRUCTURED_OUTPUT)) {
                sink.next(SkillEvent.progress(30, "asking the model"));
                try {
                    StructuredResult<QuizDraft> draft = remote(material, count, kinds, level, zh, context);
                    questions.addAll(validated(draft.value(), passages(material, context), material, zh, count));
                    engine = RemoteTutor.name(draft.engine());
                    if (questions.size() < count) {
                        sink.next(SkillEvent.warning((count - questions.size()) + " of the model's questions were "
                                + "missing or not supported by the material; the rest are built offline"));
                    }
                } catch (ProviderException | CapabilityUnavailableException | SkillTimeoutException e) {
                    sink.next(SkillEvent.warning("the model could not write the quiz (" + e.getMessage()
                            + "); building it offline instead"));
                }
            }
            if (questions.size() < count) {
                sink.next(SkillEvent.progress(60, "selecting key sentences"));
                List<String> seen = questions.stream().map(QuizBuilder.Question::source).toList();
                QuizBuilder.Built built = QuizBuilder.build(material, count, kinds, zh, context.text());
                for (QuizBuilder.Question q : built.questions()) {
                    if (questions.size() >= count) {
                        break;
                    }
                    if (!seen.contains(q.source())) {
                        questions.add(q);
                    }
                }
                engine = engine == null ? "embedded+" + built.engine() : engine + "+embedded";
            }
            if (questions.isEmpty()) {
                throw new BadInputException("material", "the material has no sentences a question can be built on");
            }
            sink.next(SkillEvent.progress(90, "writing quiz.docx"));
            sink.next(SkillEvent.artifact(context.documents().writeDocx("quiz.docx", docx(questions, zh))));
            List<Map<String, Object>> out = new ArrayList<>();
            for (QuizBuilder.Question q : questions) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("kind", q.kind());
                m.put("question", q.question());
                m.put("choices", q.choices());
                m.put("answer", q.answer());
                m.put("source", q.source());
                out.add(m);
            }
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("questions", out);
            result.put("engine", engine);
            sink.next(SkillEvent.result(result));
            sink.complete();
        });
    }

    static List<String> kinds(String text) {
        List<String> kinds = new ArrayList<>();
        for (String k : text.toLowerCase(Locale.ROOT).split("[,\\s]+")) {
            String kind = switch (k.replace('_', '-')) {
                case "multiple-choice", "mc", "choice" -> QuizBuilder.MULTIPLE_CHOICE;
                case "true-false", "tf", "truefalse" -> QuizBuilder.TRUE_FALSE;
                case "short-answer", "short", "cloze" -> QuizBuilder.SHORT_ANSWER;
                case "" -> null;
                default -> throw new BadInputException("kinds", "unknown question kind '" + k
                        + "'; use multiple-choice, true-false or short-answer");
            };
            if (kind != null && !kinds.contains(kind)) {
                kinds.add(kind);
            }
        }
        return kinds.isEmpty() ? QuizBuilder.KINDS : kinds;
    }

    private static List<String> passages(String material, SkillContext context) {
        return context.text().sentences(material).stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static StructuredResult<QuizDraft> remote(String material, int count, List<String> kinds, String level,
                                                      boolean zh, SkillContext context) {
        List<String> passages = passages(material, context);
        StringBuilder prompt = new StringBuilder("Passages:\n");
        for (int i = 0; i < passages.size() && prompt.length() < 12_000; i++) {
            prompt.append('[').append(i + 1).append("] ").append(passages.get(i)).append('\n');
        }
        prompt.append("\nWrite ").append(count).append(" questions of these kinds: ").append(String.join(", ", kinds));
        return context.models().structured(new ChatRequest(List.of(
                ChatMessage.system(SYSTEM.formatted(zh ? "Chinese" : "English", level.isBlank() ? "any" : level)),
                ChatMessage.user(prompt.toString())), 0.2, null), QuizDraft.class);
    }

    /** The model's questions that cite an existing passage and whose key that passage supports. */
    static List<QuizBuilder.Question> validated(QuizDraft draft, List<String> passages, String material, boolean zh,
                                                int count) {
        List<QuizBuilder.Question> out = new ArrayList<>();
        if (draft == null || draft.questions() == null) {
            return out;
        }
        for (DraftQuestion d : draft.questions()) {
            if (out.size() >= count || d == null || d.source() == null || d.source() < 1 || d.source() > passages.size()
                    || d.question() == null || d.answer() == null || d.answer().isBlank()) {
                continue;
            }
            String kind;
            try {
                kind = kinds(d.kind() == null ? "" : d.kind()).get(0);
            } catch (BadInputException e) {
                continue;
            }
            if (d.kind() == null || d.kind().isBlank()) {
                continue;
            }
            List<String> choices = d.choices() == null ? List.of() : d.choices();
            if (kind.equals(QuizBuilder.MULTIPLE_CHOICE) && choices.size() < 3) {
                continue;
            }
            if (kind.equals(QuizBuilder.SHORT_ANSWER)) {
                choices = List.of();
            }
            QuizBuilder.Question q = new QuizBuilder.Question(kind, d.question().strip(), choices, d.answer().strip(),
                    passages.get(d.source() - 1));
            if (QuizBuilder.valid(q, material, zh)) {
                out.add(q);
            }
        }
        return out;
    }

    static DocumentContent docx(List<QuizBuilder.Question> questions, boolean zh) {
        List<Block> blocks = new ArrayList<>();
        blocks.add(new Block.Heading(1, zh ? "测验" : "Quiz"));
        for (int i = 0; i < questions.size(); i++) {
            QuizBuilder.Question q = questions.get(i);
            blocks.add(new Block.Paragraph((i + 1) + ". " + q.question()));
            if (!q.choices().isEmpty()) {
                List<String> items = new ArrayList<>();
                for (int c = 0; c < q.choices().size(); c++) {
                    items.add((char) ('A' + c) + ". " + q.choices().get(c));
                }
                blocks.add(new Block.BulletList(items));
            }
        }
        blocks.add(new Block.Heading(2, zh ? "答案" : "Answer key"));
        for (int i = 0; i < questions.size(); i++) {
            QuizBuilder.Question q = questions.get(i);
            int index = q.choices().indexOf(q.answer());
            String letter = index >= 0 ? (char) ('A' + index) + ". " : "";
            blocks.add(new Block.Paragraph((i + 1) + ". " + letter + q.answer() + (zh ? "（出处：" : " (source: ")
                    + q.source() + (zh ? "）" : ")")));
        }
        return new DocumentContent(zh ? "测验" : "Quiz", blocks, "", "");
    }
}
