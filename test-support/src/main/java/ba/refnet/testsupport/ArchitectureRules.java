package ba.refnet.testsupport;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * Layering rules every service keeps (README.md, "Architecture", the layers): the domain knows no REST, Kafka, CDI
 * or Quarkus, and no HTTP errors; the packages of a service depend on each other without cycles.
 */
public final class ArchitectureRules {

    private ArchitectureRules() {
    }

    public static void assertDomainIsFrameworkFree(String basePackage) {
        JavaClasses classes = classes(basePackage);
        noClasses().that().resideInAPackage(basePackage + ".domain..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "jakarta.ws.rs..", "jakarta.enterprise..", "jakarta.inject..", "jakarta.transaction..",
                        "io.quarkus..", "io.smallrye..", "org.apache.kafka..", "io.cloudevents..",
                        "org.eclipse.microprofile..", basePackage + ".rest..", basePackage + ".messaging..",
                        basePackage + ".service..")
                .check(classes);
        noClasses().that().resideInAPackage(basePackage + ".rest..")
                .should().dependOnClassesThat().resideInAnyPackage("org.apache.kafka..", basePackage + ".messaging..")
                .check(classes);
    }

    /**
     * The domain says what went wrong with the chassis' {@code errors} (plain exceptions, which must stay free of
     * HTTP themselves); only the chassis' {@code problem} mappers turn them into status codes and problem details.
     */
    public static void assertDomainKnowsNoHttpErrors(String basePackage) {
        JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(basePackage, "ba.refnet.chassis.errors");
        noClasses().that().resideInAnyPackage(basePackage + ".domain..", "ba.refnet.chassis.errors..")
                .should().dependOnClassesThat().resideInAnyPackage("jakarta.ws.rs..", "ba.refnet.chassis.problem..")
                .because("an HTTP status or problem response is the REST layer's answer to a domain error")
                .check(classes);
    }

    /** No two packages of the service (rest, service, domain, messaging, ...) depend on each other both ways. */
    public static void assertPackagesAreFreeOfCycles(String basePackage) {
        slices().matching(basePackage + ".(*)..").should().beFreeOfCycles().check(classes(basePackage));
    }

    private static JavaClasses classes(String basePackage) {
        return new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(basePackage);
    }
}
