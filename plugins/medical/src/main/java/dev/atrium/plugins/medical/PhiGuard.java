package dev.atrium.plugins.medical;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds and replaces the HIPAA Safe Harbor identifiers in English and Chinese clinical text with typed
 * placeholders ({@code [NAME_1]}, {@code [DATE_2]}), by rules and word lists: formats with checks where they
 * exist (resident ID checksum, IPv4 octets), cue words for numbers whose format says nothing (MRN, 住院号,
 * account, licence, device), speaker labels, titles and name lists for names. Everything that goes to a model
 * passes through here first.
 */
final class PhiGuard {

    /** How dates are replaced. */
    enum DateMode {
        /** A placeholder such as {@code [DATE_1]}: nothing of the date is left (what models get). */
        PLACEHOLDER,
        /** Shifted by the run's offset, so intervals between dates stay true. */
        SHIFT,
        /** Reduced to the year, as Safe Harbor allows. */
        YEAR
    }

    /** De-identified text and the spans of the original that were replaced. */
    record Result(String text, List<PhiSpan> spans) {
    }

    private static final int I = Pattern.CASE_INSENSITIVE;
    private static final String MONTH = "(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
            + "|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)";
    private static final String ORDINAL_WORDS = "(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth"
            + "|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth"
            + "|twentieth|twenty[- ](?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)|thirtieth"
            + "|thirty[- ]first)";
    private static final String SPOKEN_YEAR = "(?:,?\\s+(?:(?:two thousand|nineteen)(?:\\s+and)?(?:[\\s-]+[a-z]+){0,2}))?";

