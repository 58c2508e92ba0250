package org.guichet;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;

/**
 * The application's own classes, without any test: neither this module's test classes nor the
 * test jars of the modules it uses (tracker's rigs and fixtures), which ArchUnit's
 * {@link ImportOption.DoNotIncludeTests} does not recognise inside a jar.
 */
public final class MainClassesOnly implements ImportOption {

    private final ImportOption tests = new DoNotIncludeTests();

    @Override
    public boolean includes(Location location) {
        return tests.includes(location) && !location.matches(java.util.regex.Pattern.compile(".*-tests\\.jar.*"));
    }
}
