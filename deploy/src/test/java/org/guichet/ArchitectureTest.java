package org.guichet;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.guichet.node.NodeProperties;

/**
 * The module cut of the design: the domain knows no mail, SMTP or web; the mail plane knows no
 * web; the web plane reaches the mail plane only through the domain's ports.
 */
@AnalyzeClasses(packages = "org.guichet", importOptions = MainClassesOnly.class)
class ArchitectureTest {

    /** Types of the mail plane, SMTP and the web, which the domain must not know. */
    private static final String[] MAIL_SMTP_AND_WEB = {"org.guichet.gateway..", "org.guichet.web..",
            "org.subethamail..", "org.apache.mailet..", "org.apache.james..", "jakarta.mail..",
            "org.springframework.web..", "jakarta.servlet.."};

    /** The tracker's packages today; the rule below also covers any package added to the module later. */
    private static final String[] TRACKER_PACKAGES = {"org.guichet.node..", "org.guichet.storage..",
            "org.guichet.calendar..", "org.guichet.casework..", "org.guichet.sla..", "org.guichet.audit..",
            "org.guichet.escalation..", "org.guichet.administration..", "org.guichet.conversation..",
            "org.guichet.queue..", "org.guichet.supervision..", "org.guichet.account..", "org.guichet.checkpoint..",
            "org.guichet.transparency..", "org.guichet.submitter..", "org.guichet.dns..", "org.guichet.export.."};

    /** Classes loaded from the same jar or folder as the tracker's own {@link NodeProperties}. */
    private static final DescribedPredicate<JavaClass> IN_TRACKER_MODULE = DescribedPredicate.describe(
            "live in the tracker module", javaClass -> javaClass.getSource()
                    .map(source -> source.getUri().toString().contains(trackerLocation()))
                    .orElse(false));

    @ArchTest
    static final ArchRule trackerPackagesKnowNoMailSmtpNorWeb = noClasses().that()
            .resideInAnyPackage(TRACKER_PACKAGES)
            .should().dependOnClassesThat().resideInAnyPackage(MAIL_SMTP_AND_WEB);

    @ArchTest
    static final ArchRule trackerModuleKnowsNoMailSmtpNorWeb = noClasses().that(IN_TRACKER_MODULE)
            .should().dependOnClassesThat().resideInAnyPackage(MAIL_SMTP_AND_WEB);

    @ArchTest
    static final ArchRule everyTrackerPackageIsListed = classes().that(IN_TRACKER_MODULE).should().resideInAnyPackage(TRACKER_PACKAGES);

    @ArchTest
    static final ArchRule gatewayKnowsNoWeb = noClasses().that().resideInAPackage("org.guichet.gateway..")
            .should().dependOnClassesThat().resideInAnyPackage("org.guichet.web..", "org.springframework.web..",
                    "jakarta.servlet..");

    @ArchTest
    static final ArchRule webReachesTheMailPlaneThroughPorts = noClasses().that()
            .resideInAPackage("org.guichet.web..")
            .should().dependOnClassesThat().resideInAPackage("org.guichet.gateway..");

    private static String trackerLocation() {
        return NodeProperties.class.getProtectionDomain().getCodeSource().getLocation().getPath();
    }
}
