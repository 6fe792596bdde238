package dev.atrium.plugins.education;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atrium.documents.OfficeDocumentKit;
import dev.atrium.sdk.BadInputException;
import dev.atrium.sdk.Media;
import dev.atrium.sdk.document.Block;
import dev.atrium.sdk.document.DocumentContent;
import dev.atrium.sdk.document.PdfOptions;
import dev.atrium.sdk.testkit.FakeModelGateway;
import dev.atrium.sdk.testkit.SkillHarness;
import dev.atrium.sdk.testkit.SkillRun;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class QuizSkillTest {

    static final String MATERIAL = """
            Photosynthesis is the process by which green plants make their own food from light.
            It takes place mainly in the leaves, inside small structures called chloroplasts.
            Chloroplasts contain a green pigment called chlorophyll, which absorbs sunlight.
            During photosynthesis, plants take in carbon dioxide from the air through tiny pores called stomata.
            The roots absorb water from the soil and carry it up to the leaves through the xylem.
            Using the energy of sunlight, the plant turns carbon dioxide and water into glucose.
            Oxygen is released into the air as a by-product of photosynthesis.
            The glucose is used for energy or stored as starch in the roots, stems and leaves.
            Respiration is the opposite process, in which glucose is broken down to release energy.
            Without photosynthesis, animals would have no oxygen to breathe and no food to eat.
            """;

    private static final OfficeDocumentKit DOCUMENTS = new OfficeDocumentKit();

    private static Media pdf() {
        List<Block> blocks = MATERIAL.lines().map(l -> (Block) new Block.Paragraph(l)).toList();
        return DOCUMENTS.writePdf("biology.pdf", new DocumentContent("Photosynthesis", blocks, "", ""), PdfOptions.DEFAULT);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> questions(SkillRun run) {
        assertThat(run.succeeded()).as(run + " " + run.error()).isTrue();
        return (List<Map<String, Object>>) run.resultMap().get("questions");
    }

    @Test
    void aQuizFromAPdfHasAnswerKeysFoundInTheirSourcePassages() {
        Media pdf = pdf();
        String pdfText = DOCUMENTS.read(pdf).text().replaceAll("\\s+", " ");

        SkillRun run = SkillHarness.of(new QuizSkill()).file("material", pdf).value("count", 6).run();

        List<Map<String, Object>> questions = questions(run);
        assertThat(questions).hasSize(6);
        assertThat(questions).extracting(q -> q.get("kind")).contains("multiple-choice", "true-false", "short-answer");
        for (Map<String, Object> q : questions) {
            String source = (String) q.get("source");
            String answer = (String) q.get("answer");
            assertThat(pdfText).contains(source.replaceAll("\\s+", " "));
            switch ((String) q.get("kind")) {
                case "multiple-choice" -> {
                    assertThat((List<String>) q.get("choices")).hasSize(4).doesNotHaveDuplicates().contains(answer);
                    assertThat(source.toLowerCase()).contains(answer.toLowerCase());
                    assertThat((String) q.get("question")).contains(QuizBuilder.BLANK).doesNotContain(answer);
                }
                case "true-false" -> {
                    assertThat(answer).isIn("True", "False");
                    String statement = ((String) q.get("question")).replace("True or false: ", "");
                    assertThat(statement.equals(source)).isEqualTo(answer.equals("True"));
                }
                default -> assertThat(source.toLowerCase()).contains(answer.toLowerCase());
            }
        }
        assertThat((String) run.resultMap().get("engine")).startsWith("embedded+");
        String docx = DOCUMENTS.read(run.artifact("quiz.docx")).text();
        assertThat(docx).contains("Quiz", "Answer key", (String) questions.get(0).get("answer"));
        assertThat(docx.indexOf("Answer key")).isGreaterThan(docx.indexOf((String) questions.get(5).get("question")
                .toString().substring(0, 20)));
    }

    @Test
    void fiveQuestionsByDefault() {
        assertThat(questions(SkillHarness.of(new QuizSkill()).value("text", MATERIAL).run())).hasSize(5);
    }

    @Test
    void onlyTheKindsAskedForAreWritten() {
        SkillRun run = SkillHarness.of(new QuizSkill()).value("text", MATERIAL).value("count", 3)
                .value("kinds", "true-false").run();

        assertThat(questions(run)).hasSize(3).allSatisfy(q -> assertThat(q.get("kind")).isEqualTo("true-false"));
    }

    @Test
    void remoteQuestionsAreKeptOnlyWhenTheirPassageSupportsTheKey() {
        FakeModelGateway models = new FakeModelGateway().onStructured(new QuizSkill.QuizDraft(List.of(
                new QuizSkill.DraftQuestion("multiple-choice", "Which pigment absorbs sunlight?",
                        List.of("chlorophyll", "xylem", "starch", "glucose"), "chlorophyll", 3),
                new QuizSkill.DraftQuestion("short-answer", "What do plants release?", null, "nitrogen", 7),
                new QuizSkill.DraftQuestion("true-false", "Roots absorb water.", List.of("True", "False"), "True", 99))));

        SkillRun run = SkillHarness.of(new QuizSkill()).models(models).value("text", MATERIAL).value("count", 3).run();

        List<Map<String, Object>> questions = questions(run);
        assertThat(questions).hasSize(3);
        assertThat(questions.get(0)).containsEntry("question", "Which pigment absorbs sunlight?")
                .containsEntry("answer", "chlorophyll")
                .containsEntry("source", "Chloroplasts contain a green pigment called chlorophyll, which absorbs sunlight.");
        assertThat(questions).extracting(q -> q.get("answer")).doesNotContain("nitrogen");
        assertThat(run.resultMap().get("engine")).isEqualTo("fake/fake-model+embedded");
        assertThat(run.warnings()).anyMatch(w -> w.contains("not supported by the material"));
    }

    @Test
    void aChineseTextGivesChineseQuestions() {
        String text = "光合作用是绿色植物利用光能制造有机物的过程。叶绿体是进行光合作用的场所。"
                + "叶绿体中含有叶绿素，叶绿素能够吸收光能。植物通过气孔吸收二氧化碳。"
                + "根从土壤中吸收水分，并通过导管运输到叶片。光合作用释放出氧气。叶绿素使叶片呈现绿色。";

        SkillRun run = SkillHarness.of(new QuizSkill()).value("text", text).value("count", 2)
                .value("kinds", "short-answer,true-false").run();

        List<Map<String, Object>> questions = questions(run);
        assertThat(questions).isNotEmpty();
        assertThat((String) questions.get(0).get("question")).startsWith("填空：");
    }

    @Test
    void missingMaterialOrAnUnknownKindIsBadInput() {
        SkillRun none = SkillHarness.of(new QuizSkill()).run();
        assertThat(none.error().get()).isInstanceOf(BadInputException.class);
        assertThat(((BadInputException) none.error().get()).input()).hasValue("material");

        SkillRun kind = SkillHarness.of(new QuizSkill()).value("text", MATERIAL).value("kinds", "essay").run();
        assertThat(((BadInputException) kind.error().get()).input()).hasValue("kinds");
    }
}
