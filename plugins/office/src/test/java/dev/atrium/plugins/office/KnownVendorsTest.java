package dev.atrium.plugins.office;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atrium.sdk.testkit.InMemoryPluginStorage;
import dev.atrium.sdk.testkit.SkillHarness;
import dev.atrium.sdk.testkit.SkillRun;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Shop names the tenant's reviewers confirmed, and later readings corrected to them. */
class KnownVendorsTest {

    private static final List<String> KNOWN = List.of("TEO HENG STATIONERY & BOOKS", "MR D.I.Y. (M) SDN BHD",
            "UNIHAKKA INTERNATIONAL SDN BHD", "KEDAI ABC", "SAM SAM TRADING CO", "SAM SAM TRADING SO", "SHELL STATION 1 SDN BHD");

    @Test
    void aNameOcrReadALetterOrTwoOffIsTheConfirmedOne() {
        assertThat(KnownVendors.closest("TED HENG STATIONERY & BOOKS", KNOWN)).isEqualTo("TEO HENG STATIONERY & BOOKS");
        assertThat(KnownVendors.closest("fEO HENG STATIONERY & BODKS", KNOWN)).isEqualTo("TEO HENG STATIONERY & BOOKS");
        assertThat(KnownVendors.closest("MR DIY (M) SDN BHD", KNOWN)).as("punctuation aside").isEqualTo("MR D.I.Y. (M) SDN BHD");
    }

    @Test
    void anotherShopAShortNameOrTwoEquallyCloseNamesAreLeftAlone() {
        assertThat(KnownVendors.closest("TEO HENG HARDWARE SDN BHD", KNOWN)).isNull();
        assertThat(KnownVendors.closest("UNIHAKKA TRADING SDN BHD", KNOWN)).isNull();
        assertThat(KnownVendors.closest("KEDAI ABD", KNOWN)).as("8 letters and one apart: too short to tell").isNull();
        assertThat(KnownVendors.closest("SAM SAM TRADING GO", KNOWN)).as("CO or SO").isNull();
        assertThat(KnownVendors.closest("SHELL STATION 2 SDN BHD", KNOWN)).as("another branch").isNull();
    }

    @Test
    void aVendorTypedInOrApprovedInAReviewCorrectsTheNextReadingOfThatShop() throws Exception {
        InMemoryPluginStorage storage = new InMemoryPluginStorage();
        // The review: the reviewer typed the shop's name over what OCR read on the first receipt, and approved it.
        String reviewed = """
                [{"file": "r1.png", "vendor": "TEO HENG STATIONERY & BOOKS", "date": "2018-01-19",
                  "total": {"value": 10.00, "confidence": 0.9}, "currency": "MYR", "approved": true},
                 {"file": "r2.png", "vendor": {"value": "ALA SELANGO", "confidence": 0.4}, "date": "2018-01-20",
                  "total": 5.00, "currency": "MYR", "approved": false}]""";
        SkillRun review = SkillHarness.of(new ExpenseReportSkill()).storage(storage).clock(ExpensesSkillTest.CLOCK)
                .value("employee", "Dana Smith").value("receipts", reviewed).run();
        assertThat(review.succeeded()).as(review.toString()).isTrue();
        assertThat(storage.getText(KnownVendors.KEY)).as("the name typed in, not the unsure one nobody approved")
                .contains("TEO HENG STATIONERY & BOOKS");

        // The next receipt from that shop, its name read a letter off.
        ScriptedOcrModels ocr = new ScriptedOcrModels(
                RereadingTest.reading("TED HENG STATIONERY & BOOKS", 60, 93, 93, 92, 90), null);
        SkillRun next = SkillHarness.of(new ExpensesSkill()).models(ocr).storage(storage).clock(ExpensesSkillTest.CLOCK)
                .file("files", ScriptedOcrModels.blankPage()).value("employee", "Dana Smith").run();

        assertThat(next.succeeded()).as(next.toString()).isTrue();
        Map<String, Object> receipt = ExpensesSkillTest.receipts(next).get(0);
        assertThat(ExpensesSkillTest.value(receipt, "vendor")).isEqualTo("TEO HENG STATIONERY & BOOKS");
        assertThat(receipt.get("checks").toString()).contains("known-vendor", "TED HENG STATIONERY & BOOKS");

        // Without the review, the same reading stands.
        SkillRun fresh = SkillHarness.of(new ExpensesSkill()).models(ocr).storage(new InMemoryPluginStorage())
                .clock(ExpensesSkillTest.CLOCK).file("files", ScriptedOcrModels.blankPage())
                .value("employee", "Dana Smith").run();
        assertThat(ExpensesSkillTest.value(ExpensesSkillTest.receipts(fresh).get(0), "vendor"))
                .isEqualTo("TED HENG STATIONERY & BOOKS");
    }
}
