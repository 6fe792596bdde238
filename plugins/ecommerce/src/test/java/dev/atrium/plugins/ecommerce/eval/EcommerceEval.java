package dev.atrium.plugins.ecommerce.eval;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code ./atrium eval ecommerce [listing|bulk|tryon] [--data DIR] [--limit N]}: runs the e-commerce skills through
 * the testkit on the embedded (offline) path and prints their figures. A data set that is not there is skipped
 * with a message, never failed. The data is read in place and never copied.
 */
public final class EcommerceEval {

    private EcommerceEval() {
    }

    public static void main(String[] args) throws Exception {
        Path data = Path.of(System.getProperty("atrium.data", "../shared/data"));
        String only = null;
        int limit = 0;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--data" -> data = Path.of(args[++i]);
                case "--limit" -> limit = Integer.parseInt(args[++i]);
                default -> only = args[i];
            }
        }
        if (only == null || only.equals("listing")) {
            Path folder = data.resolve("products-amazon");
            System.out.println("== ecommerce/listing (" + folder + ")");
            if (Files.isDirectory(folder)) {
                ListingEvaluation.run(folder, limit, System.out);
            } else {
                System.out.println("skipped: data folder " + folder.toAbsolutePath().normalize() + " is absent");
            }
        }
        if (only == null || only.equals("bulk")) {
            System.out.println("== ecommerce/listing-bulk (1,000 generated rows, offline)");
            BulkBenchmark.run(limit > 0 ? limit : 1000, System.out);
        }
        if (only == null || only.equals("tryon")) {
            Path folder = data.resolve("tryon-vitonhd");
            System.out.println("== ecommerce/tryon (" + folder + ")");
            if (Files.isDirectory(folder)) {
                TryOnEvaluation.run(folder, limit, System.out);
            } else {
                System.out.println("skipped: data folder " + folder.toAbsolutePath().normalize() + " is absent");
            }
        }
        System.exit(0);
    }
}
