package ba.refnet.testsupport;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/** Layering rules every service keeps (DESIGN.md §2): the domain knows no REST, Kafka, CDI or Quarkus. */
public final class ArchitectureRules {

    private ArchitectureRules() {
    }

    public static void assertDomainIsFrameworkFree(String basePackage) {
        JavaClasses classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(basePackage);
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
}
