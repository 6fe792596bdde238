package dev.atrium.plugins.ecommerce.eval;

import dev.atrium.documents.OfficeDocumentKit;
import dev.atrium.plugins.ecommerce.ListingBulkSkill;
import dev.atrium.sdk.Media;
import dev.atrium.sdk.document.Table;
import dev.atrium.sdk.document.Workbook;
import dev.atrium.sdk.testkit.FakeModelGateway;
import dev.atrium.sdk.testkit.SkillHarness;
import dev.atrium.sdk.testkit.SkillRun;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** {@code listing-bulk} offline on 1,000 generated catalogue rows (no data set needed): listings per second. */
final class BulkBenchmark {

    private BulkBenchmark() {
    }

    static void run(int rows, PrintStream out) {
        String[] materials = {"Copper", "Organic Cotton", "Bamboo", "Ceramic", "Leather", "Stainless Steel"};
        String[] colours = {"Black", "White", "Navy Blue", "Forest Green", "Red"};
        String[] types = {"Water Bottle", "T-Shirt", "Cutting Board", "Coffee Mug", "Wallet", "Desk Lamp"};
        List<List<Object>> data = new ArrayList<>();
        for (int i = 0; i < rows; i++) {
            data.add(List.of("SKU-" + i, "Brand" + (i % 17), "Home", types[i % types.length],
                    materials[i % materials.length], colours[i % colours.length], (long) (5 + i % 60) + " cm",
                    (1 + i % 9) / 4.0 + " pounds", (long) (1 + i % 4), "Dishwasher safe; gift box included"));
        }
        Media xlsx = new OfficeDocumentKit().writeXlsx("catalogue.xlsx", new Workbook(List.of(new Table("products",
                List.of("sku", "brand", "category", "Product Type", "Material", "Color", "Length", "Item Weight",
                        "Number of Items", "Features"), data)), List.of()));
        for (int round = 1; round <= 2; round++) {
            long start = System.nanoTime();
            SkillRun run = SkillHarness.of(new ListingBulkSkill()).models(new FakeModelGateway())
                    .value("marketplace", "amazon").file("file", xlsx).timeout(Duration.ofMinutes(10)).run();
            double seconds = (System.nanoTime() - start) / 1e9;
            if (!run.succeeded()) {
                out.println("bulk run failed: " + run.error().map(Throwable::getMessage).orElse("?"));
                return;
            }
            out.printf("round %d: %d rows, %s listed, %s compliant, %.2f s, %.0f listings/s (reading the XLSX and "
                    + "writing listings.xlsx included)%n", round, rows, run.resultMap().get("succeeded"),
                    run.resultMap().get("compliant"), seconds, rows / seconds);
        }
    }
}
