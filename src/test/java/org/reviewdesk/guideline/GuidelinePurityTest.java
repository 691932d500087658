package org.reviewdesk.guideline;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The rationale builder is pure Java (ADR 0001): no window, no database, no PDF library. */
class GuidelinePurityTest {

    @Test
    void guidelinePackageUsesNoWindowDatabaseOrPdfLibrary() {
        noClasses().that().resideInAPackage("org.reviewdesk.guideline..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "java.sql..", "javax.sql..",
                        "org.h2..", "org.flywaydb..", "com.itextpdf..", "org.apache.pdfbox..", "org.reviewdesk.ui..",
                        "org.reviewdesk.store..", "org.reviewdesk.record..", "org.reviewdesk.letter..")
                .because("the guided rationale builder is logic the window and the command line share")
                .check(new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("org.reviewdesk.guideline"));
    }
}
