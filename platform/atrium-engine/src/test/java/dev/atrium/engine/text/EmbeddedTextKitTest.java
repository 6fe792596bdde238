package dev.atrium.engine.text;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atrium.engine.embed.MiniLmEmbeddings;
import dev.atrium.sdk.ProviderException;
import dev.atrium.sdk.model.Embeddings;
import dev.atrium.sdk.text.PassageIndex;
import dev.atrium.sdk.text.Summary;
import dev.atrium.sdk.text.TextKit;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class EmbeddedTextKitTest {

    static final MiniLmEmbeddings MINI_LM = new MiniLmEmbeddings();
    static final TextKit LEXICAL = new EmbeddedTextKit();
    static final TextKit WITH_MINI_LM = new EmbeddedTextKit(MINI_LM, MiniLmEmbeddings.LANGUAGES);

    static List<String> texts(Summary summary) {
        return summary.sentences().stream().map(Summary.Sentence::text).toList();
    }

    @Nested
    class Summaries {

        @Test
        void englishSummaryWithEmbeddingsPicksTheDecisionNotTheFiller() {
            Summary summary = WITH_MINI_LM.summarize(SampleTexts.ENGLISH_MEETING, 2);

            assertThat(summary.engine()).isEqualTo(MiniLmEmbeddings.ENGINE);
            assertThat(texts(summary)).hasSize(2).contains(SampleTexts.ENGLISH_CENTRAL[0])
                    .doesNotContainAnyElementsOf(List.of(SampleTexts.ENGLISH_FILLER));
        }

        @Test
        void englishSummaryWithoutEmbeddingsPicksTheDecisionNotTheFiller() {
            Summary summary = LEXICAL.summarize(SampleTexts.ENGLISH_MEETING, 2);

            assertThat(summary.engine()).isEqualTo(EmbeddedTextKit.LEXICAL);
            assertThat(texts(summary)).hasSize(2).contains(SampleTexts.ENGLISH_CENTRAL[0])
                    .doesNotContainAnyElementsOf(List.of(SampleTexts.ENGLISH_FILLER));
        }

        @Test
        void chineseSummaryIsLexicalWithAnEnglishModelAndPicksTheDecision() {
            Summary summary = WITH_MINI_LM.summarize(SampleTexts.CHINESE_MEETING, 2);

            assertThat(summary.engine()).isEqualTo(EmbeddedTextKit.LEXICAL);
            assertThat(texts(summary)).contains(SampleTexts.CHINESE_CENTRAL)
                    .doesNotContainAnyElementsOf(List.of(SampleTexts.CHINESE_FILLER));
        }

        @Test
        void returnsSentencesInTextOrderWithTheirIndexAndScore() {
            Summary summary = WITH_MINI_LM.summarize(SampleTexts.ENGLISH_MEETING, 4);

            assertThat(summary.sentences()).hasSize(4);
            assertThat(summary.sentences()).extracting(Summary.Sentence::index).isSorted();
            List<String> all = WITH_MINI_LM.sentences(SampleTexts.ENGLISH_MEETING);
            assertThat(summary.sentences()).allSatisfy(s -> {
                assertThat(all.get(s.index())).isEqualTo(s.text());
                assertThat(s.score()).isBetween(0.0, 1.0);
            });
            assertThat(summary.sentences()).anySatisfy(s -> assertThat(s.score()).isEqualTo(1.0));
            assertThat(summary.text()).startsWith(summary.sentences().get(0).text());
        }

        @Test
        void avoidsPickingTwoSentencesThatSayTheSameThing() {
            String text = "The launch moves to March because the battery cells are late. "
                    + "The launch moves to March because the battery cells arrive late. "
                    + "The campaign budget stays at 120,000 euros for the March launch. "
                    + "Finance wants weekly updates on the battery cells and the launch. "
                    + "Okay.";

            Summary summary = LEXICAL.summarize(text, 2);

            assertThat(summary.sentences()).extracting(Summary.Sentence::index).doesNotContain(4)
                    .containsAnyOf(0, 1).doesNotContainSequence(0, 1);
        }

        @Test
        void fallsBackToTfIdfWhenTheEmbeddingsFail() {
            Function<List<String>, Embeddings> broken = texts -> {
                throw new ProviderException("embeddings endpoint is down");
            };

            Summary summary = new EmbeddedTextKit(broken).summarize(SampleTexts.ENGLISH_MEETING, 2);

            assertThat(summary.engine()).isEqualTo(EmbeddedTextKit.LEXICAL);
            assertThat(texts(summary)).contains(SampleTexts.ENGLISH_CENTRAL[0]);
        }

        @Test
        void summarisesShortAndEmptyTexts() {
            assertThat(LEXICAL.summarize("", 3).sentences()).isEmpty();
            assertThat(LEXICAL.summarize("Only one sentence here.", 3).sentences()).extracting(Summary.Sentence::text)
                    .containsExactly("Only one sentence here.");
            assertThat(LEXICAL.summarize(SampleTexts.ENGLISH_MEETING, 0).sentences()).isEmpty();
        }
    }

    @Nested
    class Keywords {

        @Test
        void englishKeywordsNameTheTopics() {
            List<String> terms = LEXICAL.keywords(SampleTexts.ENGLISH_MEETING, 8).stream()
                    .map(TextKit.Keyword::term).toList();

            assertThat(String.join(" | ", terms)).contains("battery", "launch", "campaign");
            assertThat(terms).doesNotContain("everyone", "the", "okay", "coffee");
        }

        @Test
        void chineseKeywordsAreWholeWordsNotFragments() {
            List<String> terms = LEXICAL.keywords(SampleTexts.CHINESE_MEETING, 6).stream()
                    .map(TextKit.Keyword::term).toList();

            assertThat(terms).contains("支付模块", "发布时间");
            assertThat(terms).noneMatch(t -> t.contains("的"));
        }

        @Test
        void scoresAreNormalisedBestFirst() {
            List<TextKit.Keyword> keywords = LEXICAL.keywords(SampleTexts.ENGLISH_MEETING, 5);

            assertThat(keywords).hasSize(5);
            assertThat(keywords.get(0).score()).isEqualTo(1.0);
            assertThat(keywords).extracting(TextKit.Keyword::score).isSortedAccordingTo((a, b) -> Double.compare(b, a));
            assertThat(LEXICAL.keywords("", 5)).isEmpty();
        }
    }

    @Nested
    class Retrieval {

        static final List<String> PASSAGES = List.of(
                "Refunds are paid back to the original card within five working days.",
                "Our office in Lyon is open from nine to five on weekdays.",
                "Parcels are shipped by courier and usually arrive within two days.",
                "Passwords must be at least twelve characters long and are changed every year.");

        @Test
        void embeddingSearchFindsTheRightPassageForAParaphrasedQuestion() {
            PassageIndex index = WITH_MINI_LM.index(PASSAGES);

            List<PassageIndex.Hit> hits = index.search("How long until I get my money back?", 2);

            assertThat(index.engine()).isEqualTo(MiniLmEmbeddings.ENGINE);
            assertThat(index.size()).isEqualTo(4);
            assertThat(hits).hasSize(2);
            assertThat(hits.get(0).index()).isZero();
            assertThat(hits.get(0).score()).isGreaterThan(hits.get(1).score());
        }

        @Test
        void lexicalSearchFindsThePassageSharingTheQueryTerms() {
            PassageIndex index = LEXICAL.index(PASSAGES);

            List<PassageIndex.Hit> hits = index.search("when do shipped parcels arrive", 3);

            assertThat(index.engine()).isEqualTo(EmbeddedTextKit.LEXICAL);
            assertThat(hits.get(0).index()).isEqualTo(2);
            assertThat(hits.get(0).text()).isEqualTo(PASSAGES.get(2));
        }

        @Test
        void chinesePassagesAreSearchedByCharacterBigrams() {
            PassageIndex index = WITH_MINI_LM.index(List.of("退款会在五个工作日内退回原银行卡。",
                    "里昂办公室工作日上午九点到下午五点开放。", "包裹由快递发出，通常两天内送达。"));

            List<PassageIndex.Hit> hits = index.search("包裹什么时候送达", 1);

            assertThat(index.engine()).isEqualTo(EmbeddedTextKit.LEXICAL);
            assertThat(hits).extracting(PassageIndex.Hit::index).containsExactly(2);
        }

        @Test
        void embedsThePassagesOnceAndOnlyTheQueryPerSearch() {
            AtomicInteger embedded = new AtomicInteger();
            Function<List<String>, Embeddings> counting = texts -> {
                embedded.addAndGet(texts.size());
                return MINI_LM.embed(texts);
            };
            PassageIndex index = new EmbeddedTextKit(counting).index(PASSAGES);

            index.search("refund", 1);
            index.search("office hours", 1);

            assertThat(embedded.get()).isEqualTo(PASSAGES.size() + 2);
        }

        @Test
        void answersNothingForNoPassagesOrNoResultsWanted() {
            assertThat(LEXICAL.index(List.of()).search("anything", 3)).isEmpty();
            assertThat(WITH_MINI_LM.index(PASSAGES).search("refund", 0)).isEmpty();
        }
    }

    @Test
    void detectsLanguageAndSplitsSentencesThroughTheKit() {
        assertThat(LEXICAL.language(SampleTexts.ENGLISH_MEETING)).isEqualTo("en");
        assertThat(LEXICAL.language(SampleTexts.CHINESE_MEETING)).isEqualTo("zh");
        assertThat(LEXICAL.sentences(SampleTexts.CHINESE_MEETING)).hasSize(8);
        assertThat(LEXICAL.sentences(SampleTexts.ENGLISH_MEETING)).hasSize(12);
    }
}
