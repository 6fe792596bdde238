package dev.atrium.plugins.ecommerce;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The offline English-to-Chinese glossary for Taobao and JD listings: attribute names, colours, materials,
 * units and common product types. It translates words it knows and keeps the rest (brands, model numbers,
 * rare terms) as written; a remote model translates everything.
 */
final class Chinese {

    private static final Map<String, String> GLOSSARY = glossary();
    private static final Pattern TERMS = terms();

    private Chinese() {
    }

    /** The text with every known English term in Chinese; numbers and unknown words unchanged. */
    static String translate(String text) {
        if (text == null || text.isBlank()) {
            return text;
        }
        Matcher m = TERMS.matcher(text.replaceAll("(?i)(\\d+)\\s*-?\\s*(?:pack|pcs|pieces|count)\\b", "$1件装"));
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(GLOSSARY.get(m.group().toLowerCase(Locale.ROOT))));
        }
        m.appendTail(out);
        // Glued Chinese words need no spaces between them, a number and its Chinese unit neither.
        return out.toString().replaceAll("(?<=[\\p{IsHan}])\\s+(?=[\\p{IsHan}])", "")
                .replaceAll("(?<=\\d)\\s+(?=[\\p{IsHan}])", "").replace(",", "，").replaceAll("，\\s+", "，");
    }

    /** English words of the text the glossary lacks, so the skill can say what stayed in English. */
    static List<String> untranslated(String text) {
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile("[A-Za-z]{3,}").matcher(translate(text));
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }

    private static Pattern terms() {
        List<String> keys = new ArrayList<>(GLOSSARY.keySet());
        keys.sort(Comparator.comparingInt(String::length).reversed());
        StringBuilder p = new StringBuilder("(?i)(?<![A-Za-z])(?:");
        for (int i = 0; i < keys.size(); i++) {
            p.append(i == 0 ? "" : "|").append(Pattern.quote(keys.get(i)));
        }
        return Pattern.compile(p.append(")(?![A-Za-z])").toString());
    }

    private static Map<String, String> glossary() {
        Map<String, String> g = new LinkedHashMap<>();
        String[][] pairs = {
            // attribute names
            {"color", "颜色"}, {"colour", "颜色"}, {"color name", "颜色"}, {"material", "材质"}, {"material type", "材质"},
            {"fabric type", "面料"}, {"size", "尺寸"}, {"item weight", "重量"}, {"weight", "重量"},
            {"product dimensions", "产品尺寸"}, {"dimensions", "尺寸"}, {"item dimensions", "产品尺寸"},
            {"capacity", "容量"}, {"power", "功率"}, {"wattage", "功率"}, {"voltage", "电压"}, {"style", "风格"},
            {"pattern", "图案"}, {"shape", "形状"}, {"number of items", "数量"}, {"quantity", "数量"},
            {"unit count", "数量"}, {"manufacturer", "制造商"}, {"item model number", "型号"}, {"model", "型号"},
            {"model number", "型号"}, {"manufacturer part number", "零件号"}, {"special feature", "特点"},
            {"features", "特点"}, {"feature", "特点"}, {"care instructions", "保养说明"}, {"battery", "电池"},
            {"length", "长度"}, {"width", "宽度"}, {"height", "高度"}, {"age range", "适用年龄"}, {"finish type", "表面处理"},
            {"number of fasteners", "钉数"}, {"sheet capacity", "装订页数"}, {"included components", "包含配件"},
            {"power source", "电源"}, {"connectivity technology", "连接方式"}, {"target audience", "适用人群"},
            // colours
            {"black", "黑色"}, {"white", "白色"}, {"red", "红色"}, {"blue", "蓝色"}, {"navy", "藏青色"},
            {"navy blue", "藏青色"}, {"green", "绿色"}, {"yellow", "黄色"}, {"grey", "灰色"}, {"gray", "灰色"},
            {"pink", "粉色"}, {"purple", "紫色"}, {"brown", "棕色"}, {"beige", "米色"}, {"orange", "橙色"},
            {"gold", "金色"}, {"silver", "银色"}, {"clear", "透明"}, {"transparent", "透明"}, {"multicolor", "多色"},
            // materials
            {"copper", "铜"}, {"brass", "黄铜"}, {"stainless steel", "不锈钢"}, {"steel", "钢"}, {"iron", "铁"},
            {"aluminum", "铝"}, {"aluminium", "铝"}, {"aluminum alloy", "铝合金"}, {"titanium", "钛"}, {"metal", "金属"},
            {"alloy", "合金"}, {"cotton", "棉"}, {"polyester", "涤纶"}, {"nylon", "尼龙"}, {"spandex", "氨纶"},
            {"wool", "羊毛"}, {"cashmere", "羊绒"}, {"silk", "真丝"}, {"linen", "亚麻"}, {"leather", "皮革"},
            {"genuine leather", "真皮"}, {"plastic", "塑料"}, {"silicone", "硅胶"}, {"rubber", "橡胶"}, {"wood", "木"},
            {"solid wood", "实木"}, {"bamboo", "竹"}, {"glass", "玻璃"}, {"ceramic", "陶瓷"}, {"marble", "大理石"},
            {"paper", "纸"},
            // units
            {"ounces", "盎司"}, {"ounce", "盎司"}, {"oz", "盎司"}, {"inches", "英寸"}, {"inch", "英寸"},
            {"pounds", "磅"}, {"pound", "磅"}, {"lbs", "磅"}, {"grams", "克"}, {"gram", "克"}, {"kilograms", "千克"},
            {"centimeters", "厘米"}, {"centimetres", "厘米"}, {"cm", "厘米"}, {"millimeters", "毫米"}, {"mm", "毫米"},
            {"milliliters", "毫升"}, {"ml", "毫升"}, {"liters", "升"}, {"watts", "瓦"}, {"volts", "伏"},
            {"pieces", "件"}, {"pack", "装"}, {"hours", "小时"},
            // sizes and common words
            {"small", "小号"}, {"medium", "中号"}, {"large", "大号"}, {"extra large", "加大号"}, {"one size", "均码"},
            {"men", "男士"}, {"women", "女士"}, {"kids", "儿童"}, {"unisex", "男女通用"}, {"waterproof", "防水"},
            {"portable", "便携"}, {"wireless", "无线"}, {"rechargeable", "可充电"}, {"non-slip", "防滑"},
            {"adjustable", "可调节"}, {"foldable", "可折叠"}, {"dimmable", "可调光"}, {"office", "办公"},
            {"school", "学校"}, {"supplies", "用品"}, {"home", "家居"}, {"kitchen", "厨房"}, {"bathroom", "浴室"},
            {"smart home", "智能家居"}, {"products", "产品"}, {"and", "和"},
            // product types
            {"stapler", "订书机"}, {"staples", "订书钉"}, {"mirror", "镜子"}, {"lamp", "灯"}, {"light", "灯"},
            {"t-shirt", "T恤"}, {"shirt", "衬衫"}, {"dress", "连衣裙"}, {"jacket", "夹克"}, {"coat", "外套"},
            {"pants", "裤子"}, {"jeans", "牛仔裤"}, {"shoes", "鞋"}, {"sneakers", "运动鞋"}, {"bag", "包"},
            {"backpack", "双肩包"}, {"wallet", "钱包"}, {"watch", "手表"}, {"headphones", "耳机"}, {"earbuds", "耳机"},
            {"charger", "充电器"}, {"cable", "数据线"}, {"phone case", "手机壳"}, {"case", "保护壳"}, {"mug", "马克杯"},
            {"cup", "杯子"}, {"bottle", "瓶"}, {"water bottle", "水杯"}, {"pan", "平底锅"}, {"pot", "锅"},
            {"knife", "刀"}, {"chair", "椅子"}, {"table", "桌子"}, {"desk", "书桌"}, {"pillow", "枕头"},
            {"blanket", "毯子"}, {"towel", "毛巾"}, {"toy", "玩具"}, {"book", "书"}, {"notebook", "笔记本"},
            {"pen", "笔"}, {"pencil", "铅笔"}, {"keyboard", "键盘"}, {"mouse", "鼠标"}, {"speaker", "音箱"},
            {"camera", "相机"}, {"socks", "袜子"}, {"hat", "帽子"}, {"scarf", "围巾"}, {"gloves", "手套"},
        };
        for (String[] p : pairs) {
            g.put(p[0], p[1]);
        }
        return g;
    }
}
