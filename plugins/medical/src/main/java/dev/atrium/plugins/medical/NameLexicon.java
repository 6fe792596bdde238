package dev.atrium.plugins.medical;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Word lists for finding personal names without a statistical model (none can be shipped here): common given
 * names and surnames in English, common Chinese surnames, and the words that look like names but are not
 * (roles, section headings, everyday words that double as given names).
 */
final class NameLexicon {

    /** Frequent given names; matched in any case unless also an everyday word. */
    static final Set<String> GIVEN = words("""
            james john robert michael william david richard joseph thomas charles christopher daniel matthew anthony
            donald steven paul andrew joshua kenneth kevin brian george edward ronald timothy jason jeffrey ryan
            jacob gary nicholas eric jonathan stephen larry justin scott brandon benjamin samuel gregory frank
            alexander raymond patrick jack dennis jerry tyler aaron jose adam henry nathan douglas zachary peter
            kyle walter ethan jeremy harold keith christian roger noah gerald carl terry sean austin arthur lawrence
            jesse dylan bryan joe jordan billy bruce albert willie gabriel logan alan juan wayne roy ralph randy
            eugene vincent russell elijah louis bobby philip johnny mary patricia jennifer linda elizabeth barbara
            susan jessica sarah karen nancy lisa betty margaret sandra ashley kimberly emily donna michelle dorothy
            carol amanda melissa deborah stephanie rebecca sharon laura cynthia kathleen amy shirley angela helen
            anna brenda pamela nicole emma samantha katherine christine debra rachel catherine carolyn janet ruth
            maria heather diane virginia julie joyce victoria olivia kelly christina lauren joan evelyn judith
            megan cheryl andrea hannah martha jacqueline frances gloria ann teresa kathryn sara janice jean alice
            madison doris abigail julia judy grace denise amber marilyn beverly danielle theresa sophia marie diana
            brittany natalie isabella charlotte rose alexis kayla alice lori tammy sherry peggy wendy tina
            alice ella chloe zoe lily mia ava harper avery aria scarlett layla penelope riley nora hazel aurora
            liam oliver lucas mason logan elias mateo levi sebastian owen carter wyatt luke jayden dominic
            brittany tiffany crystal kristen stacy tracy vanessa monica erica leslie yvonne wanda norma
            tony jimmy danny tommy eddie ricky freddie stanley leonard howard clarence earl herbert melvin
            wei li ming hui jun yan ling fang xiao lei jing yu hao chen mei
            """);

    /** Frequent surnames: a capitalised one after a given name completes it. */
    static final Set<String> SURNAMES = words("""
            smith johnson williams brown jones garcia miller davis rodriguez martinez hernandez lopez gonzalez
            wilson anderson thomas taylor moore jackson martin lee perez thompson white harris sanchez clark
            ramirez lewis robinson walker young allen king wright scott torres nguyen hill flores green adams
            nelson baker hall rivera campbell mitchell carter roberts gomez phillips evans turner diaz parker
            cruz edwards collins reyes stewart morris morales murphy cook rogers gutierrez ortiz morgan cooper
            peterson bailey reed kelly howard ramos kim cox ward richardson watson brooks chavez wood james bennett
            gray mendoza ruiz hughes price alvarez castillo sanders patel myers long ross foster jimenez wang zhang
            liu chen yang huang zhao wu zhou xu sun ma zhu hu guo he lin luo
            """);

    /** Everyday words that are also given names: a name only when capitalised in mixed-case text. */
    static final Set<String> AMBIGUOUS = words("""
            will bill mark grant hope joy faith rose grace may june april august art sue pat rich frank
            jack gene dawn summer hunter mason carter chase cliff drew glen heath lane miles ray rob sky
            victor wade dean don earl jean ken ann lee long li ming hui jun yan ling fang xiao lei jing yu hao chen
            mei brown white green young king wood gray long price reed cook hill ward ross ward bailey
            """);

    /** Speaker labels and title-like words that are roles, not names. */
    static final Set<String> ROLES = words("""
            doctor dr patient pt nurse physician provider clinician speaker guest interpreter mother father mom dad
            parent wife husband son daughter family caregiver resident attending np pa md rn
            assessment plan impression findings technique history note notes subjective objective exam results
            diagnosis diagnoses medications allergies comparison indication procedure clinical summary reason
            chief complaint hpi ros labs lab vitals vital signs signature signed date time age sex male female
            """);

    /** Words that never start a name after a title ("Dr. will call", "doctor said"). */
    static final Set<String> NOT_NAMES = words("""
            a an the and or but of in on at to for with from by about as is are was were be been being have has
            had do does did will would shall should can could may might must not no yes so if then than that
            this these those there here it its he she they them his her their we you your our my me i said says
            told asked thinks thought wants will recommended recommends ordered says office visit appointment
            today tomorrow yesterday again also just only already still who what when where why how which
            there everyone everybody all sir madam maam guys folks doc team back much very well good great fine
            not nothing okay ok sure thanks morning afternoon evening night come please let now i i'm im
            mr mrs ms miss mx dr prof mister missus professor
            """);

    /** The 100 most frequent Chinese surnames (single characters) and common two-character ones. */
    static final String CHINESE_SURNAMES =
            "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢"
                    + "姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤";

    /** Chinese words that follow a surname and make it a name (王先生, 李医生). */
    static final String CHINESE_HONORIFICS = "先生|女士|小姐|太太|老师|医生|大夫|主任|护士|师傅|阿姨|叔叔|老|某";

    /** Chinese role labels of a dialogue, not names. */
    static final Set<String> CHINESE_ROLES = Set.of("医生", "患者", "病人", "护士", "家属", "大夫", "医师", "主任",
            "病患", "患儿", "母亲", "父亲", "陪同", "记录", "主诉", "现病史", "诊断", "印象", "检查", "所见", "建议");

    private NameLexicon() {
    }

    static boolean isGiven(String word) {
        return GIVEN.contains(word.toLowerCase(Locale.ROOT));
    }

    static boolean isSurname(String word) {
        return SURNAMES.contains(word.toLowerCase(Locale.ROOT));
    }

    static boolean isAmbiguous(String word) {
        return AMBIGUOUS.contains(word.toLowerCase(Locale.ROOT));
    }

    static boolean isRole(String word) {
        return ROLES.contains(word.toLowerCase(Locale.ROOT));
    }

    static boolean notAName(String word) {
        String w = word.toLowerCase(Locale.ROOT);
        return NOT_NAMES.contains(w) || ROLES.contains(w);
    }

    private static Set<String> words(String text) {
        return new HashSet<>(Arrays.asList(text.strip().toLowerCase(Locale.ROOT).split("\\s+")));
    }
}
