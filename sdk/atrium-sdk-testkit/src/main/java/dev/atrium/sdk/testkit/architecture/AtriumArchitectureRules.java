package dev.atrium.sdk.testkit.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.ArchConfiguration;
import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.EvaluationResult;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The boundaries every Atrium plugin keeps, as ArchUnit rules its own tests run on its compiled classes. One
 * line in any JUnit test checks them all:
 *
 * <pre>{@code
 * @Test
 * void keepsThePluginBoundaries() {
 *     AtriumArchitectureRules.checkPlugin("dev.acme.invoices", "org.apache.commons.csv");
 * }
 * }</pre>
 *
 * <ul>
 *   <li>{@link #dependsOnlyOnTheSdk}: the plugin's classes use its own packages, the SDK, the JDK, the libraries
 *       the SDK's signatures expose (Reactor, Reactive Streams, SLF4J), PF4J's {@code @Extension} and
 *       {@code Plugin}, and the libraries it bundles, nothing else: not the platform, not Spring or Spring AI,
 *       not PF4J's manager;</li>
 *   <li>{@link #usesNoSdkInternals}: nothing in a {@code dev.atrium.sdk..internal..} package, which may change
 *       in any release;</li>
 *   <li>{@link #blocksNoReactivePath}: see there for what it can and cannot see.</li>
 * </ul>
 *
 * @since 0.1
 */
public final class AtriumArchitectureRules {

    /** Packages the host shares with every plugin, besides the SDK itself. */
    private static final List<String> HOST_API = List.of("dev.atrium.sdk..", "reactor..", "org.reactivestreams..",
            "org.slf4j..");

    /** The PF4J types a plugin may name: the extension annotation and the plugin lifecycle class. */
    private static final Set<String> PF4J_API = Set.of("org.pf4j.Extension", "org.pf4j.ExtensionPoint",
            "org.pf4j.Plugin");

    private static final Set<String> REACTIVE_TYPES = Set.of("reactor.core.publisher.Flux",
            "reactor.core.publisher.Mono", "org.reactivestreams.Publisher");

    private static final Map<String, Set<String>> BLOCKING_REACTOR_CALLS = Map.of(
            "reactor.core.publisher.Mono", Set.of("block", "blockOptional"),
            "reactor.core.publisher.Flux", Set.of("blockFirst", "blockLast", "toIterable", "toStream"));

    private static final Map<String, Boolean> JDK_CLASSES = new ConcurrentHashMap<>();

    private AtriumArchitectureRules() {
    }

    /**
     * Classes in the plugin's package depend only on that package, the SDK, the JDK, the host's shared API
     * (Reactor, Reactive Streams, SLF4J, PF4J's {@code @Extension} and {@code Plugin}) and the given bundled
     * libraries.
     *
     * @param pluginPackage the plugin's root package, such as {@code dev.acme.invoices}
     * @param bundledLibraryPackages root packages of the libraries the plugin ships in its archive's
     *     {@code lib/}, such as {@code org.apache.commons.csv}
     * @since 0.1
     */
    public static ArchRule dependsOnlyOnTheSdk(String pluginPackage, String... bundledLibraryPackages) {
        List<String> allowed = new ArrayList<>(HOST_API);
        allowed.add(pluginPackage + "..");
        for (String library : bundledLibraryPackages) {
            allowed.add(library.endsWith("..") ? library : library + "..");
        }
        DescribedPredicate<JavaClass> allowedTarget = DescribedPredicate.describe(
                "belong to the plugin, the SDK, the JDK, " + String.join(", ", allowed.subList(1, allowed.size()))
                        + " or " + PF4J_API,
                target -> {
                    JavaClass type = target.getBaseComponentType();
                    return type.isPrimitive() || isJdk(type.getName()) || PF4J_API.contains(type.getName())
                            || allowed.stream().anyMatch(pattern -> resides(type.getPackageName(), pattern));
                });
        return classes().that().resideInAPackage(pluginPackage + "..")
                .should().onlyDependOnClassesThat(allowedTarget)
                .because("the host gives a plugin the SDK and nothing else: platform, Spring or PF4J manager types"
                        + " are not there at run time, and a library the plugin does not bundle is missing too");
    }

    /**
     * No class in the plugin's package uses a class from an SDK {@code ..internal..} package.
     *
     * @since 0.1
     */
    public static ArchRule usesNoSdkInternals(String pluginPackage) {
        return noClasses().that().resideInAPackage(pluginPackage + "..")
                .should().dependOnClassesThat().resideInAPackage("dev.atrium.sdk..internal..")
                .because("internal SDK packages may change in any release; only the public SDK is a contract")
                .allowEmptyShould(true);
    }

    /**
     * No blocking call on a reactive path that bytecode shows: in a class that builds Reactor streams (it has
     * a method returning {@code Flux}, {@code Mono} or {@code Publisher}, or is nested in such a class), no call
     * to {@code Mono.block}, {@code Mono.blockOptional}, {@code Flux.blockFirst}, {@code Flux.blockLast},
     * {@code Flux.toIterable} or {@code Flux.toStream}, lambdas included; and no {@code Thread.sleep} in a
     * method that returns a stream, which blocks before the stream exists and so before cancellation can reach
     * it. Blocking work inside a stream ({@code Flux.create}, a helper method that sleeps while checking the
     * cancellation) is allowed, since the host runs skills on worker threads; calls through other classes or
     * reflection are not seen.
     *
     * @since 0.1
     */
    public static ArchRule blocksNoReactivePath(String pluginPackage) {
        ArchCondition<JavaClass> noBlocking = new ArchCondition<>("not block on a reactive path") {
            @Override
            public void check(JavaClass type, ConditionEvents events) {
                if (!buildsStreams(type)) {
                    return;
                }
                for (JavaMethodCall call : type.getMethodCallsFromSelf()) {
                    String owner = call.getTargetOwner().getName();
                    String name = call.getName();
                    if (BLOCKING_REACTOR_CALLS.getOrDefault(owner, Set.of()).contains(name)) {
                        events.add(SimpleConditionEvent.violated(call, call.getDescription()
                                + ": blocks on a stream in a class that builds streams"));
                    }
                    if (owner.equals("java.lang.Thread") && name.equals("sleep")
                            && call.getOrigin() instanceof JavaMethod method && returnsStream(method)) {
                        events.add(SimpleConditionEvent.violated(call, call.getDescription()
                                + ": sleeps in a method that returns a stream, before the stream exists"));
                    }
                }
            }
        };
        return classes().that().resideInAPackage(pluginPackage + "..").should(noBlocking)
                .because("a skill's stream is cancelled and timed out by the host; blocking outside it cannot be");
    }

    /**
     * Every rule of this class for the plugin's package.
     *
     * @since 0.1
     */
    public static List<ArchRule> pluginRules(String pluginPackage, String... bundledLibraryPackages) {
        return List.of(dependsOnlyOnTheSdk(pluginPackage, bundledLibraryPackages), usesNoSdkInternals(pluginPackage),
                blocksNoReactivePath(pluginPackage));
    }

    /**
     * Imports the plugin's main classes from the class path (test classes and jars left out) and checks every
     * rule, so a plugin's plain JUnit test needs one line.
     *
     * @throws AssertionError listing every violation of every rule
     * @since 0.1
     */
    public static void checkPlugin(String pluginPackage, String... bundledLibraryPackages) {
        Objects.requireNonNull(pluginPackage, "pluginPackage");
        JavaClasses classes = importPackage(pluginPackage,
                ImportOption.Predefined.DO_NOT_INCLUDE_TESTS, ImportOption.Predefined.DO_NOT_INCLUDE_JARS);
        check(classes, pluginPackage, bundledLibraryPackages);
    }

    /**
     * Checks every rule on classes the caller imported.
     *
     * @throws AssertionError listing every violation of every rule, or saying that no class was found
     * @since 0.1
     */
    public static void check(JavaClasses classes, String pluginPackage, String... bundledLibraryPackages) {
        if (classes.stream().noneMatch(c -> resides(c.getPackageName(), pluginPackage + ".."))) {
            throw new AssertionError("no compiled class in package " + pluginPackage + " to check;"
                    + " is the package name right and the project compiled?");
        }
        List<String> reports = new ArrayList<>();
        for (ArchRule rule : pluginRules(pluginPackage, bundledLibraryPackages)) {
            EvaluationResult result = rule.evaluate(classes);
            if (result.hasViolation()) {
                reports.add(result.getFailureReport().toString());
            }
        }
        if (!reports.isEmpty()) {
            throw new AssertionError(String.join("\n\n", reports));
        }
    }

    /** Imports one package as {@link #checkPlugin} does; the tests import their fixtures through it too. */
    static JavaClasses importPackage(String packageName, ImportOption... options) {
        // The rules need the package's own classes in full and only the names of what they use; not resolving
        // the JDK and libraries from the class path makes the check take a second instead of ten.
        ArchConfiguration configuration = ArchConfiguration.get();
        boolean resolving = configuration.resolveMissingDependenciesFromClassPath();
        try {
            configuration.setResolveMissingDependenciesFromClassPath(false);
            ClassFileImporter importer = new ClassFileImporter();
            for (ImportOption option : options) {
                importer = importer.withImportOption(option);
            }
            return importer.importPackages(packageName);
        } finally {
            configuration.setResolveMissingDependenciesFromClassPath(resolving);
        }
    }

    private static boolean buildsStreams(JavaClass type) {
        for (Optional<JavaClass> current = Optional.of(type); current.isPresent();
                current = current.get().getEnclosingClass()) {
            if (current.get().getMethods().stream().anyMatch(AtriumArchitectureRules::returnsStream)) {
                return true;
            }
        }
        return false;
    }

    private static boolean returnsStream(JavaMethod method) {
        return REACTIVE_TYPES.contains(method.getRawReturnType().getName());
    }

    /** ArchUnit's package pattern {@code a.b..}: the package itself or any below it. */
    private static boolean resides(String packageName, String pattern) {
        String root = pattern.endsWith("..") ? pattern.substring(0, pattern.length() - 2) : pattern;
        if (root.contains("..")) {
            // Patterns with an inner "..", such as dev.atrium.sdk..internal.., are only used through ArchUnit.
            return false;
        }
        return packageName.equals(root) || packageName.startsWith(root + ".");
    }

    /** Whether the platform class loader, which holds the JDK's modules and nothing else, has the class. */
    private static boolean isJdk(String className) {
        return JDK_CLASSES.computeIfAbsent(className, name -> {
            try {
                Class.forName(name, false, ClassLoader.getPlatformClassLoader());
                return true;
            } catch (ClassNotFoundException | LinkageError e) {
                return false;
            }
        });
    }
}
