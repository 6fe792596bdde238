package dev.atrium.sdk;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Plugin authors compile against the SDK alone, so it must not leak framework or host types. */
@AnalyzeClasses(packages = "dev.atrium.sdk", importOptions = ImportOption.DoNotIncludeTests.class)
class SdkBoundariesTest {

    @ArchTest
    static final ArchRule sdkDoesNotDependOnSpringOrThePlatform = noClasses()
            .that().resideInAPackage("dev.atrium.sdk..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "dev.atrium.platform..")
            .because("plugins compile against the SDK alone; Spring and platform types belong to the host");
}
