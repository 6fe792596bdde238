package dev.atrium.plugins.ecommerce;

import dev.atrium.sdk.BadInputException;
import dev.atrium.sdk.InputSpec;
import dev.atrium.sdk.Media;
import dev.atrium.sdk.OutputSpec;
import dev.atrium.sdk.RunCancelledException;
import dev.atrium.sdk.Skill;
import dev.atrium.sdk.SkillContext;
import dev.atrium.sdk.SkillEvent;
import dev.atrium.sdk.SkillException;
import dev.atrium.sdk.SkillInput;
import dev.atrium.sdk.SkillSpec;
import dev.atrium.sdk.SkillTimeoutException;
import dev.atrium.sdk.document.ExtractedDocument;
import dev.atrium.sdk.document.Table;
import dev.atrium.sdk.document.Workbook;
import dev.atrium.sdk.model.Capability;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.pf4j.Extension;
import reactor.core.publisher.Flux;

/**
 * Listings for a catalogue: a CSV or XLSX with one product per row in, {@code listings.xlsx} out with every field
 * and each row's compliance status. Columns named brand, category, keywords, attributes (JSON or free text) and
 * sku/id are read as such; every other column is an attribute. A row that cannot be listed is reported with its
 * error and the others go on.
 */
@Extension
public class ListingBulkSkill implements Skill {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private static final SkillSpec SPEC = SkillSpec.builder("listing-bulk")
            .title("Listings for a catalogue")
            .description("Writes a marketplace-ready listing for every row of a CSV or XLSX catalogue (one product per "
                    + "row, attribute columns) into listings.xlsx, with each row's compliance status.")
            .input(InputSpec.file("file").label("Catalogue").required()
                    .description("CSV or XLSX; the first row names the columns: brand, category, keywords, attributes, "
                            + "sku, and any attribute (Material, Color, Size, ...).")
                    .accept("text/csv", "application/csv", "text/plain", "text/tab-separated-values", XLSX,
                            "application/vnd.ms-excel")
                    .maxBytes(20L * 1024 * 1024))
            .input(InputSpec.choice("marketplace", RulePacks.MARKETPLACES.toArray(String[]::new))
                    .label("Marketplace").defaultValue("amazon"))
            .input(InputSpec.text("language").label("Language")
                    .description("en or zh offline; empty: the marketplace's language."))
            .input(InputSpec.choice("engine", "auto", "offline").label("Engine").defaultValue("auto")
                    .description("auto: the remote model when one is configured; offline: always the embedded composer."))
            .output(OutputSpec.artifact("listings.xlsx", XLSX, "one row per product: every field and its compliance"))
            .output(OutputSpec.result("rows", "product rows read"))
            .output(OutputSpec.result("succeeded", "rows listed"))
            .output(OutputSpec.result("failed", "rows that could not be listed: {row, error}"))
            .uses(Capability.STRUCTURED_OUTPUT)
            .timeout(Duration.ofMinutes(30))
            .build();

    /** Creates the skill; the host instantiates it through PF4J. */
    public ListingBulkSkill() {
    }

    @Override
    public SkillSpec spec() {
        return SPEC;
    }

