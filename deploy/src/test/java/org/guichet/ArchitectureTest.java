package org.guichet;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The module cut of the design: the domain knows no mail or web; the mail plane knows no web. */
@AnalyzeClasses(packages = "org.guichet", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule trackerKnowsNoGatewayNorWeb = noClasses().that()
            .resideInAnyPackage("org.guichet.node..", "org.guichet.storage..", "org.guichet.calendar..")
            .should().dependOnClassesThat().resideInAnyPackage("org.guichet.gateway..", "org.guichet.web..",
                    "org.subethamail..", "org.apache.mailet..", "jakarta.mail..", "org.springframework.web..");

    @ArchTest
    static final ArchRule gatewayKnowsNoWeb = noClasses().that().resideInAPackage("org.guichet.gateway..")
            .should().dependOnClassesThat().resideInAnyPackage("org.guichet.web..", "org.springframework.web..",
                    "jakarta.servlet..");
}
