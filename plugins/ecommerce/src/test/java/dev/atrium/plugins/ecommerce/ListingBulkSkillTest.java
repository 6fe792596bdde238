package dev.atrium.plugins.ecommerce;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atrium.documents.OfficeDocumentKit;
import dev.atrium.sdk.BadInputException;
import dev.atrium.sdk.Media;
import dev.atrium.sdk.document.ExtractedDocument;
import dev.atrium.sdk.document.Table;
import dev.atrium.sdk.document.Workbook;
import dev.atrium.sdk.testkit.FakeModelGateway;
import dev.atrium.sdk.testkit.SkillHarness;
import dev.atrium.sdk.testkit.SkillRun;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Catalogues in, listings.xlsx out; bad rows are reported and do not stop the run. */
class ListingBulkSkillTest {

    static final String CSV = """
            sku,brand,category,Product Type,Material,Color,Capacity,attributes
            K-1,Hearthwell,Kitchen,Electric Kettle,Copper,Brushed Copper,1.7 liters,
            K-2,Hearthwell,Kitchen,Tea Kettle,Stainless Steel,Silver,1.2 liters,"{\"\"Material\"\": \"\"Steel\"\""
            ,,,,,,,
            M-1,Brewly,Kitchen,Coffee Mug,Ceramic,White,350 ml,Dishwasher safe: yes
            """;

    static SkillHarness bulk(Media file) {
        return SkillHarness.of(new ListingBulkSkill()).models(new FakeModelGateway()).pluginId("ecommerce")
                .value("marketplace", "amazon").file("file", file).timeout(Duration.ofSeconds(120));
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyGoodRowIsListedAndABadRowIsReportedWithoutFailingTheRun() {
        SkillRun run = bulk(Media.ofText("catalogue.csv", "text/csv", CSV)).run();

        assertThat(run.succeeded()).as(run.toString()).isTrue();
        Map<String, Object> r = run.resultMap();
        assertThat(r).containsEntry("rows", 3).containsEntry("succeeded", 2).containsEntry("compliant", 2L);
        List<Map<String, Object>> failed = (List<Map<String, Object>>) r.get("failed");
        assertThat(failed).singleElement().satisfies(f -> {
            assertThat(f).containsEntry("row", 3).containsEntry("sku", "K-2");
            assertThat((String) f.get("error")).contains("JSON");
        });
        assertThat(run.progress()).filteredOn(p -> p.message().startsWith("row ")).hasSize(3);

        ExtractedDocument xlsx = new OfficeDocumentKit().read(run.artifact("listings.xlsx"));
        Table listings = xlsx.tables().stream().filter(t -> t.name().equals("listings")).findFirst().orElseThrow();
        assertThat(listings.headers()).startsWith("Row", "SKU", "Title", "Bullet 1").contains("Compliance");
        assertThat(listings.rows()).hasSize(2);
        assertThat(listings.rows().get(0).get(1)).isEqualTo("K-1");
        assertThat((String) listings.rows().get(0).get(2)).startsWith("Hearthwell Electric Kettle").contains("Copper");
        assertThat(listings.rows().get(1).get(2).toString()).startsWith("Brewly Coffee Mug").contains("Ceramic");
        int compliance = listings.headers().indexOf("Compliance");
        assertThat(listings.rows()).allSatisfy(row -> assertThat(row.get(compliance)).isEqualTo("complies"));
        Table errors = xlsx.tables().stream().filter(t -> t.name().equals("errors")).findFirst().orElseThrow();
        assertThat(errors.rows()).hasSize(1);
    }

    @Test
    void anXlsxCatalogueOfAThousandRowsIsListedInFull() {
        List<List<Object>> rows = new ArrayList<>();
        String[] materials = {"Copper", "Cotton", "Bamboo", "Ceramic", "Leather"};
        for (int i = 0; i < 1000; i++) {
            rows.add(List.of("P-" + i, "Brand" + (i % 7), "Home", "Product " + (i % 13), materials[i % 5],
                    (long) (10 + i % 90) + " cm", (double) (1 + i % 4) / 2));
        }
        Media xlsx = new OfficeDocumentKit().writeXlsx("catalogue.xlsx", new Workbook(List.of(new Table("products",
                List.of("sku", "brand", "category", "Product Type", "Material", "Length", "Weight (kg)"), rows)), List.of()));

        SkillRun run = bulk(xlsx).run();

        assertThat(run.succeeded()).as(run.toString()).isTrue();
        assertThat(run.resultMap()).containsEntry("rows", 1000).containsEntry("succeeded", 1000)
                .containsEntry("compliant", 1000L);
        assertThat(run.progress()).filteredOn(p -> p.message().startsWith("row ")).hasSize(1000);
    }

    @Test
    void aCatalogueWithoutProductRowsIsABadInput() {
        SkillRun headerOnly = bulk(Media.ofText("empty.csv", "text/csv", "sku,brand,Material\n")).run();
        assertThat(headerOnly.error()).get().isInstanceOf(BadInputException.class)
                .extracting(Throwable::getMessage).asString().contains("no product rows");

        SkillRun empty = bulk(Media.ofText("empty.csv", "text/csv", "")).run();
        assertThat(empty.error()).get().isInstanceOf(BadInputException.class);
    }
}
