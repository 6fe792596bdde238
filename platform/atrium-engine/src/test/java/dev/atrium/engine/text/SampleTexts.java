package dev.atrium.engine.text;

/** Texts written for these tests: a product meeting in English and a planning meeting in Chinese. */
final class SampleTexts {

    private SampleTexts() {
    }

    /** Central: the launch moves to March because of the battery supplier; filler: greetings and logistics. */
    static final String ENGLISH_MEETING = """
            Good morning, everyone. Thanks for joining.
            Can everyone hear me okay?
            The main topic today is the launch date of the new headphones.
            Our battery supplier told us that the battery cells will arrive four weeks late.
            Because of the late battery cells, the launch of the headphones has to move from February to March.
            Marketing asked whether the March launch still leaves time for the spring campaign.
            Maria confirmed that the spring campaign can start two weeks after the March launch.
            The budget for the campaign stays at 120,000 euros.
            Finance wants a weekly update on the battery supplier until the cells arrive.
            Does anyone want coffee before we go on?
            Let's take a short break.
            """;

    static final String[] ENGLISH_CENTRAL = {
        "Because of the late battery cells, the launch of the headphones has to move from February to March.",
        "Our battery supplier told us that the battery cells will arrive four weeks late."};

    static final String[] ENGLISH_FILLER = {"Good morning, everyone.", "Thanks for joining.",
        "Can everyone hear me okay?", "Does anyone want coffee before we go on?", "Let's take a short break."};

    /** Central: the app release moves because of payment-module testing; filler: greetings and lunch. */
    static final String CHINESE_MEETING = """
            大家好，我们开始吧。
            今天主要讨论新版应用的发布时间。
            测试团队发现支付模块还有三个严重缺陷。
            因为支付模块的缺陷，新版应用的发布时间推迟到下个月十五号。
            产品经理希望在发布之前完成支付模块的回归测试。
            市场部会根据新的发布时间调整推广计划。
            中午的盒饭已经送到了。
            谢谢大家，散会。
            """;

    static final String[] CHINESE_CENTRAL = {"因为支付模块的缺陷，新版应用的发布时间推迟到下个月十五号。"};

    static final String[] CHINESE_FILLER = {"大家好，我们开始吧。", "中午的盒饭已经送到了。", "谢谢大家，散会。"};
}
