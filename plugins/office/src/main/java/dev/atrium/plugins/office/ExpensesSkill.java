package dev.atrium.plugins.office;

import dev.atrium.sdk.BadInputException;
import dev.atrium.sdk.CapabilityUnavailableException;
import dev.atrium.sdk.InputSpec;
import dev.atrium.sdk.Media;
import dev.atrium.sdk.OutputSpec;
import dev.atrium.sdk.ProviderException;
import dev.atrium.sdk.Skill;
import dev.atrium.sdk.SkillContext;
import dev.atrium.sdk.SkillEvent;
import dev.atrium.sdk.SkillInput;
import dev.atrium.sdk.SkillSpec;
import dev.atrium.sdk.SkillTimeoutException;
import dev.atrium.sdk.model.Capability;
import dev.atrium.sdk.model.Engine;
import dev.atrium.sdk.model.ModelGateway;
import dev.atrium.sdk.model.OcrResult;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.pf4j.Extension;
import reactor.core.publisher.Flux;

/**
 * Receipts and invoices (photos, scans, PDFs; English and Chinese, VAT invoices included) to an expense
 * report: every field with its confidence and position, arithmetic, duplicate and policy checks, totals by
 * category, an XLSX report and an annotated image per receipt.
 *
 * <p>Offline, pages are read by OCR (words with boxes), or from a digital PDF's text layer
 * ({@link PdfTextLayer}), and a layout-aware reader ({@link ReceiptReader}); with a remote vision model that
 * supports structured output, the model reads each page ({@link RemoteReceipts}) and the offline reader is the
 * fallback. Pages of a receipt that runs over several are joined ({@link ReceiptContinuation}). The checks are
 * the same on both paths.
 */
@Extension
public class ExpensesSkill implements Skill {

    static final List<String> CATEGORIES = List.of("meals", "travel", "lodging", "transport", "office supplies", "other");

    private static final SkillSpec SPEC = SkillSpec.builder("expenses")
            .title("Expense receipts")
            .description("Reads receipts and invoices (JPG, PNG, WebP, TIFF, PDF; English and Chinese, VAT invoices "
                    + "too) into an expense report: vendor, date, amounts, tax, currency, category and line items, "
                    + "checked for arithmetic, duplicates and the expense policy.")
            .input(InputSpec.files("files").label("Receipts").required()
                    .description("One or more receipt photos, scans or PDFs (a PDF page is a receipt, or part of one "
                            + "that runs over several pages; digital PDFs are read from their text).")
                    .accept("image/jpeg", "image/png", "image/webp", "image/tiff", "application/pdf")
                    .maxFiles(50))
            .input(InputSpec.text("employee").label("Employee").required()
                    .description("Whose expenses these are; named in the report."))
            .output(OutputSpec.artifact("expense-report.xlsx", ExpenseReport.XLSX,
                    "receipts, line items, totals by category (formulas) and flagged receipts"))
            .output(OutputSpec.artifact("receipt-<n>.png", "image/png", "each receipt with its found fields boxed "
                    + "(its pages one under the other when it spans several)"))
            .output(OutputSpec.result("receipts", "per receipt: file, page, pages, engine, every field as {value, "
                    + "confidence, box, page}, lineItems, checks, violations"))
            .output(OutputSpec.result("duplicates", "receipts claimed twice, in this batch or earlier"))
            .output(OutputSpec.result("totalsByCategory", "category -> currency -> total"))
            .output(OutputSpec.result("review", "fields read with low confidence, for a person to check"))
            .output(OutputSpec.result("engine", "what read the receipts"))
            .uses(Capability.OCR, Capability.VISION, Capability.STRUCTURED_OUTPUT)
            .timeout(Duration.ofMinutes(10))
            .build();

    /** Creates the skill; the host instantiates it through PF4J. */
    public ExpensesSkill() {
    }

    @Override
    public SkillSpec spec() {
        return SPEC;
    }

