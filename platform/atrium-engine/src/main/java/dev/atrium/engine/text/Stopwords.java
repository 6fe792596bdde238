package dev.atrium.engine.text;

import java.util.Set;

/**
 * Function words left out of keywords and similarity: English (with the fillers of spoken meetings) and
 * Chinese (particles, pronouns and connectives, single characters and common two-character words).
 */
final class Stopwords {

    static final Set<String> ENGLISH = Set.of(
            "a", "able", "about", "above", "across", "actually", "after", "afterwards", "again", "against",
            "all", "almost", "alone", "along", "already", "also", "although", "always", "am", "among",
            "amongst", "an", "and", "another", "any", "anyhow", "anyone", "anything", "anyway", "anywhere",
            "are", "aren't", "around", "as", "at", "back", "basically", "be", "became", "because", "become",
            "becomes", "becoming", "been", "before", "beforehand", "behind", "being", "below", "beside",
            "besides", "between", "beyond", "big", "bit", "both", "but", "by", "came", "can", "can't",
            "cannot", "come", "comes", "could", "day", "days", "did", "didn't", "do", "does", "doesn't",
            "doing", "don't", "done", "down", "during", "each", "either", "else", "elsewhere", "enough", "etc",
            "even", "ever", "every", "everybody", "everyone", "everything", "everywhere", "except", "few",
            "first", "for", "former", "formerly", "from", "further", "get", "gets", "getting", "give", "given",
            "go", "goes", "going", "gone", "gonna", "good", "got", "great", "had", "has", "have", "having",
            "he", "hence", "her", "here", "hereafter", "hereby", "herein", "hers", "herself", "him", "himself",
            "his", "hmm", "how", "however", "i", "i'd", "i'll", "i'm", "i've", "if", "in", "indeed", "instead",
            "into", "is", "isn't", "it", "it's", "its", "itself", "just", "keep", "kind", "knew", "know",
            "knows", "last", "latter", "least", "less", "let", "let's", "like", "look", "looked", "looks",
            "lot", "lots", "made", "make", "makes", "many", "may", "maybe", "me", "mean", "means", "meant",
            "meanwhile", "might", "mine", "more", "moreover", "most", "mostly", "much", "must", "my", "myself",
            "namely", "need", "needs", "neither", "never", "nevertheless", "new", "next", "no", "nobody",
            "none", "noone", "nor", "not", "nothing", "now", "nowhere", "of", "off", "often", "oh", "ok",
            "okay", "old", "on", "once", "one", "only", "onto", "or", "other", "others", "otherwise", "our",
            "ours", "ourselves", "out", "over", "own", "per", "perhaps", "please", "put", "quite", "rather",
            "really", "right", "said", "same", "say", "says", "see", "seem", "seemed", "seeming", "seems",
            "several", "she", "should", "since", "small", "so", "some", "somehow", "someone", "something",
            "sometime", "sometimes", "somewhere", "sort", "still", "such", "sure", "take", "than", "thank",
            "thanks", "that", "that's", "the", "their", "theirs", "them", "themselves", "then", "thence",
            "there", "there's", "thereafter", "thereby", "therefore", "therein", "thereupon", "these", "they",
            "they're", "thing", "things", "think", "this", "those", "though", "through", "throughout", "thru",
            "thus", "time", "times", "to", "today", "together", "tomorrow", "too", "toward", "towards", "uh",
            "um", "under", "until", "up", "upon", "us", "use", "used", "uses", "using", "very", "via", "wanna",
            "want", "wanted", "wants", "was", "wasn't", "way", "ways", "we", "we'd", "we'll", "we're", "we've",
            "week", "weeks", "well", "were", "weren't", "what", "whatever", "when", "whence", "whenever",
            "where", "whereafter", "whereas", "whereby", "wherein", "whereupon", "wherever", "whether",
            "which", "while", "whither", "who", "whoever", "whole", "whom", "whose", "why", "will", "with",
            "within", "without", "won't", "would", "yeah", "year", "years", "yes", "yesterday", "yet", "you",
            "you'll", "you're", "your", "yours", "yourself", "yourselves");

    static final Set<String> CHINESE = Set.of(
            "一", "一下", "一个", "一些", "一起", "上", "下", "不", "不是", "与", "两", "个", "中", "为", "为什么", "么", "之", "也",
            "了", "二", "于", "些", "什么", "今天", "从", "他", "他们", "以", "以及", "们", "会", "但", "但是", "你", "你们", "其",
            "其实", "其次", "到", "去", "又", "及", "另外", "可以", "各", "同时", "吗", "吧", "呀", "呢", "和", "哦", "啊", "嗯",
            "嗯嗯", "因为", "在", "地", "大家", "她", "她们", "好", "好的", "如何", "如果", "它", "它们", "对", "对的", "将", "就", "就是",
            "已经", "并", "应该", "很", "得", "怎么", "怎样", "我", "我们", "我们的", "或", "或者", "所以", "把", "时候", "明天", "昨天",
            "是", "是的", "最后", "有", "来", "某", "此", "每", "比较", "没", "没有", "然后", "现在", "的", "目前", "着", "等", "给",
            "而", "而且", "能", "自己", "虽然", "被", "要", "觉得", "认为", "让", "该", "说", "还", "还是", "这", "这个", "这些", "这样",
            "进行", "那", "那个", "那么", "那些", "那样", "都", "问题", "需要", "非常", "首先");

    /** Chinese characters that rarely begin or end a content word, so n-grams edged by them are dropped. */
    static final String CHINESE_WEAK_EDGES = "的了是在和也就都而及与着或我你他她它们这那个很还又把被让给从并将吗呢吧啊哦嗯呀么之其于以为对有没不要说得地该此每某些";

    /** Particles that end or join phrases; they never occur inside a content word. */
    static final String CHINESE_PARTICLES = "的吗呢吧啊呀哦嗯";

    private Stopwords() {
    }
}
