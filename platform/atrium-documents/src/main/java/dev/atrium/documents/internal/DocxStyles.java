package dev.atrium.documents.internal;

import java.math.BigInteger;
import org.apache.poi.xwpf.usermodel.XWPFAbstractNum;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFNumbering;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTAbstractNum;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTDocDefaults;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTFonts;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTInd;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTLvl;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPPrGeneral;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTRPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSpacing;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTStyle;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTStyles;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STJc;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STLineSpacingRule;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STNumberFormat;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STStyleType;

/**
 * The styles part and bullet numbering of a written Word document. Headings use Word's built-in names
 * ({@code heading 1}…) and outline levels, so the navigation pane and a table of contents find them; the
 * East Asian font is set so Chinese text renders in a CJK face.
 */
final class DocxStyles {

    static final String TITLE = "Title";
    static final String LIST = "ListParagraph";
    static final String[] HEADINGS = {"Heading1", "Heading2", "Heading3"};

    private static final String LATIN_FONT = "Calibri";
    private static final String EAST_ASIAN_FONT = "Microsoft YaHei";
    private static final String HEADING_COLOR = "1F3864";

    private DocxStyles() {
    }

    /** Adds the styles part with Normal, Title, Heading 1-3 and List Paragraph. */
    static void install(XWPFDocument document) {
        CTStyles styles = CTStyles.Factory.newInstance();
        defaults(styles.addNewDocDefaults());

        CTStyle normal = paragraphStyle(styles, "Normal", "Normal", null);
        normal.setDefault(Boolean.TRUE);
        paragraphStyle(styles, LIST, "List Paragraph", "Normal").getPPr().addNewSpacing().setAfter(BigInteger.valueOf(60));

        CTStyle title = paragraphStyle(styles, TITLE, "Title", "Normal");
        title.addNewQFormat();
        spacing(title.getPPr(), 0, 240);
        font(title.addNewRPr(), 52, true, HEADING_COLOR);

        int[] sizes = {32, 26, 24};
        int[] before = {360, 240, 200};
        for (int i = 0; i < HEADINGS.length; i++) {
            CTStyle heading = paragraphStyle(styles, HEADINGS[i], "heading " + (i + 1), "Normal");
            heading.addNewQFormat();
            heading.addNewUiPriority().setVal(BigInteger.valueOf(9));
            heading.getPPr().addNewKeepNext();
            heading.getPPr().addNewKeepLines();
            spacing(heading.getPPr(), before[i], 120);
            heading.getPPr().addNewOutlineLvl().setVal(BigInteger.valueOf(i));
            font(heading.addNewRPr(), sizes[i], true, HEADING_COLOR);
        }
        document.createStyles().setStyles(styles);
    }

    /** Adds a one-level-per-indent bullet list definition and returns the numbering id paragraphs refer to. */
    static BigInteger bulletNumbering(XWPFDocument document) {
        CTAbstractNum bullets = CTAbstractNum.Factory.newInstance();
        bullets.setAbstractNumId(BigInteger.ZERO);
        String[] symbols = {"\u2022", "\u25E6", "\u25AA"};
        for (int level = 0; level < symbols.length; level++) {
            CTLvl lvl = bullets.addNewLvl();
            lvl.setIlvl(BigInteger.valueOf(level));
            lvl.addNewStart().setVal(BigInteger.ONE);
            lvl.addNewNumFmt().setVal(STNumberFormat.BULLET);
            lvl.addNewLvlText().setVal(symbols[level]);
            lvl.addNewLvlJc().setVal(STJc.LEFT);
            CTInd indent = lvl.addNewPPr().addNewInd();
            indent.setLeft(BigInteger.valueOf(360L * (level + 2)));
            indent.setHanging(BigInteger.valueOf(360));
        }
        XWPFNumbering numbering = document.createNumbering();
        BigInteger abstractId = numbering.addAbstractNum(new XWPFAbstractNum(bullets, numbering));
        return numbering.addNum(abstractId);
    }

    private static void defaults(CTDocDefaults defaults) {
        CTRPr run = defaults.addNewRPrDefault().addNewRPr();
        CTFonts fonts = run.addNewRFonts();
        fonts.setAscii(LATIN_FONT);
        fonts.setHAnsi(LATIN_FONT);
        fonts.setCs(LATIN_FONT);
        fonts.setEastAsia(EAST_ASIAN_FONT);
        run.addNewSz().setVal(BigInteger.valueOf(22));
        run.addNewSzCs().setVal(BigInteger.valueOf(22));
        run.addNewLang().setEastAsia("zh-CN");
        CTSpacing spacing = defaults.addNewPPrDefault().addNewPPr().addNewSpacing();
        spacing.setAfter(BigInteger.valueOf(120));
        spacing.setLine(BigInteger.valueOf(276));
        spacing.setLineRule(STLineSpacingRule.AUTO);
    }

    private static CTStyle paragraphStyle(CTStyles styles, String id, String name, String basedOn) {
        CTStyle style = styles.addNewStyle();
        style.setType(STStyleType.PARAGRAPH);
        style.setStyleId(id);
        style.addNewName().setVal(name);
        if (basedOn != null) {
            style.addNewBasedOn().setVal(basedOn);
            style.addNewNext().setVal("Normal");
        }
        style.addNewPPr();
        return style;
    }

    private static void spacing(CTPPrGeneral paragraph, int before, int after) {
        CTSpacing spacing = paragraph.addNewSpacing();
        spacing.setBefore(BigInteger.valueOf(before));
        spacing.setAfter(BigInteger.valueOf(after));
    }

    private static void font(CTRPr run, int halfPoints, boolean bold, String color) {
        if (bold) {
            run.addNewB();
            run.addNewBCs();
        }
        run.addNewColor().setVal(color);
        run.addNewSz().setVal(BigInteger.valueOf(halfPoints));
        run.addNewSzCs().setVal(BigInteger.valueOf(halfPoints));
    }
}
