package dev.atrium.plugins.office;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atrium.engine.embed.MiniLmEmbeddings;
import dev.atrium.engine.text.EmbeddedTextKit;
import dev.atrium.sdk.CancellationSignal;
import dev.atrium.sdk.text.TextKit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TopicSegmentationTest {

    /** The embedded engine the skills get: MiniLM for English, TF-IDF for Chinese. */
    private static final TextKit TEXT = new EmbeddedTextKit(new MiniLmEmbeddings(), MiniLmEmbeddings.LANGUAGES);

    private static final CancellationSignal NEVER = new CancellationSignal() {
        @Override
        public boolean isCancelled() {
            return false;
        }

        @Override
        public void onCancel(Runnable action) {
        }
    };

    private static final String[] BUDGET = {
        "The marketing budget for next quarter is forty thousand dollars, which is ten percent less than this quarter.",
        "We overspent the travel budget by six thousand dollars because of the trade fair in Berlin last month.",
        "Finance wants every department to cut its budget and send a revised spending plan by the end of March.",
        "If we cut the advertising spend we can keep the budget for the customer conference unchanged this year.",
        "The software licences cost more than we planned, so the budget line for tools needs another eight thousand.",
        "Let's move the remaining budget surplus from printing to online advertising, where the cost per lead is lower.",
    };

    private static final String[] HIRING = {
        "We need to hire two backend engineers before summer, and the job descriptions are still not published.",
        "The recruiter sent us twelve candidates for the engineering role, but only three have distributed systems experience.",
        "I interviewed a candidate on Tuesday who was strong on databases but weak on the coding exercise.",
        "Should the interview process have a take-home assignment, or is a live pairing session with an engineer better?",
        "Candidates told the recruiter that our interview process takes too long, five rounds over three weeks.",
        "Let's shorten the hiring process to three interviews: a screening call, a technical interview and a team chat.",
        "The salary range for the senior engineer position is below the market, so two candidates declined our offer.",
        "HR can raise the offer for senior candidates by ten percent if the hiring manager approves it.",
        "We should also post the engineering jobs on university boards to hire a junior developer as an intern.",
        "Onboarding new engineers takes about six weeks, so anyone hired in May starts being productive in July.",
        "Referral bonuses brought us our best hires last year; we could double the bonus for engineering referrals.",
        "The hiring committee will meet every Friday to review the interview feedback and decide on offers quickly.",
        "Every interviewer should write feedback on the candidate within one day of the interview.",
        "Diversity in the candidate pipeline is low; the recruiter will reach out to coding bootcamps for applicants.",
    };

    private static final String[] MOVE = {
        "The office move to the new building on Harbour Street is planned for the first weekend of June.",
        "Movers will pack the desks, chairs and monitors on Friday afternoon and unpack them in the new office on Sunday.",
        "The new office floor has room for sixty desks, two large meeting rooms and a kitchen with a balcony.",
        "Internet and network cabling in the new building must be installed before we move the servers.",
        "Parking near the new office is limited, so staff should take the tram or use the bicycle storage in the basement.",
        "The lease on the old office ends on June thirtieth, and the landlord wants the keys back cleaned and empty.",
        "Each team should label its boxes with the room number on the floor plan of the new building.",
        "Facilities will order new furniture for the meeting rooms, since the old tables do not fit through the doors.",
        "Let's send everyone the new office address and the access badge instructions a week before the move.",
    };

    private static List<Turn> meeting(String[]... topics) {
        String[] people = {"Anna", "Bob", "Carol", "Dan"};
        List<Turn> turns = new ArrayList<>();
        for (String[] topic : topics) {
            for (String said : topic) {
                turns.add(Turn.untimed(people[turns.size() % people.length], said));
            }
        }
        return turns;
    }

    private static List<Integer> starts(List<int[]> parts) {
        return parts.stream().map(p -> p[0]).toList();
    }

    @Test
    void findsWhereTheMeetingTurnsToAnotherSubjectWithinTwoTurns() {
        List<Turn> turns = meeting(BUDGET, HIRING, MOVE);

        List<int[]> topics = TopicSegmentation.segment(turns, TEXT, NEVER);

        // Hiring starts at turn 6, the office move at turn 20; equal windows of 29 turns would cut at 7, 14 and 21.
        assertThat(topics).hasSize(3);
        assertThat(starts(topics).get(1)).isBetween(4, 8);
        assertThat(starts(topics).get(2)).isBetween(18, 22);
        assertThat(topics.get(0)[0]).isZero();
        assertThat(topics.get(2)[1]).isEqualTo(turns.size());
    }

    @Test
    void topicsAreContiguousAndCoverEveryTurn() {
        List<Turn> turns = meeting(MOVE, BUDGET, HIRING, MOVE);

        List<int[]> topics = TopicSegmentation.segment(turns, TEXT, NEVER);

        assertThat(topics).isNotEmpty();
        for (int i = 1; i < topics.size(); i++) {
            assertThat(topics.get(i)[0]).isEqualTo(topics.get(i - 1)[1]);
            assertThat(topics.get(i)[1] - topics.get(i)[0]).isGreaterThanOrEqualTo(TopicSegmentation.MIN_TOPIC_TURNS);
        }
        assertThat(topics.get(topics.size() - 1)[1]).isEqualTo(turns.size());
    }

    @Test
    void aShortMeetingIsOneTopic() {
        List<Turn> turns = meeting(new String[] {BUDGET[0], BUDGET[1], HIRING[0], HIRING[1], MOVE[0], MOVE[1]});

        assertThat(TopicSegmentation.segment(turns, TEXT, NEVER)).singleElement()
                .satisfies(part -> assertThat(part).containsExactly(0, 6));
    }

    @Test
    void backChannelsDoNotMakeTopicsOfTheirOwn() {
        List<Turn> turns = new ArrayList<>();
        for (Turn turn : meeting(BUDGET, HIRING, MOVE)) {
            turns.add(turn);
            turns.add(Turn.untimed("Eve", "Yeah, okay."));
        }

        List<int[]> topics = TopicSegmentation.segment(turns, TEXT, NEVER);

        assertThat(topics).hasSize(3);
        assertThat(starts(topics).get(1)).isBetween(2 * 4, 2 * 8);
        assertThat(starts(topics).get(2)).isBetween(2 * 18, 2 * 22);
    }

    @Test
    void segmentsAChineseMeetingLexically() {
        String[] budget = {
            "下个季度的市场预算是四万元，比这个季度的预算少百分之十。",
            "上个月的展会让差旅预算超支了六千元，财务部门很不满意。",
            "财务要求每个部门削减预算，月底前提交新的预算支出计划。",
            "如果减少广告预算，客户大会的预算就可以保持不变。",
            "软件许可证的费用超出了预算，工具预算还需要增加八千元。",
            "把印刷的剩余预算转到线上广告，线上广告的预算效果更好。",
        };
        String[] hiring = {
            "夏天之前我们需要招聘两名后端工程师，招聘启事还没有发布。",
            "招聘顾问推荐了十二位候选人，只有三位候选人有分布式系统经验。",
            "周二面试的候选人数据库很强，但是编程面试表现一般。",
            "候选人反映我们的面试流程太长，一共五轮面试要三个星期。",
            "我们把招聘流程缩短为三轮面试：电话筛选、技术面试和团队面试。",
            "高级工程师的薪资低于市场水平，两位候选人拒绝了我们的录用。",
            "如果招聘经理批准，人事可以把高级候选人的薪资提高百分之十。",
            "招聘委员会每周五开会，讨论面试反馈，尽快决定录用哪位候选人。",
            "每位面试官要在面试后一天内写好对候选人的面试反馈。",
            "内推奖励带来了去年最好的工程师，可以把工程师内推奖励翻倍。",
        };
        String[] move = {
            "公司六月第一个周末搬到港湾街的新办公楼。",
            "搬家公司周五下午打包办公桌、椅子和显示器，周日在新办公室拆箱。",
            "新办公室可以放六十张办公桌，还有两间大会议室和一个带阳台的厨房。",
            "搬服务器之前，新办公楼的网络布线必须先装好。",
            "新办公室附近停车位很少，员工最好坐电车或者把自行车停在地下室。",
            "旧办公室的租约六月三十日到期，房东要求把办公室打扫干净交还钥匙。",
            "每个团队在搬家纸箱上写好新办公室平面图上的房间号。",
            "行政会为新办公室的会议室订购新家具，旧桌子搬不进新办公楼的门。",
        };
        List<Turn> turns = meeting(budget, hiring, move);

        List<int[]> topics = TopicSegmentation.segment(turns, TEXT, NEVER);

        assertThat(topics).hasSize(3);
        assertThat(starts(topics).get(1)).isBetween(4, 8);
        assertThat(starts(topics).get(2)).isBetween(14, 18);
    }
}
