package dev.atrium.plugins.office;

import dev.atrium.sdk.InputSpec;
import dev.atrium.sdk.OutputSpec;
import dev.atrium.sdk.Skill;
import dev.atrium.sdk.SkillContext;
import dev.atrium.sdk.SkillEvent;
import dev.atrium.sdk.SkillInput;
import dev.atrium.sdk.SkillSpec;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.pf4j.Extension;
import reactor.core.publisher.Flux;

/**
 * The expense report again after a person reviewed what {@code expenses} read: corrected fields and each
 * receipt's approval go in, the checks run again on the corrected values (arithmetic, policy, duplicates within
 * the report) and a new {@code expense-report.xlsx} comes out with an Approved column. Nothing is read again
 * and no model is called, so it takes a moment; duplicates of earlier reports found when the receipts were
 * read are kept, as the receipts are already in the tenant's index. Vendors typed in or approved become the
 * tenant's confirmed names ({@link KnownVendors}), which later readings are corrected to.
 */
@Extension
public class ExpenseReportSkill implements Skill {

    /** What produced the result: the reviewer's values and the plugin's rules. */
    static final String ENGINE = "embedded+review";

    private static final SkillSpec SPEC = SkillSpec.builder("expense-report")
            .title("Reviewed expense report")
            .description("Writes the expense report again from reviewed receipts: corrected fields and approvals, "
                    + "checked again for arithmetic, policy and duplicates.")
            .input(InputSpec.longText("receipts").label("Reviewed receipts").required()
                    .description("The receipts of an expenses result as JSON, with corrected fields (a bare value or "
                            + "{\"value\": …}) and \"approved\": true or false per receipt."))
            .input(InputSpec.text("employee").label("Employee").required()
                    .description("Whose expenses these are; named in the report."))
            .output(OutputSpec.artifact("expense-report.xlsx", ExpenseReport.XLSX,
                    "receipts with an Approved column, line items, totals by category (formulas) and flagged receipts"))
            .output(OutputSpec.result("receipts", "the receipts as given, with approved, checks and violations"))
            .output(OutputSpec.result("duplicates", "receipts claimed twice in this report"))
            .output(OutputSpec.result("totalsByCategory", "category -> currency -> total, of every receipt"))
            .output(OutputSpec.result("approvedTotalsByCategory", "category -> currency -> total, of approved receipts"))
            .output(OutputSpec.result("review", "fields still below the review confidence"))
            .output(OutputSpec.result("engine", "what produced the report"))
            .build();

    /** Creates the skill; the host instantiates it through PF4J. */
    public ExpenseReportSkill() {
    }

    @Override
    public SkillSpec spec() {
        return SPEC;
    }

    @Override
    public Flux<SkillEvent> run(SkillInput input, SkillContext context) {
        return Flux.create(sink -> {
            String employee = input.requireText("employee").strip();
            List<Receipt> receipts = ReviewedReceipts.parse(input.requireText("receipts"));
            ExpensePolicy policy = ExpensePolicy.from(context.settings());
            KnownVendors.remember(receipts, context.storage());
            sink.next(SkillEvent.progress(20, "checking " + receipts.size() + " reviewed receipts"));

            List<Map<String, Object>> review = ExpensesSkill.check(receipts, policy, LocalDate.now(context.clock()));
            List<Map<String, Object>> duplicates = DuplicateReceipts.withinBatch(receipts, policy);
            context.cancellation().throwIfCancelled();

            sink.next(SkillEvent.progress(60, "writing the report"));
            sink.next(SkillEvent.artifact(ExpenseReport.workbook(employee, receipts)));
            Map<String, Object> result = ExpensesSkill.result(employee, policy, receipts, duplicates, review);
            List<Receipt> approved = receipts.stream().filter(r -> Boolean.TRUE.equals(r.approved)).toList();
            result.put("approvedTotalsByCategory", ExpensesSkill.totalsByCategory(approved));
            result.put("approved", (long) approved.size());
            result.put("engine", ENGINE);
            sink.next(SkillEvent.progress(100, "done"));
            sink.next(SkillEvent.result(result));
            sink.complete();
        });
    }
}
