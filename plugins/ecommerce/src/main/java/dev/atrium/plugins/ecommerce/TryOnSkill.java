package dev.atrium.plugins.ecommerce;

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
import dev.atrium.sdk.model.ImageRequest;
import dev.atrium.sdk.model.ImageResult;
import dev.atrium.sdk.model.ModelGateway;
import java.awt.image.BufferedImage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.pf4j.Extension;
import reactor.core.publisher.Flux;

/**
 * Model try-on: a garment photo onto a model photo. With a remote image-edit model, the model repaints the
 * garment region (given the offline composite as a guide and a mask of the region); offline, the result is an
 * honest compositing preview labelled as such. Every output carries a visible mark and PNG metadata naming the
 * engine; the mask is the second artifact.
 */
@Extension
public class TryOnSkill implements Skill {

    static final String OFFLINE = "embedded/compositing-preview";

    private static final SkillSpec SPEC = SkillSpec.builder("tryon")
            .title("Model try-on")
            .description("Puts a garment photo onto a model photo: a generated try-on with a remote image-edit model, "
                    + "offline a labelled compositing preview (garment cut out, fitted to the body region, shaded).")
            .input(InputSpec.file("person").label("Model photo").required()
                    .accept("image/jpeg", "image/png", "image/webp").maxBytes(20L * 1024 * 1024))
            .input(InputSpec.file("garment").label("Garment photo").required()
                    .description("The garment alone, flat or on a hanger, on a plain background.")
                    .accept("image/jpeg", "image/png", "image/webp").maxBytes(20L * 1024 * 1024))
            .input(InputSpec.choice("category", "upper", "lower", "dress").label("Garment category").defaultValue("upper"))
            .input(InputSpec.text("region").label("Region")
                    .description("Optional x, y, width, height in model-photo pixels where the garment goes (as "
                            + "\"120,260,420,480\" or [120, 260, 420, 480]); estimated from the photo if empty."))
            .input(InputSpec.text("outputSize").label("Output size")
                    .description("Optional WIDTHxHEIGHT of the result; default the model photo's size."))
            .output(OutputSpec.artifact("tryon.png", "image/png", "the try-on image, marked AI-generated"))
            .output(OutputSpec.artifact("mask.png", "image/png", "white where the garment was placed"))
            .output(OutputSpec.result("width", "result width"))
            .output(OutputSpec.result("height", "result height"))
            .output(OutputSpec.result("engine", "what made the image"))
            .output(OutputSpec.result("region", "[x, y, w, h] of the garment region in the model photo"))
            .output(OutputSpec.result("regionSource", "given (the region input) or estimated (from the photo)"))
            .output(OutputSpec.result("regionMethod", "given, silhouette+skin (silhouette checked by skin "
                    + "segmentation), silhouette (no skin found), or frame (no silhouette: the photo's middle)"))
            .uses(Capability.IMAGE_EDIT)
            .timeout(Duration.ofMinutes(3))
            .build();

    /** Creates the skill; the host instantiates it through PF4J. */
    public TryOnSkill() {
    }

    @Override
    public SkillSpec spec() {
        return SPEC;
    }

    @Override
    public Flux<SkillEvent> run(SkillInput input, SkillContext context) {
        return Flux.create(sink -> {
            Media personFile = input.file("person").orElseThrow(() -> new BadInputException("person", "give a model photo"));
            Media garmentFile = input.file("garment").orElseThrow(() -> new BadInputException("garment", "give a garment photo"));
            String category = input.text("category").orElse("upper");
            BufferedImage person = Images.read(personFile, "person");
            BufferedImage garment = Images.read(garmentFile, "garment");
            TryOnCompositor.Region region = region(input.text("region").orElse(""), person);
            int[] size = outputSize(input.text("outputSize").orElse(""));
            sink.next(SkillEvent.progress(20, "cutting out the garment and fitting it to the body"));

            ModelGateway models = context.models();
            String engine = OFFLINE;
            boolean preview = true;
            String offlineLabel = "AI-generated preview · offline compositing, not a generative try-on";
            TryOnCompositor.Composite composite = TryOnCompositor.compose(person, garment, category, region, offlineLabel);
            BufferedImage result = composite.image();
            TryOnCompositor.Region mark = composite.mark();
            List<String> notes = new ArrayList<>();
            if (models.isAvailable(Capability.IMAGE_EDIT) && models.isRemote(Capability.IMAGE_EDIT)) {
                sink.next(SkillEvent.progress(40, "asking the image model to render the try-on"));
                try {
                    BufferedImage guide = TryOnCompositor.compose(person, garment, category, composite.region(), "").image();
                    // The guide places the garment; the garment photo itself goes along so the model can keep
                    // its exact print and texture rather than the guide's warped copy.
                    ImageResult edited = models.image(new ImageRequest(prompt(category),
                            Images.png("guide.png", guide, Map.of()), editMask(composite.mask()),
                            null, 1, List.of(garmentFile)));
                    // The provider's default size: image APIs accept only a few sizes; the answer is scaled back.
                    if (edited.images().isEmpty()) {
                        throw new ProviderException("the image model returned no image");
                    }
                    BufferedImage rendered;
                    try {
                        rendered = Images.read(edited.images().get(0), "person");
                    } catch (BadInputException e) {
                        throw new ProviderException("the image model's answer is not a readable image", e);
                    }
                    result = TryOnCompositor.scale(rendered, person.getWidth(), person.getHeight(), BufferedImage.TYPE_INT_RGB);
                    engine = RemoteListing.name(edited.engine());
                    preview = false;
                    mark = TryOnCompositor.drawMark(result, "AI-generated · " + engine);
                } catch (ProviderException | CapabilityUnavailableException | SkillTimeoutException e) {
                    sink.next(SkillEvent.warning("the image model could not render the try-on (" + e.getMessage()
                            + "); showing the offline compositing preview instead"));
                }
            } else {
                notes.add("Offline compositing preview: the garment photo is cut out, scaled into the region and "
                        + "shaded like the photo; it does not drape or re-pose the garment. Configure an image-edit "
                        + "model (OpenAI images API) for a generated try-on.");
            }
            BufferedImage mask = composite.mask();
            if (size != null) {
                result = TryOnCompositor.scale(result, size[0], size[1], BufferedImage.TYPE_INT_RGB);
                mask = TryOnCompositor.scale(mask, size[0], size[1], BufferedImage.TYPE_BYTE_GRAY);
                mark = TryOnCompositor.drawMark(result, preview ? offlineLabel : "AI-generated · " + engine);
            }
            Map<String, String> metadata = new LinkedHashMap<>();
            metadata.put("Software", "Atrium ecommerce/tryon");
            metadata.put("Comment", "AI-generated image; engine: " + engine + (preview ? " (compositing preview)" : ""));
            sink.next(SkillEvent.artifact(Images.png("tryon.png", result, metadata)));
            sink.next(SkillEvent.artifact(Images.png("mask.png", mask, Map.of("Comment", "garment region; engine: " + engine))));

            Map<String, Object> r = new LinkedHashMap<>();
            r.put("width", result.getWidth());
            r.put("height", result.getHeight());
            r.put("engine", engine);
            r.put("region", composite.region().toArray());
            r.put("regionSource", region != null ? "given" : "estimated");
            r.put("regionMethod", composite.regionMethod());
            r.put("category", category);
            r.put("preview", preview);
            r.put("mark", mark.toArray());
            r.put("notes", notes);
            sink.next(SkillEvent.progress(100, preview ? "compositing preview ready" : "try-on ready"));
            sink.next(SkillEvent.result(r));
            sink.complete();
        });
    }