    @Override
    public Flux<SkillEvent> run(SkillInput input, SkillContext context) {
        return Flux.create(sink -> {
            ExpensePolicy policy = ExpensePolicy.from(context.settings());
            String employee = input.requireText("employee").strip();
            List<Media> files = input.files("files");
            if (files.isEmpty()) {
                throw new BadInputException("files", "give at least one receipt file");
            }
            // Every file is opened before any is read, so a bad one fails the run before work is spent.
            sink.next(SkillEvent.progress(2, "opening " + files.size() + (files.size() == 1 ? " file" : " files")));
            List<Map.Entry<Media, List<ReceiptPages.Page>>> opened = new ArrayList<>();
            int pageCount = 0;
            for (Media file : files) {
                List<ReceiptPages.Page> pages = ReceiptPages.pages(file);
                opened.add(Map.entry(file, pages));
                pageCount += pages.size();
            }

            ModelGateway models = context.models();
            boolean remote = models.isRemote(Capability.VISION) && models.isAvailable(Capability.STRUCTURED_OUTPUT);
            // Pages of digital PDFs are read from their text layer: a batch of them alone needs no OCR.
            boolean allText = opened.stream().allMatch(f -> f.getValue().stream().allMatch(p -> p.textLayer() != null));
            if (!remote && !allText && !models.isAvailable(Capability.OCR)) {
                throw new CapabilityUnavailableException("reading receipts needs OCR or a vision model: "
                        + models.status(Capability.OCR).reason());
            }
            // Every page is read first, a few at a time; then each file's pages are grouped into receipts.
            record PageJob(int file, ReceiptPages.Page page, String where) {
            }
            List<PageJob> jobs = new ArrayList<>();
            for (int f = 0; f < opened.size(); f++) {
                Map.Entry<Media, List<ReceiptPages.Page>> file = opened.get(f);
                for (ReceiptPages.Page page : file.getValue()) {
                    jobs.add(new PageJob(f, page,
                            file.getKey().name() + (file.getValue().size() > 1 ? " page " + page.number() : "")));
                }
            }
            AtomicInteger started = new AtomicInteger();
            AtomicBoolean warnedRemote = new AtomicBoolean();
            int total = pageCount;
            List<ReceiptContinuation.PageReading> readings = ParallelPages.map(jobs, ParallelPages.atOnce(total),
                    context.cancellation(), job -> {
                        // Counted and reported together, so progress never goes backwards between threads.
                        synchronized (started) {
                            int n = started.incrementAndGet();
                            sink.next(SkillEvent.progress(5 + 75 * (n - 1) / total,
                                    "reading receipt " + n + " of " + total + " (" + job.where() + ")"));
                        }
                        String name = opened.get(job.file()).getKey().name();
                        ReceiptPages.Page page = job.page();
                        if (remote) {
                            try {
                                RemoteReceipts.Read read = RemoteReceipts.read(models, page.media(), name,
                                        page.number(), policy.dateOrder(), page.textLayer());
                                read.receipt().engine = read.engine();
                                return new ReceiptContinuation.PageReading(page.number(), read.receipt(), null);
                            } catch (ProviderException | CapabilityUnavailableException | SkillTimeoutException e) {
                                if (page.textLayer() == null && !models.isAvailable(Capability.OCR)) {
                                    throw e;
                                }
                                if (warnedRemote.compareAndSet(false, true)) {
                                    sink.next(SkillEvent.warning("the vision model could not read " + job.where() + " ("
                                            + e.getMessage() + "); reading it offline instead"));
                                }
                            }
                        }
                        return offline(models, page, name, policy, context);
                    });
            List<Receipt> receipts = new ArrayList<>();
            List<List<ReceiptPages.Page>> receiptPages = new ArrayList<>();
            Set<String> engines = new LinkedHashSet<>();
            readings.forEach(reading -> engines.add(reading.receipt().engine));
            int next = 0;
            for (Map.Entry<Media, List<ReceiptPages.Page>> file : opened) {
                List<ReceiptContinuation.PageReading> ofFile = readings.subList(next, next + file.getValue().size());
                next += file.getValue().size();
                for (List<ReceiptContinuation.PageReading> group : ReceiptContinuation.group(ofFile)) {
                    receipts.add(ReceiptContinuation.join(group, parts(group, policy)));
                    receiptPages.add(group.stream().map(r -> file.getValue().get(r.page() - 1)).toList());
                }
            }

            sink.next(SkillEvent.progress(82, "checking " + receipts.size() + " receipts"));
            KnownVendors.correct(receipts, context.storage());
            List<Map<String, Object>> review = check(receipts, policy, LocalDate.now(context.clock()));
            List<Map<String, Object>> duplicates = DuplicateReceipts.check(receipts, context.storage(),
                    context.runId(), policy);

            sink.next(SkillEvent.progress(90, "writing the report"));
            context.cancellation().throwIfCancelled();
            sink.next(SkillEvent.artifact(ExpenseReport.workbook(employee, receipts)));
            for (int i = 0; i < receipts.size(); i++) {
                sink.next(SkillEvent.artifact(ExpenseReport.annotated(i + 1, receiptPages.get(i), receipts.get(i))));
            }
            Map<String, Object> result = result(employee, policy, receipts, duplicates, review);
            result.put("engine", String.join(", ", engines));
            sink.next(SkillEvent.progress(100, "done"));
            sink.next(SkillEvent.result(result));
            sink.complete();
        });
    }