    private static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}");
    private static final Pattern URL = Pattern.compile(
            "(?:https?://|www\\.)[^\\s<>\"，。）)]+|\\b[a-z0-9-]+\\.(?:com|org|net|edu|gov|io|cn|health)(?:/[^\\s，。]*)?\\b", I);
    private static final Pattern IPV4 = Pattern.compile("(?<![\\d.])(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})(?!\\d|\\.\\d)");
    private static final Pattern IPV6 = Pattern.compile("(?<![\\w:])(?:[0-9a-f]{1,4}:){3,7}[0-9a-f]{1,4}(?![\\w:])", I);
    private static final Pattern SSN = Pattern.compile("(?<!\\d)\\d{3}-\\d{2}-\\d{4}(?!\\d)"
            + "|(?:ssn|social security(?: number| no\\.?)?)\\s*(?:is|:|#|\\|)?\\s*(\\d{9})(?!\\d)", I);
    private static final Pattern CN_ID = Pattern.compile("(?<![0-9A-Za-z])(\\d{17}[\\dXx]|\\d{15})(?![0-9A-Za-z])");
    private static final Pattern PHONE_US = Pattern.compile(
            "(?<![\\d-])(?:\\+?1[\\s.-]?)?(?:\\(\\d{3}\\)\\s?|\\d{3}[\\s.-])\\d{3}[\\s.-]\\d{4}(?:\\s*(?:ext\\.?|x)\\s*\\d{1,5})?(?![\\d-])", I);
    private static final Pattern PHONE_CN = Pattern.compile(
            "(?<!\\d)(?:\\+?86[\\s-]?)?1[3-9]\\d[\\s-]?\\d{4}[\\s-]?\\d{4}(?!\\d)|(?<!\\d)(?:\\(0\\d{2,3}\\)|0\\d{2,3}-)\\s?\\d{7,8}(?!\\d)");
    private static final Pattern PHONE_CUE = Pattern.compile(
            "(?:phone|tel|telephone|cell|mobile|call(?: me)? at|fax|pager|电话|手机|传真|联系方式|座机)\\s*(?:number|no\\.?|号码?)?\\s*(?:is|:|：|#|\\|)?\\s*"
                    + "(\\+?[\\d()][\\d()\\s.-]{5,18}\\d)", I);
    private static final Pattern FAX_CUE = Pattern.compile("(?:fax|facsimile|传真)[^\\n]{0,12}$", I);
    /** Cue words, then a number; the group names the type. */
    private static final Pattern CUED_NUMBER = Pattern.compile(
            "(?:(?<mrn>mrn|mr\\s?#|mr no\\.?|medical record(?: number| no\\.?| #)?|chart(?: number| no\\.?| #)|patient id|"
                    + "hospital (?:number|no\\.?)|encounter(?: number| no\\.?| id)|病历号|住院号|门诊号|病案号|就诊卡号|ID号|登记号)"
                    + "|(?<account>account(?: number| no\\.?| #)?|acct\\.?(?: no\\.?| #)?|policy(?: number| no\\.?| #)|member id|"
                    + "subscriber id|beneficiary(?: number| id)?|insurance id|health plan(?: number| id)?|group number|"
                    + "医保卡号|社保卡号|医保号|社保号|账号|卡号|保单号)"
                    + "|(?<license>(?:driver'?s )?licen[cs]e(?: number| no\\.?| #)?|dea(?: number| no\\.?| #)?|npi|certificate(?: number| no\\.?)|"
                    + "passport(?: number| no\\.?)?|执业证号|执照号|驾驶证号|护照号|证书编号|执业证书编号)"
                    + "|(?<device>serial(?: number| no\\.?)?|s/n|device (?:id|identifier|number|serial)|udi|implant (?:id|serial)|"
                    + "设备编号|序列号|器械编号)"
                    + "|(?<vehicle>vin|vehicle identification number|licen[cs]e plate(?: number)?|plate number|车牌号?|车架号)"
                    + "|(?<id>身份证号?(?:码)?|id (?:number|no\\.?)|identity card(?: number)?|employee id|证件号码?))"
                    + "\\s*(?:is|was|of|:|：|#|=|\\||为|是)?\\s*(?<value>[A-Z0-9\\u4e00-\\u9fa5]?[A-Z0-9][A-Z0-9/-]{3,})", I);
    private static final Pattern VIN = Pattern.compile("(?<![A-Z0-9])(?=[A-HJ-NPR-Z0-9]*\\d)(?=[A-HJ-NPR-Z0-9]*[A-Z])[A-HJ-NPR-Z0-9]{17}(?![A-Z0-9])");
    private static final Pattern CN_PLATE = Pattern.compile(
            "[京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼][A-Z][·\\s]?[A-Z0-9]{5,6}(?![A-Z0-9])");
    /** A code of capitals and at least five digits ("PM55210X", "HX-55210-3"): a record, device or account number. */
    private static final Pattern CODE = Pattern.compile(
            "(?<![A-Za-z0-9-])(?=[A-Z0-9-]*[A-Z])(?=(?:[A-Z-]*\\d){5})[A-Z0-9][A-Z0-9-]{5,}(?![A-Za-z0-9-])");
    private static final Pattern LONG_NUMBER = Pattern.compile("(?<![\\d.])\\d{8,}(?![\\d.])");

    private static final Pattern DATE_NUMERIC = Pattern.compile(
            "(?<![\\d/.-])(?:(?:0?[1-9]|1[0-2])[/.-](?:0?[1-9]|[12]\\d|3[01])[/.-](?:\\d{4}|\\d{2})"
                    + "|(?:19|20)\\d{2}[/.-](?:0?[1-9]|1[0-2])[/.-](?:0?[1-9]|[12]\\d|3[01]))(?![\\d/])");
    private static final Pattern DATE_WORDS = Pattern.compile(
            "\\b(?:" + MONTH + "\\.?\\s+(?:\\d{1,2}(?:st|nd|rd|th)?|" + ORDINAL_WORDS + ")\\b(?:,?\\s+\\d{4}\\b)?" + SPOKEN_YEAR
                    + "|(?:\\d{1,2}(?:st|nd|rd|th)?|the\\s+" + ORDINAL_WORDS + ")\\s+(?:of\\s+)?" + MONTH + "\\b\\.?(?:,?\\s+\\d{4}\\b)?"
                    + "|" + MONTH + "\\.?,?\\s+(?:of\\s+)?(?:19|20)\\d{2}\\b"
                    + "|" + MONTH + "\\s+of\\s+(?:two thousand|nineteen)(?:\\s+and)?(?:[\\s-]+[a-z]+){0,2})", I);
    private static final Pattern DATE_CN = Pattern.compile(
            "(?:(?:19|20)\\d{2}|[一二三四五六七八九〇零]{4})年(?:\\d{1,2}|[一二三四五六七八九十]{1,3})月(?:(?:\\d{1,2}|[一二三四五六七八九十]{1,3})[日号])?"
                    + "|(?<![\\d年])\\d{1,2}月\\d{1,2}[日号]");
    private static final Pattern DATE_CUE = Pattern.compile(
            "(?:dob|d\\.o\\.b\\.?|date of birth|birth ?date|born on|admitted on|discharged on|出生日期|生日|入院日期|出院日期)"
                    + "\\s*(?:is|:|：|\\|)?\\s*([0-9][0-9/.\\-年月日号]{4,}[0-9日号])", I);

    private static final Pattern AGE = Pattern.compile(
            "\\b(9\\d|1[0-2]\\d)(?=\\s*(?:-|\\s)?\\s*(?:years?|yrs?|y/?o\\b|y\\.o\\.|year-old|-year-old))"
                    + "|\\b(?:aged?|age:)\\s*(9\\d|1[0-2]\\d)\\b"
                    + "|\\b((?:ninety|one hundred)(?:[\\s-](?:one|two|three|four|five|six|seven|eight|nine))?)(?=[\\s-]+years?[\\s-]+old)"
                    + "|(?<!\\d)(9\\d|1[0-2]\\d)(?=\\s*(?:岁|周岁))|(?:年龄|年纪)[:：]?\\s*(9\\d|1[0-2]\\d)(?!\\d)", I);

    private static final String STATES = "AL|AK|AZ|AR|CA|CO|CT|DE|FL|GA|HI|ID|IL|IN|IA|KS|KY|LA|ME|MD|MA|MI|MN|MS|MO|MT|NE|NV|NH|NJ|"
            + "NM|NY|NC|ND|OH|OK|OR|PA|RI|SC|SD|TN|TX|UT|VT|VA|WA|WV|WI|WY|DC";
    private static final Pattern STREET = Pattern.compile(
            "(?<![\\d/.-])\\b\\d{1,6}\\s+(?:(?!(?i:at|on|in|to|and|of|the|for|with|from|by|is|was)\\b)[A-Za-z0-9.'-]+\\s+){0,4}?(?i:street|avenue|road|boulevard|lane|drive|court|terrace|circle|highway|"
                    + "parkway|place|square|way)\\b(?:,?\\s+(?i:apt|apartment|suite|ste|unit|#)\\.?\\s*[A-Za-z0-9-]+)?"
                    + "|(?<![\\d/.-])\\b\\d{1,6}\\s+(?:[A-Z][A-Za-z0-9.'-]*\\s+){1,4}(?:St|Ave|Rd|Blvd|Ln|Dr|Ct|Pl|Ter|Cir|Hwy|Pkwy|Sq)\\b\\.?"
                    + "(?:,?\\s+(?i:apt|apartment|suite|ste|unit|#)\\.?\\s*[A-Za-z0-9-]+)?");
    private static final Pattern CITY_STATE_ZIP = Pattern.compile(
            "\\b([A-Z][a-z]+(?:\\s[A-Z][a-z]+)?),\\s*(?:" + STATES + ")\\b(?:\\s+(\\d{5}(?:-\\d{4})?))?");
    private static final Pattern ZIP_CUE = Pattern.compile("(?:zip(?: code)?|postal code|post code|邮编|邮政编码)\\s*(?:is|:|：|\\|)?\\s*(\\d{5,6}(?:-\\d{4})?)", I);
    private static final Pattern ADDRESS_CUE = Pattern.compile(
            "(?:\\b(?:home address|address|lives at|resides at|living at)\\s*(?:is|:)?\\s*)([^\\n.;]{4,80})", I);
    private static final Pattern ADDRESS_CN_CUE = Pattern.compile(
            "(?:住址|地址|家住|现住|住在|居住于|居住在|户籍地|现住址)[:：]?\\s*"
                    + "((?:[\\u4e00-\\u9fa5]{1,8}(?:省|自治区))?)([\\u4e00-\\u9fa5A-Za-z0-9\\-#号栋室单元楼]{2,40})");
    private static final Pattern ADDRESS_CN = Pattern.compile(
            "(?:[\\u4e00-\\u9fa5]{2,6}(?:市|县|区))[\\u4e00-\\u9fa5\\d]{1,12}(?:路|街|道|巷|弄|村|镇|乡)(?:[\\d一二三四五六七八九十]+号)?"
                    + "(?:[\\d一二三四五六七八九十]+(?:栋|幢|号楼|单元|室|楼))*");

    private static final Pattern TITLE_NAME = Pattern.compile(
            "\\b(?:(?i:mr|mrs|ms|miss|mx|dr|prof)\\.?|(?i:doctor|professor|nurse|mister|missus))\\s+([A-Za-z][A-Za-z'-]+)(?:\\s+([A-Z][A-Za-z'-]+))?");
    private static final Pattern NAME_CUE = Pattern.compile(
            "\\b(?:(?i:my name is|name is|named|called|patient name|name)\\s*:?\\s+|(?i:name):\\s*)([A-Za-z][A-Za-z'-]+)(?:\\s+([A-Za-z][A-Za-z'-]+))?");
    /** A greeting or a relation names the person next to it: "Hello Keiko", "my husband Aurelio Okafor". */
    private static final Pattern GREETING_OR_RELATION = Pattern.compile(
            "\\b(?:(?i:hello|hi|hey|good morning|good afternoon|good evening|thanks|thank you|dear|welcome|bye|goodbye)\\s*,?\\s+"
                    + "|(?i:my|her|his|your|their|the patient's)\\s+(?i:husband|wife|son|daughter|mother|father|brother|sister|"
                    + "partner|friend|neighbou?r|caregiver|grandson|granddaughter|boyfriend|girlfriend|fianc[eé]e?|aunt|uncle|"
                    + "cousin|niece|nephew|mom|dad)\\s*,?\\s+)"
                    + "([A-Z][A-Za-z'-]+)(?:\\s+([A-Z][A-Za-z'-]+))?"
                    // "Patient: Dmitri Petrov" is a name field only with two capitalised words (not "Patient: Not great").
                    + "|\\b(?i:patient|pt|name|patient name|full name)\\s*[:|\\t][ \\t|]*([A-Z][a-z'-]+)[ \\t]+([A-Z][a-z'-]+)\\b");
    private static final Pattern SPEAKER = Pattern.compile("(?m)^\\s*\\[?([A-Za-z][A-Za-z'-]+(?:\\s[A-Za-z][A-Za-z'-]+)?)]?\\s*[:：]");
    /** Two capitalised words doing what people do ("Keiko Whitfield called", "Nadia Grant said"): a name. */
    private static final Pattern PERSON_SUBJECT = Pattern.compile(
            "\\b([A-Z][a-z'-]+)\\s+([A-Z][a-z'-]+)\\s+(?:(?:has|had|was|is|will|would|also|then)\\s+)?(?:called|phoned|said|says|"
                    + "stated|states|reported|reports|asked|visited|came|comes|arrived|presented|presents|complained|complains|"
                    + "returned|returns|died|agreed|declined|refused|signed|consented|denied|denies|noted|wrote|emailed|faxed|"
                    + "texted|brought|drove|left|lives|works|fell|was admitted|was seen|was discharged|is a|was a)\\b"
                    // ... or someone of an organisation: "Nadia Grant from the pharmacy", "Bob Lee at the clinic".
                    + "|\\b([A-Z][a-z'-]+)\\s+([A-Z][a-z'-]+),?\\s+(?:from|at|of|with)\\s+(?:the\\s+|our\\s+|your\\s+)?"
                    + "(?:pharmacy|clinic|hospital|office|practice|lab|laboratory|department|insurance|insurer|agency|"
                    + "home care|nursing home|school|employer|social services|ambulance|care home)\\b");
    private static final Pattern CAPITALISED_PAIR = Pattern.compile("\\b([A-Z][a-z'-]+)\\s+([A-Z][a-z'-]+)\\b");
    private static final Pattern WORD = Pattern.compile("\\b[A-Za-z][A-Za-z'-]+\\b");

    private static final String SURNAME_CLASS = "[" + NameLexicon.CHINESE_SURNAMES + "]";
    private static final Pattern CN_NAME_CUE = Pattern.compile(
            "(?:姓名|患者姓名|病人姓名|联系人|家属|患者|病人|病患|患儿|主治医师|主治医生|医师|签名|记录人)[:：]?\\s*("
                    + SURNAME_CLASS + "[\\u4e00-\\u9fa5]{1,2})");
    /** 您好 after a name, or a relative before it: "赵秀英，您好", "我女儿王建国陪我来的". */
    private static final Pattern CN_GREETING_OR_RELATION = Pattern.compile(
            "(" + SURNAME_CLASS + "[\\u4e00-\\u9fa5]{1,2}?)(?=[，,]?\\s*(?:您好|你好|早上好|下午好))"
                    + "|(?:女儿|儿子|丈夫|妻子|爱人|老伴|母亲|父亲|妈妈|爸爸|哥哥|姐姐|弟弟|妹妹|孙子|孙女|朋友|邻居)("
                    + SURNAME_CLASS + "[\\u4e00-\\u9fa5]{1,2})");
    private static final Pattern CN_LABEL_NAME = Pattern.compile("(?:姓名|联系人|签名)\\s*[:：|]\\s*([\\u4e00-\\u9fa5·]{2,5})");
    private static final Pattern CN_HONORIFIC = Pattern.compile(
            "(" + SURNAME_CLASS + "[\\u4e00-\\u9fa5]{0,2}?)(?=" + NameLexicon.CHINESE_HONORIFICS + ")");
    private static final Pattern CN_SPEAKER = Pattern.compile("(?m)^\\s*(" + SURNAME_CLASS + "[\\u4e00-\\u9fa5]{1,2})\\s*[:：]");
    /** What may follow a Chinese name: punctuation, a sex, an honorific or a verb of a clinical sentence. */
    private static final Pattern CN_NAME_END = Pattern.compile(
            "^(?:$|[，,。；;：:、\\s（(）)]|男|女|先生|女士|小姐|医生|大夫|主任|护士|因|于|自|诉|今|来|现|主诉|患|的|说|在|已|今年|，)");

    private PhiGuard() {
    }

    /**
     * Every identifier in the text, without overlaps, in order.
     *
     * @param knownNames names given with the case (patient, relatives, clinicians): always found, whole or in parts
     */
    static List<PhiSpan> find(String text, Collection<String> knownNames) {
        List<PhiSpan> found = new ArrayList<>();
        all(found, text, EMAIL, PhiType.EMAIL, 0);
        all(found, text, URL, PhiType.URL, 0);
        Matcher ip = IPV4.matcher(text);
        while (ip.find()) {
            boolean valid = true;
            for (int g = 1; g <= 4; g++) {
                valid &= Integer.parseInt(ip.group(g)) <= 255;
            }
            if (valid) {
                add(found, text, PhiType.IP, ip.start(), ip.end());
            }
        }
        all(found, text, IPV6, PhiType.IP, 0);
        Matcher ssn = SSN.matcher(text);
        while (ssn.find()) {
            int g = ssn.group(1) != null ? 1 : 0;
            add(found, text, PhiType.SSN, ssn.start(g), ssn.end(g));
        }
        Matcher cued = CUED_NUMBER.matcher(text);
        while (cued.find()) {
            PhiType type = cued.group("mrn") != null ? PhiType.MRN : cued.group("account") != null ? PhiType.ACCOUNT
                    : cued.group("license") != null ? PhiType.LICENSE : cued.group("device") != null ? PhiType.DEVICE
                    : cued.group("vehicle") != null ? PhiType.VEHICLE : PhiType.ID;
            if (cued.group("value").chars().anyMatch(Character::isDigit)) {
                add(found, text, type, cued.start("value"), cued.end("value"));
            }
        }
        Matcher id = CN_ID.matcher(text);
        while (id.find()) {
            String value = id.group(1);
            boolean cue = text.substring(Math.max(0, id.start() - 8), id.start()).matches("(?s).*(身份证|证件|ID|id).*");
            if (value.length() == 18 && residentIdValid(value) || cue) {
                add(found, text, PhiType.ID, id.start(1), id.end(1));
            }
        }
        all(found, text, VIN, PhiType.VEHICLE, 0);
        all(found, text, CN_PLATE, PhiType.VEHICLE, 0);
        phones(found, text);
        dates(found, text);
        Matcher age = AGE.matcher(text);
        while (age.find()) {
            for (int g = 1; g <= age.groupCount(); g++) {
                if (age.group(g) != null) {
                    add(found, text, PhiType.AGE, age.start(g), age.end(g));
                    break;
                }
            }
        }
        addresses(found, text);
        names(found, text, knownNames);
        all(found, text, LONG_NUMBER, PhiType.ID, 0);
        all(found, text, CODE, PhiType.ID, 0);
        return resolve(found);
    }

    /** Replaces every identifier; the mapping keeps what each placeholder stands for. */
    static Result deidentify(String text, Collection<String> knownNames, PhiMapping mapping, DateMode dates,
                             int shiftDays) {
        List<PhiSpan> spans = find(text, knownNames);
        StringBuilder out = new StringBuilder(text.length());
        int at = 0;
        for (PhiSpan span : spans) {
            out.append(text, at, span.start());
            out.append(replacement(span, mapping, dates, shiftDays));
            at = span.end();
        }
        out.append(text.substring(at));
        return new Result(out.toString(), spans);
    }

    /** Placeholders only: what a model may see. */
    static String guard(String text, Collection<String> knownNames, PhiMapping mapping) {
        return deidentify(text, knownNames, mapping, DateMode.PLACEHOLDER, 0).text();
    }

    private static String replacement(PhiSpan span, PhiMapping mapping, DateMode dates, int shiftDays) {
        if (span.type() == PhiType.DATE && dates != DateMode.PLACEHOLDER) {
            LocalDate date = DateParsing.parse(span.text());
            if (date != null) {
                mapping.count(PhiType.DATE);
                if (dates == DateMode.YEAR) {
                    return String.valueOf(date.getYear());
                }
                LocalDate shifted = date.plusDays(shiftDays);
                return DateParsing.hasYear(span.text()) ? shifted.toString()
                        : shifted.format(DateTimeFormatter.ofPattern("MMMM d", Locale.ENGLISH));
            }
        }
        return mapping.placeholder(span.type(), span.text());
    }

    // ---- detectors -------------------------------------------------------------------------------------

    private static void phones(List<PhiSpan> found, String text) {
        for (Pattern pattern : List.of(PHONE_US, PHONE_CN)) {
            Matcher m = pattern.matcher(text);
            while (m.find()) {
                add(found, text, faxOrPhone(text, m.start()), m.start(), m.end());
            }
        }
        Matcher cue = PHONE_CUE.matcher(text);
        while (cue.find()) {
            String digits = cue.group(1).replaceAll("\\D", "");
            if (digits.length() >= 7) {
                add(found, text, faxOrPhone(text, cue.start(1)), cue.start(1), cue.end(1));
            }
        }
    }

    private static PhiType faxOrPhone(String text, int start) {
        return FAX_CUE.matcher(text.substring(Math.max(0, start - 20), start)).find() ? PhiType.FAX : PhiType.PHONE;
    }

    private static void dates(List<PhiSpan> found, String text) {
        all(found, text, DATE_NUMERIC, PhiType.DATE, 0);
        Matcher words = DATE_WORDS.matcher(text);
        while (words.find()) {
            String match = words.group();
            // "may" and "march" are also verbs: a bare month word needs a number or ordinal next to it.
            if (!match.matches("(?is)may\\s+(?:be|have|not|also|need|want).*")) {
                add(found, text, PhiType.DATE, words.start(), words.end());
            }
        }
        all(found, text, DATE_CN, PhiType.DATE, 0);
        all(found, text, DATE_CUE, PhiType.DATE, 1);
    }

    private static void addresses(List<PhiSpan> found, String text) {
        all(found, text, STREET, PhiType.ADDRESS, 0);
        Matcher city = CITY_STATE_ZIP.matcher(text);
        while (city.find()) {
            if (!NameLexicon.isRole(city.group(1))) {
                add(found, text, PhiType.ADDRESS, city.start(1), city.end(1));
            }
            if (city.group(2) != null) {
                add(found, text, PhiType.ZIP, city.start(2), city.end(2));
            }
        }
        all(found, text, ZIP_CUE, PhiType.ZIP, 1);
        Matcher cue = ADDRESS_CUE.matcher(text);
        while (cue.find()) {
            if (cue.group(1).chars().anyMatch(Character::isDigit) && !STREET.matcher(cue.group(1)).find()) {
                add(found, text, PhiType.ADDRESS, cue.start(1), cue.end(1));
            }
        }
        // Provinces are above the state level Safe Harbor allows to keep; everything below them goes.
        Matcher cn = ADDRESS_CN_CUE.matcher(text);
        while (cn.find()) {
            add(found, text, PhiType.ADDRESS, cn.start(2), cn.end(2));
        }
        Matcher bare = ADDRESS_CN.matcher(text);
        while (bare.find()) {
            String match = bare.group();
            int province = Math.max(match.lastIndexOf('省') + 1, match.contains("自治区") ? match.indexOf("自治区") + 3 : 0);
            add(found, text, PhiType.ADDRESS, bare.start() + province, bare.end());
        }
    }

    private static void names(List<PhiSpan> found, String text, Collection<String> knownNames) {
        Set<String> names = new LinkedHashSet<>();
        for (String known : knownNames) {
            if (known == null || known.isBlank()) {
                continue;
            }
            String k = known.strip();
            names.add(k);
            if (!hasHan(k)) {
                for (String part : k.split("[\\s,.]+")) {
                    if (part.length() >= 2 && !NameLexicon.notAName(part)) {
                        names.add(part);
                    }
                }
            } else if (k.length() >= 3) {
                names.add(k.substring(1)); // the given name alone, as relatives say it
            }
        }
        Matcher title = TITLE_NAME.matcher(text);
        while (title.find()) {
            String first = title.group(1);
            boolean capital = Character.isUpperCase(first.charAt(0));
            if (!NameLexicon.notAName(first) && (capital || NameLexicon.isSurname(first) || NameLexicon.isGiven(first)
                    || title.group().contains("."))) {
                names.add(title.group(2) != null ? first + " " + title.group(2) : first);
            }
        }
        Matcher cue = NAME_CUE.matcher(text);
        while (cue.find()) {
            String first = cue.group(1);
            if (!NameLexicon.notAName(first) && (Character.isUpperCase(first.charAt(0)) || NameLexicon.isGiven(first))) {
                String second = cue.group(2);
                boolean both = second != null && !NameLexicon.notAName(second)
                        && (Character.isUpperCase(second.charAt(0)) || NameLexicon.isSurname(second));
                names.add(both ? first + " " + second : first);
            }
        }
        Matcher greeting = GREETING_OR_RELATION.matcher(text);
        while (greeting.find()) {
            boolean field = greeting.group(3) != null;
            String first = field ? greeting.group(3) : greeting.group(1);
            if (!NameLexicon.notAName(first) && !NameLexicon.isRole(first) && !sectionWord(first)) {
                String second = field ? greeting.group(4) : greeting.group(2);
                names.add(second != null && !NameLexicon.notAName(second) && !NameLexicon.isRole(second)
                        ? first + " " + second : first);
            }
        }
        Map<String, Long> labels = new java.util.HashMap<>();
        Matcher speaker = SPEAKER.matcher(text);
        while (speaker.find()) {
            labels.merge(speaker.group(1), 1L, Long::sum);
        }
        labels.forEach((label, count) -> {
            String first = label.split("\\s")[0];
            if (!NameLexicon.isRole(first) && !NameLexicon.isRole(label.replace(' ', '_'))
                    && Character.isUpperCase(first.charAt(0))
                    && (NameLexicon.isGiven(first) || NameLexicon.isSurname(first) || count >= 2 && !label.contains(" ")
                        && !sectionWord(label))) {
                names.add(label);
            }
        });
        Matcher subject = PERSON_SUBJECT.matcher(text);
        while (subject.find()) {
            String first = subject.group(1) != null ? subject.group(1) : subject.group(3);
            String second = subject.group(1) != null ? subject.group(2) : subject.group(4);
            if (!NameLexicon.notAName(first) && !NameLexicon.notAName(second) && !NameLexicon.isRole(first)
                    && !NameLexicon.isRole(second) && !sectionWord(first)) {
                names.add(first + " " + second);
            }
        }
        Matcher pair = CAPITALISED_PAIR.matcher(text);
        while (pair.find()) {
            if (NameLexicon.isGiven(pair.group(1)) && !NameLexicon.notAName(pair.group(2))) {
                names.add(pair.group(1) + " " + pair.group(2));
            }
        }
        boolean lowerCased = text.chars().filter(Character::isUpperCase).count() * 50 < text.length();
        Matcher word = WORD.matcher(text);
        while (word.find()) {
            String w = word.group();
            if (NameLexicon.isGiven(w) && (!NameLexicon.isAmbiguous(w) && (Character.isUpperCase(w.charAt(0)) || lowerCased))) {
                names.add(w);
            }
        }
        chineseNames(text, names);

        // A capitalised word just before a known surname is its given name ("the chart of Tobias Haddad").
        for (String name : List.copyOf(names)) {
            if (!hasHan(name) && !name.contains(" ") && Character.isUpperCase(name.charAt(0))) {
                Matcher before = Pattern.compile("\\b([A-Z][a-z'-]+)\\s+" + Pattern.quote(name) + "\\b").matcher(text);
                while (before.find()) {
                    String given = before.group(1);
                    if (!NameLexicon.notAName(given) && !NameLexicon.isRole(given) && !sectionWord(given)
                            && !given.matches("(?i)mr|mrs|ms|miss|dr|prof|doctor|nurse|hello|hi|dear|patient")) {
                        names.add(given + " " + name);
                    }
                }
            }
        }
        // No token of a name is an everyday word or a contraction ("I'm"); O'Brien keeps its apostrophe.
        names.removeIf(name -> !hasHan(name) && !knownNames.contains(name) && java.util.Arrays.stream(name.split("\\s+"))
                .anyMatch(t -> NameLexicon.notAName(t) || sectionWord(t) || t.contains("'") && !t.matches("[OD]'[A-Z][a-z]+")
                        || t.matches("(?i)whenever|however|because|although|also|maybe|sometimes")));
        // Each name found once is removed everywhere, in its parts too ("Mr. Brian White" ... "Brian").
        Set<String> expanded = new LinkedHashSet<>(names);
        for (String name : names) {
            if (!hasHan(name)) {
                for (String part : name.split("\\s+")) {
                    if (part.length() >= 3 && !NameLexicon.notAName(part) && !NameLexicon.isAmbiguous(part)) {
                        expanded.add(part);
                    }
                }
            }
        }
        List<String> ordered = new ArrayList<>(expanded);
        ordered.sort(Comparator.comparingInt(String::length).reversed());
        for (String name : ordered) {
            // A lone surname is a name only before an honorific (王先生), never inside other words (行李).
            Pattern p = hasHan(name) && name.length() == 1
                    ? Pattern.compile(Pattern.quote(name) + "(?=" + NameLexicon.CHINESE_HONORIFICS + ")")
                    : hasHan(name) ? Pattern.compile(Pattern.quote(name))
                    : Pattern.compile("(?<![A-Za-z])" + Pattern.quote(name) + "(?![A-Za-z])", I);
            Matcher m = p.matcher(text);
            while (m.find()) {
                add(found, text, PhiType.NAME, m.start(), m.end());
            }
        }
    }

    private static boolean sectionWord(String label) {
        return label.matches("(?i)(?:subjective|objective|assessment|plan|impression|findings|technique|history|"
                + "medications|allergies|indication|comparison|exam|results|labs|diagnosis|procedure|note|summary|"
                + "recommendations?|disposition|course|reason|signed|dictated|transcribed|cc|hpi|ros|pmh|psh|fh|sh|"
                + "constitutional|cardiovascular|cardiac|respiratory|pulmonary|gastrointestinal|gi|genitourinary|gu|"
                + "musculoskeletal|msk|neurological|neurologic|neuro|psychiatric|psych|skin|integumentary|heent|head|eyes?|"
                + "ears?|nose|throat|neck|chest|lungs?|heart|abdomen|abdominal|extremities|back|spine|hematologic|"
                + "lymphatic|endocrine|allergic|immunologic|vitals?|general|ent|pelvic|rectal|breast|normocephalic|"
                + "medical reasoning|additional testing|medical treatment|patient education|counseling|impression|"
                + "education|treatment|testing|orders?|referrals?|prognosis|pain|imaging|x-ray|ct|mri|ekg|ecg)");
    }

    private static void chineseNames(String text, Set<String> names) {
        Matcher label = CN_LABEL_NAME.matcher(text);
        while (label.find()) {
            names.add(label.group(1));
        }
        Matcher greeting = CN_GREETING_OR_RELATION.matcher(text);
        while (greeting.find()) {
            if (greeting.group(1) != null && greeting.group(1).length() >= 2) {
                names.add(greeting.group(1));
            } else if (greeting.group(2) != null) {
                String candidate = greeting.group(2);
                for (int len = candidate.length(); len >= 2; len--) {
                    String rest = text.substring(greeting.start(2) + len, Math.min(text.length(), greeting.start(2) + len + 2));
                    if (CN_NAME_END.matcher(rest).find() || rest.matches("^[陪带送和跟].*")) {
                        names.add(candidate.substring(0, len));
                        break;
                    }
                }
            }
        }
        for (Pattern pattern : List.of(CN_NAME_CUE, CN_SPEAKER)) {
            Matcher m = pattern.matcher(text);
            while (m.find()) {
                String candidate = m.group(1);
                // Prefer the longest candidate that ends where a name can end.
                for (int len = candidate.length(); len >= 2; len--) {
                    String name = candidate.substring(0, len);
                    String rest = text.substring(m.start(1) + len, Math.min(text.length(), m.start(1) + len + 2));
                    if (CN_NAME_END.matcher(rest).find() && !NameLexicon.CHINESE_ROLES.contains(name)) {
                        names.add(name);
                        break;
                    }
                }
            }
        }
        Matcher honorific = CN_HONORIFIC.matcher(text);
        while (honorific.find()) {
            String name = honorific.group(1);
            int before = honorific.start() - 1;
            // "张先生" but not "主张先生": the surname must not end a longer word.
            if (before < 0 || !Character.isIdeographic(text.charAt(before)) || "患者病人姓名家属".indexOf(text.charAt(before)) >= 0
                    || "的和与及给跟叫是，".indexOf(text.charAt(before)) >= 0) {
                names.add(name);
            }
        }
    }

    // ---- helpers ---------------------------------------------------------------------------------------

    /** Checks the ISO 7064 MOD 11-2 check character of an 18-character Chinese resident ID. */
    static boolean residentIdValid(String id) {
        if (!id.matches("\\d{17}[\\dXx]")) {
            return false;
        }
        int[] weights = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (id.charAt(i) - '0') * weights[i];
        }
        char check = "10X98765432".charAt(sum % 11);
        try {
            int year = Integer.parseInt(id.substring(6, 10));
            LocalDate.of(year, Integer.parseInt(id.substring(10, 12)), Integer.parseInt(id.substring(12, 14)));
        } catch (DateTimeException e) {
            return false;
        }
        return Character.toUpperCase(id.charAt(17)) == check;
    }

    private static boolean hasHan(String s) {
        return s.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
    }

    private static void all(List<PhiSpan> found, String text, Pattern pattern, PhiType type, int group) {
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            if (m.group(group) != null) {
                add(found, text, type, m.start(group), m.end(group));
            }
        }
    }

    private static void add(List<PhiSpan> found, String text, PhiType type, int start, int end) {
        while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        if (end > start) {
            found.add(new PhiSpan(type, start, end, text.substring(start, end)));
        }
    }

    /** Earliest first, then longest; a span inside or across a kept one is dropped. */
    private static List<PhiSpan> resolve(List<PhiSpan> found) {
        List<PhiSpan> sorted = new ArrayList<>(found);
        sorted.sort(Comparator.comparingInt(PhiSpan::start).thenComparing(s -> -(s.end() - s.start())));
        List<PhiSpan> kept = new ArrayList<>();
        for (PhiSpan span : sorted) {
            if (kept.isEmpty() || !kept.get(kept.size() - 1).overlaps(span)) {
                kept.add(span);
            }
        }
        return kept;
    }
}
