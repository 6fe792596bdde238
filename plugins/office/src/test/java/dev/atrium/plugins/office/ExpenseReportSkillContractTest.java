package dev.atrium.plugins.office;

import dev.atrium.sdk.Skill;
import dev.atrium.sdk.testkit.SkillContract;
import dev.atrium.sdk.testkit.SkillHarness;

/** The reviewed expense report meets the testkit's skill contract; it calls no model. */
class ExpenseReportSkillContractTest implements SkillContract {

    @Override
    public Skill skill() {
        return new ExpenseReportSkill();
    }

    @Override
    public SkillHarness withValidInput(SkillHarness harness) {
        return harness.value("employee", "Dana Smith").value("receipts", """
                [{"file": "cafe.png", "vendor": "Blue Harbor Cafe", "date": "2026-11-14", "currency": "USD",
                  "subtotal": 21.50, "tax": 1.72, "total": {"value": 23.22, "confidence": 0.9}, "category": "meals",
                  "approved": true}]""");
    }
}