    /**
     * Each page of a receipt spanning several read again as its part ({@link ReceiptReader.Part}) for its line
     * items: on its own, a continued page's first items would be taken for a header and the first page's largest
     * item for a total. Pages a vision model read keep its items.
     */
    private static List<Receipt> parts(List<ReceiptContinuation.PageReading> group, ExpensePolicy policy) {
        if (group.size() == 1) {
            return List.of(group.get(0).receipt());
        }
        List<Receipt> parts = new ArrayList<>();
        for (int i = 0; i < group.size(); i++) {
            ReceiptContinuation.PageReading page = group.get(i);
            ReceiptReader.Part part = i == 0 ? ReceiptReader.Part.FIRST
                    : i == group.size() - 1 ? ReceiptReader.Part.LAST : ReceiptReader.Part.MIDDLE;
            parts.add(page.words() == null ? page.receipt()
                    : ReceiptReader.read(page.words(), page.receipt().file, page.page(), policy.dateOrder(), part));
        }
        return parts;
    }

    /**
     * The page's text layer when it has a usable one (exact characters, no OCR); else OCR, then the layout
     * reader. English is read first; a page that looks like Chinese (little read with confidence) is read again
     * with Simplified Chinese, and the Chinese reading is kept when it holds Chinese.
     */
    private static ReceiptContinuation.PageReading offline(ModelGateway models, ReceiptPages.Page page, String file,
                                                           ExpensePolicy policy, SkillContext context) {
        if (page.textLayer() != null) {
            Receipt receipt = ReceiptReader.read(page.textLayer(), file, page.number(), policy.dateOrder());
            receipt.engine = engineName(page.textLayer().engine());
            return new ReceiptContinuation.PageReading(page.number(), receipt, page.textLayer());
        }
        if (!models.isAvailable(Capability.OCR)) {
            throw new CapabilityUnavailableException("reading " + file + " page " + page.number()
                    + ", which has no text layer, needs OCR: " + models.status(Capability.OCR).reason());
        }
        List<String> configured = languages(context.settings().get("expenses.ocrLanguages", "auto"));
        boolean chineseConfigured = configured.stream().anyMatch(l -> l.startsWith("chi") || l.startsWith("zh"));
        // A stamped page is read without its red ink (RedStamps), except in Chinese: VAT invoices print their
        // labels in red-brown.
        boolean redDropped = page.redStamped() && !chineseConfigured;
        OcrImage.Prepared image = OcrImage.prepare(page, false, 0, redDropped);
        OcrResult ocr;
        if (!configured.equals(List.of("auto"))) {
            ocr = models.ocr(image.media(), configured);
        } else {
            ocr = models.ocr(image.media(), List.of("eng"));
            if (mayBeChinese(ocr)) {
                context.cancellation().throwIfCancelled();
                OcrImage.Prepared withRed = redDropped ? OcrImage.prepare(page, false, 0, false) : image;
                OcrResult chinese = models.ocr(withRed.media(), List.of("chi_sim", "eng"));
                long han = chinese.text().codePoints().filter(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN).count();
                if (han >= 4) {
                    ocr = chinese;
                    image = withRed;
                    redDropped = false;
                }
            }
        }
        ocr = OcrImage.scaleBack(ocr, image.scale());
        Receipt receipt = ReceiptReader.read(ocr, file, page.number(), policy.dateOrder());
        OcrResult words = ocr;
        List<OcrResult> readings = new ArrayList<>(List.of(ocr));
        // A page read without its red ink is always read again with it, so print in red (a shop's name on a
        // two-colour till) is not lost; the two readings' errors then also differ more.
        if (redDropped || ReceiptReadings.wantsSecondLook(receipt)) {
            context.cancellation().throwIfCancelled();
            List<String> languages = ocr.text().codePoints().anyMatch(c -> Character.UnicodeScript.of(c)
                    == Character.UnicodeScript.HAN) ? List.of("chi_sim", "eng") : configured.equals(List.of("auto"))
                    ? List.of("eng") : configured;
            // The second reading is sized by the letters the first one found, not by the page's width.
            OcrImage.Prepared bw = OcrImage.prepare(page, true, OcrImage.scaleForText(ocr), false);
            OcrResult second = OcrImage.scaleBack(models.ocr(bw.media(), languages), bw.scale());
            Receipt again = ReceiptReader.read(second, file, page.number(), policy.dateOrder());
            receipt = ReceiptReadings.merge(receipt, ocr, again, second);
            // The reading whose total was kept is the one the page's line items come from.
            words = receipt == again ? second : ocr;
            readings.add(second);
        }
        List<String> otherModel = rereadLanguages(context);
        if (!otherModel.isEmpty()) {
            try {
                receipt = Rereading.reread(receipt, readings, page, image.scale(), redDropped, policy.dateOrder(),
                        rows -> {
                            context.cancellation().throwIfCancelled();
                            return models.ocr(rows, otherModel);
                        });
            } catch (CapabilityUnavailableException e) {
                // That model is not installed here: the page's own readings stand.
            }
        }
        receipt.engine = engineName(ocr.engine());
        return new ReceiptContinuation.PageReading(page.number(), receipt, words);
    }

