package org.guichet;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * Every package of the application, each on its own (org.guichet.gateway.pipeline is one,
 * org.guichet.gateway.threading another), depends on the others without a cycle: each can be
 * read, tested and moved knowing only what it depends on.
 */
@AnalyzeClasses(packages = "org.guichet", importOptions = MainClassesOnly.class)
class PackageCyclesTest {

    @ArchTest
    static final ArchRule noPackageCycle = slices().matching("org.guichet.(**)").should().beFreeOfCycles();
}
