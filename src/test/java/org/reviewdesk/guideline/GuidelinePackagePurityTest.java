package org.reviewdesk.guideline;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** ADR 0001: {@code guideline} is pure Java, like {@code domain}; Jackson only to read the library file. */
class GuidelinePackagePurityTest {
    @Test
    void theGuidelinePackageUsesNoUiDatabasePdfOrOtherLayer() {
        JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.reviewdesk.guideline");
        noClasses().that().resideInAPackage("org.reviewdesk.guideline..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "java.sql..", "javax.sql..",
                        "com.itextpdf..", "org.apache.pdfbox..", "org.h2..", "org.flywaydb..", "picocli..",
                        "org.reviewdesk.store..", "org.reviewdesk.exchange..", "org.reviewdesk.service..",
                        "org.reviewdesk.ui..", "org.reviewdesk.cli..", "org.reviewdesk.letter..",
                        "org.reviewdesk.record..", "org.reviewdesk.app..")
                .because("the guideline library is data and pure functions every layer may use")
                .check(classes);
    }
}