    /**
     * The model an unsure vendor or date is read again with ({@link Rereading}): plugin setting
     * {@code expenses.rereadOcrLanguages}, Tesseract's Malay model by default (it reads the Latin-script names
     * on South-East Asian receipts, and others, without English's dictionary), {@code none} for no second look.
     */
    static List<String> rereadLanguages(SkillContext context) {
        String setting = context.settings().get("expenses.rereadOcrLanguages", "msa").strip();
        return setting.isEmpty() || setting.equalsIgnoreCase("none") ? List.of() : languages(setting);
    }

    /** A languages setting's codes: {@code chi_sim+eng}, {@code chi_sim, eng} or {@code chi_sim eng}. */
    private static List<String> languages(String setting) {
        return List.of(setting.strip().split("[+,\\s]+"));
    }

    /**
     * Chinese read as English gives few confident Latin words; an English receipt has dozens. Only such pages
     * pay for the slower second reading with Simplified Chinese.
     */
    static boolean mayBeChinese(OcrResult ocr) {
        long confidentWords = ocr.words().stream()
                .filter(w -> w.confidence() >= 80 && w.text().codePoints().filter(Character::isLetter).count() >= 3)
                .count();
        return confidentWords < 8;
    }

    static String engineName(Engine engine) {
        if (engine == null) {
            return "embedded";
        }
        if (engine.kind() == Engine.Kind.EMBEDDED) {
            return "embedded+" + (engine.model().isEmpty() ? engine.provider() : engine.model());
        }
        return RemoteMinutes.name(engine);
    }

    /** Every receipt's checks and the policy, in order; returns the fields queued for review. */
    static List<Map<String, Object>> check(List<Receipt> receipts, ExpensePolicy policy, LocalDate today) {
        List<Map<String, Object>> review = new ArrayList<>();
        for (int i = 0; i < receipts.size(); i++) {
            review.addAll(ExpenseChecks.apply(receipts.get(i), i + 1, policy));
            policy.apply(receipts.get(i), today);
        }
        return review;
    }

    /** What both expense skills answer with, but the engine: the receipts as checked, duplicates, totals, review. */
    static Map<String, Object> result(String employee, ExpensePolicy policy, List<Receipt> receipts,
                                      List<Map<String, Object>> duplicates, List<Map<String, Object>> review) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("employee", employee);
        result.put("homeCurrency", policy.homeCurrency());
        result.put("receipts", receipts.stream().map(Receipt::toResult).toList());
        result.put("duplicates", duplicates);
        result.put("totalsByCategory", totalsByCategory(receipts));
        result.put("review", review);
        result.put("blocked", receipts.stream().filter(Receipt::blocked).count());
        return result;
    }

    static Map<String, Map<String, BigDecimal>> totalsByCategory(List<Receipt> receipts) {
        Map<String, Map<String, BigDecimal>> totals = new TreeMap<>();
        for (Receipt r : receipts) {
            BigDecimal total = r.amount("total");
            if (total == null) {
                continue;
            }
            String category = r.text("category") == null ? "other" : r.text("category");
            String currency = r.text("currency") == null ? "unknown" : r.text("currency");
            totals.computeIfAbsent(category, k -> new TreeMap<>()).merge(currency, total, BigDecimal::add);
        }
        return totals;
    }
}
