package org.reviewdesk;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The layering of docs/decisions/0001-architecture.md, enforced. */
class ArchitectureTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.reviewdesk");
    }

    @Test
    void domainIsPlainJava() {
        ArchRule rule = noClasses().that().resideInAPackage("..domain..")
                    .should().dependOnClassesThat().resideInAnyPackage("javafx..", "java.sql..", "com.itextpdf..",
                            "com.fasterxml..", "org.h2..", "org.flywaydb..", "picocli..", "org.reviewdesk.store..",
                            "org.reviewdesk.exchange..", "org.reviewdesk.service..", "org.reviewdesk.ui..",
                            "org.reviewdesk.cli..")
                    .because("cases, items and decisions are plain values every layer shares");
        rule.check(classes);
    }

    @Test
    void onlyTheStoreTouchesTheDatabase() {
        ArchRule rule = noClasses().that()
                    .resideOutsideOfPackage("org.reviewdesk.store..")
                    .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "javax.sql..", "org.h2..",
                            "org.flywaydb..")
                    .because("everything on disk goes through the encrypted store");
        rule.check(classes);
    }

    @Test
    void storeAndExchangeDoNotKnowEachOther() {
        ArchRule rule = noClasses().that()
                    .resideInAPackage("org.reviewdesk.store..")
                    .should().dependOnClassesThat().resideInAnyPackage("org.reviewdesk.exchange..",
                            "org.reviewdesk.service..", "org.reviewdesk.ui..", "org.reviewdesk.cli..")
                    .because("the store keeps cases; reading files is the exchange layer's job");
        rule.check(classes);
    }

    @Test
    void exchangeStaysOffTheStore() {
        ArchRule rule = noClasses().that()
                    .resideInAPackage("org.reviewdesk.exchange..")
                    .should().dependOnClassesThat().resideInAnyPackage("org.reviewdesk.store..",
                            "org.reviewdesk.service..", "org.reviewdesk.ui..", "org.reviewdesk.cli..", "javafx..")
                    .because("case files and packets are checked before anything touches the store");
        rule.check(classes);
    }

    @Test
    void uiGoesThroughServices() {
        ArchRule rule = noClasses().that().resideInAPackage("org.reviewdesk.ui..")
                    .should().dependOnClassesThat().resideInAnyPackage("org.reviewdesk.store..",
                            "org.reviewdesk.exchange..", "org.reviewdesk.cli..", "com.fasterxml..")
                    .because("the window and the command line call the same services");
        rule.check(classes);
    }

    @Test
    void cliHasNoWindow() {
        ArchRule rule = noClasses().that().resideInAPackage("org.reviewdesk.cli..")
                    .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.reviewdesk.ui..")
                    .because("commands run headless");
        rule.check(classes);
    }

    @Test
    void servicesHaveNoWindow() {
        ArchRule rule = noClasses().that().resideInAPackage("org.reviewdesk.service..")
                    .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.reviewdesk.ui..",
                            "org.reviewdesk.cli..")
                    .because("services serve both the window and the command line");
        rule.check(classes);
    }

    @Test
    void onlyTheLetterUsesIText() {
        ArchRule rule = noClasses().that().resideOutsideOfPackage("org.reviewdesk.letter..")
                .should().dependOnClassesThat().resideInAPackage("com.itextpdf..")
                .because("the letter package owns PDF writing and signing (iText is AGPL: one place to know)");
        rule.check(classes);
    }

    @Test
    void onlyTheRecordPackageUsesPdfBox() {
        ArchRule rule = noClasses().that().resideOutsideOfPackage("org.reviewdesk.record..")
                .should().dependOnClassesThat().resideInAPackage("org.apache.pdfbox..")
                .because("reading and rendering PDFs lives in one place");
        rule.check(classes);
    }

    @Test
    void onlyTheRecordPackageUsesTesseract() {
        ArchRule rule = noClasses().that().resideOutsideOfPackage("org.reviewdesk.record..")
                .should().dependOnClassesThat().resideInAPackage("org.bytedeco..")
                .because("OCR (Tesseract through JavaCPP) lives in one place (issue 11, ADR 0005)");
        rule.check(classes);
    }

    @Test
    void nothingImportsTheApp() {
        ArchRule rule = noClasses().that().resideOutsideOfPackage("org.reviewdesk.app..")
                    .should().dependOnClassesThat().resideInAPackage("org.reviewdesk.app..")
                    .because("the app package is the composition root");
        rule.check(classes);
    }
}
