package org.edurecords.ncp;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The package rules of docs/architecture.md, checked on the compiled classes. */
class PackageBoundariesTest {

    private static final String BASE = "org.edurecords.ncp";
    private static JavaClasses classes;

    @BeforeAll
    static void load() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(BASE);
    }

    private static String[] packages(String... names) {
        String[] result = new String[names.length];
        for (int i = 0; i < names.length; i++) {
            result[i] = BASE + "." + names[i] + "..";
        }
        return result;
    }

    @Test
    void theCoreKnowsNothingOfThePagesAndProtocolsBuiltOnIt() {
        noClasses().that().resideInAnyPackage(packages("results", "elmo", "pdf", "signing"))
                .should().dependOnClassesThat().resideInAnyPackage(packages("emrex", "emrex2", "transfer", "auth", "portal", "sharing",
                        "ledger", "selection", "verify", "registry", "admin", "health", "receiving", "competence", "democlient", "conformance"))
                .check(classes);
    }

    @Test
    void configurationAndWebUseNoFeatureButForTheProductionSafetyCheck() {
        noClasses().that().resideInAnyPackage(packages("config", "web"))
                .and().doNotHaveFullyQualifiedName(BASE + ".config.ProductionSafety")
                .should().dependOnClassesThat().resideInAnyPackage(packages("emrex", "emrex2", "transfer", "auth", "portal", "sharing",
                        "ledger", "selection", "verify", "registry", "admin", "health", "receiving", "competence", "democlient", "conformance"))
                .check(classes);
    }

    @Test
    void theTransferCoreKnowsNoProtocol() {
        noClasses().that().resideInAnyPackage(packages("transfer"))
                .should().dependOnClassesThat().resideInAnyPackage(packages("emrex", "emrex2"))
                .check(classes);
    }

    @Test
    void theProtocolsDoNotKnowEachOther() {
        noClasses().that().resideInAnyPackage(packages("emrex"))
                .should().dependOnClassesThat().resideInAnyPackage(packages("emrex2"))
                .check(classes);
        noClasses().that().resideInAnyPackage(packages("emrex2"))
                .should().dependOnClassesThat().resideInAnyPackage(packages("emrex"))
                .check(classes);
    }

    @Test
    void noProviderFeatureKnowsTheReceiverSide() {
        // Receiving is built on the provider (verifier, registry, receivers); never the other way round.
        noClasses().that().resideOutsideOfPackages(packages("receiving"))
                .should().dependOnClassesThat().resideInAnyPackage(packages("receiving"))
                .check(classes);
    }

    @Test
    void nothingDependsOnTheTools() {
        noClasses().that().resideOutsideOfPackages(packages("democlient", "conformance"))
                .should().dependOnClassesThat().resideInAnyPackage(packages("democlient", "conformance"))
                .check(classes);
    }
}