    @Override
    public Flux<SkillEvent> run(SkillInput input, SkillContext context) {
        return Flux.create(sink -> {
            Media file = input.file("file").orElseThrow(() -> new BadInputException("file", "give a CSV or XLSX file"));
            String marketplace = input.text("marketplace").orElse("amazon");
            RulePack pack = RulePacks.forMarketplace(marketplace, context.settings());
            String language = ListingSkill.language(input, pack);
            sink.next(SkillEvent.progress(1, "reading " + file.name()));
            ExtractedDocument document = context.documents().read(file);
            Table table = document.tables().stream().filter(t -> !t.headers().isEmpty() && !t.rows().isEmpty())
                    .findFirst().orElseThrow(() -> new BadInputException("file", "'" + file.name()
                            + "' has no product rows: the first row names the columns, each further row is a product"));
            boolean remote = !"offline".equals(input.text("engine").orElse("auto"))
                    && ListingEngine.remoteAvailable(context.models());

            List<String> headers = table.headers();
            int bulletColumns = pack.bullets().max();
            List<List<Object>> out = new ArrayList<>();
            List<Map<String, Object>> failed = new ArrayList<>();
            Set<String> engines = new LinkedHashSet<>();
            int total = table.rows().size();
            for (int i = 0; i < total; i++) {
                if (context.cancellation().isCancelled()) {
                    throw new RunCancelledException();
                }
                int rowNumber = i + 2;
                List<Object> row = table.rows().get(i);
                String sku = "";
                try {
                    sku = skuOf(headers, row);
                    Row parsed = parse(headers, row);
                    if (parsed.facts().isEmpty()) {
                        throw new BadInputException("file", "the row is empty");
                    }
                    ListingEngine.Outcome o = ListingEngine.write(parsed.facts(), pack, language, "neutral",
                            context.models(), remote);
                    engines.add(o.engine());
                    List<Object> cells = new ArrayList<>();
                    cells.add((long) rowNumber);
                    cells.add(sku);
                    cells.add(o.listing().title());
                    for (int b = 0; b < bulletColumns; b++) {
                        cells.add(b < o.listing().bullets().size() ? o.listing().bullets().get(b) : "");
                    }
                    cells.add(o.listing().description());
                    cells.add(o.listing().searchTerms());
                    cells.add(status(o));
                    cells.add(String.join(", ", o.grounding().stream().filter(g -> !g.kept()).map(Grounding.Entry::value).toList()));
                    cells.add(o.engine());
                    out.add(cells);
                } catch (RunCancelledException | SkillTimeoutException e) {
                    throw e;
                } catch (SkillException | IllegalArgumentException e) {
                    Map<String, Object> f = new LinkedHashMap<>();
                    f.put("row", rowNumber);
                    if (!sku.isEmpty()) {
                        f.put("sku", sku);
                    }
                    // Parser messages end in a location that means nothing to a seller.
                    f.put("error", String.valueOf(e.getMessage()).replaceFirst("\\s*\\((?:start marker )?at \\[Source.*$", ""));
                    failed.add(f);
                }
                sink.next(SkillEvent.progress(2 + (int) (93L * (i + 1) / total), "row " + (i + 1) + " of " + total
                        + (failed.isEmpty() ? "" : " (" + failed.size() + " failed)")));
            }

            List<String> outHeaders = new ArrayList<>(List.of("Row", "SKU", "Title"));
            for (int b = 1; b <= bulletColumns; b++) {
                outHeaders.add("Bullet " + b);
            }
            outHeaders.addAll(List.of("Description", "Search terms", "Compliance", "Removed facts", "Engine"));
            List<Table> sheets = new ArrayList<>();
            sheets.add(new Table("listings", outHeaders, out));
            List<List<Object>> errors = new ArrayList<>();
            failed.forEach(f -> errors.add(List.of((long) (int) f.get("row"), f.getOrDefault("sku", ""), f.get("error"))));
            sheets.add(new Table("errors", List.of("Row", "SKU", "Error"), errors));
            sink.next(SkillEvent.progress(97, "writing listings.xlsx"));
            sink.next(SkillEvent.artifact(context.documents().writeXlsx("listings.xlsx", new Workbook(sheets, List.of()))));

            Map<String, Object> result = new LinkedHashMap<>();
            result.put("rows", total);
            result.put("succeeded", out.size());
            result.put("failed", failed);
            result.put("compliant", out.stream().filter(r -> "complies".equals(r.get(3 + bulletColumns + 2))).count());
            result.put("marketplace", marketplace);
            result.put("language", language);
            result.put("engine", engines.isEmpty() ? (remote ? "remote" : ListingEngine.OFFLINE) : String.join(", ", engines));
            sink.next(SkillEvent.progress(100, out.size() + " of " + total + " rows listed"));
            sink.next(SkillEvent.result(result));
            sink.complete();
        });
    }

    private static String status(ListingEngine.Outcome o) {
        List<String> broken = o.compliance().stream().filter(c -> !c.passed()).map(ListingRules.Outcome::rule).toList();
        return broken.isEmpty() ? "complies" : "not met: " + String.join(", ", broken);
    }

    /**
     * One catalogue row as product facts.
     *
     * @param sku the row's sku or id column, may be empty
     * @param facts the facts
     */
    record Row(String sku, ProductFacts facts) {
    }

    static String skuOf(List<String> headers, List<Object> cells) {
        for (int c = 0; c < headers.size() && c < cells.size(); c++) {
            String h = headers.get(c) == null ? "" : headers.get(c).strip().toLowerCase(Locale.ROOT);
            if (List.of("sku", "id", "asin", "product id").contains(h)) {
                return text(cells.get(c));
            }
        }
        return "";
    }

    static Row parse(List<String> headers, List<Object> cells) {
        String brand = "";
        String category = "";
        String sku = "";
        List<String> keywords = List.of();
        List<ProductFacts.Attribute> attributes = new ArrayList<>();
        for (int c = 0; c < headers.size() && c < cells.size(); c++) {
            String header = headers.get(c) == null ? "" : headers.get(c).strip();
            String value = text(cells.get(c));
            if (header.isEmpty() || value.isEmpty()) {
                continue;
            }
            switch (header.toLowerCase(Locale.ROOT)) {
                case "brand", "品牌" -> brand = value;
                case "category", "类目" -> category = value;
                case "keywords", "关键词" -> keywords = ProductFacts.parseKeywords(value);
                case "sku", "id", "asin", "product id" -> sku = value;
                case "attributes", "属性" -> attributes.addAll(ProductFacts.parseAttributes(value));
                default -> attributes.add(new ProductFacts.Attribute(header, value, "attributes"));
            }
        }
        return new Row(sku, new ProductFacts(brand, category, attributes, keywords, List.of()));
    }

    /** A cell as text: whole numbers without a decimal point, decimals without trailing zeros. */
    static String text(Object cell) {
        if (cell == null) {
            return "";
        }
        if (cell instanceof Double d) {
            return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
        }
        if (cell instanceof Float f) {
            return BigDecimal.valueOf(f).stripTrailingZeros().toPlainString();
        }
        return cell.toString().strip();
    }
}