    static String prompt(String category) {
        String what = switch (category) {
            case "lower" -> "lower-body garment (trousers, skirt or shorts)";
            case "dress" -> "dress";
            default -> "upper-body garment (top, shirt or jacket)";
        };
        return "Virtual try-on. The image shows a person with a " + what + " pasted roughly over them in the transparent "
                + "area of the mask. Re-render only that area so the person is realistically wearing exactly this "
                + "garment: keep its colour, pattern, print, texture and length; fit it to the person's pose and body "
                + "with natural folds and the photo's lighting. Do not change the face, hair, skin, hands, body shape "
                + "or background. The second image is the garment on its own: match it exactly.";
    }

    /** OpenAI's edit mask: transparent where the image may change. */
    private static Media editMask(BufferedImage placed) {
        BufferedImage m = new BufferedImage(placed.getWidth(), placed.getHeight(), BufferedImage.TYPE_INT_ARGB);
        for (int y = 0; y < m.getHeight(); y++) {
            for (int x = 0; x < m.getWidth(); x++) {
                m.setRGB(x, y, placed.getRaster().getSample(x, y, 0) > 0 ? 0x00000000 : 0xFF000000);
            }
        }
        return Images.png("mask.png", m, Map.of());
    }

    private static final Pattern REGION = Pattern.compile(
            "^\\[?\\s*(-?\\d+)\\s*[,\\s]\\s*(-?\\d+)\\s*[,\\s]\\s*(-?\\d+)\\s*[,\\s]\\s*(-?\\d+)\\s*]?$");

    /** The {@code region} input, "x,y,w,h" or "[x, y, w, h]"; null when empty (the region is then estimated). */
    static TryOnCompositor.Region region(String text, BufferedImage person) {
        if (text.isBlank()) {
            return null;
        }
        Matcher m = REGION.matcher(text.strip());
        if (!m.matches()) {
            throw new BadInputException("region", "region must be x, y, width, height: four whole numbers such as "
                    + "120,260,420,480; got '" + text + "'");
        }
        List<Integer> v = new ArrayList<>();
        for (int i = 1; i <= 4; i++) {
            try {
                v.add(Integer.parseInt(m.group(i)));
            } catch (NumberFormatException e) {
                throw new BadInputException("region", "region numbers must be pixel positions; got '" + m.group(i) + "'", e);
            }
        }
        int x = v.get(0);
        int y = v.get(1);
        int w = v.get(2);
        int h = v.get(3);
        if (x < 0 || y < 0 || w < 8 || h < 8 || (long) x + w > person.getWidth() || (long) y + h > person.getHeight()) {
            throw new BadInputException("region", "region [" + x + ", " + y + ", " + w + ", " + h + "] must lie inside the "
                    + person.getWidth() + "x" + person.getHeight() + " model photo and be at least 8 pixels each way");
        }
        return new TryOnCompositor.Region(x, y, w, h);
    }

    static int[] outputSize(String text) {
        if (text.isBlank()) {
            return null;
        }
        Matcher m = Pattern.compile("^\\s*(\\d{2,5})\\s*[xX×]\\s*(\\d{2,5})\\s*$").matcher(text);
        if (!m.matches()) {
            throw new BadInputException("outputSize", "outputSize must be WIDTHxHEIGHT such as 768x1024; got '" + text + "'");
        }
        int w = Integer.parseInt(m.group(1));
        int h = Integer.parseInt(m.group(2));
        if ((long) w * h > Images.MAX_PIXELS) {
            throw new BadInputException("outputSize", "outputSize is at most " + Images.MAX_PIXELS / 1_000_000 + " megapixels");
        }
        return new int[] {w, h};
    }
}
