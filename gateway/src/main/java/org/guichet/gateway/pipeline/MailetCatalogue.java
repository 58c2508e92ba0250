package org.guichet.gateway.pipeline;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.mailet.Mailet;
import org.apache.mailet.Matcher;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AssignableTypeFilter;
import org.springframework.util.ClassUtils;

/**
 * Finds mailet and matcher classes by the names written in {@code pipeline.xml}: a full class
 * name as is; a short name first among James's standard ones ({@value #STANDARD_MAILETS},
 * {@value #STANDARD_MATCHERS}), then among Guichet's (any class under {@value #GUICHET}).
 */
final class MailetCatalogue {

    static final String STANDARD_MAILETS = "org.apache.james.transport.mailets";
    static final String STANDARD_MATCHERS = "org.apache.james.transport.matchers";
    static final String GUICHET = "org.guichet.gateway";

    private final ClassLoader classLoader;
    private final Map<String, List<String>> guichetMailets;
    private final Map<String, List<String>> guichetMatchers;

    private MailetCatalogue(ClassLoader classLoader) {
        this.classLoader = classLoader;
        this.guichetMailets = scan(Mailet.class, classLoader);
        this.guichetMatchers = scan(Matcher.class, classLoader);
    }

    static MailetCatalogue load() {
        return new MailetCatalogue(MailetCatalogue.class.getClassLoader());
    }

    Class<? extends Mailet> mailet(String name) {
        return find(name, Mailet.class, STANDARD_MAILETS, guichetMailets, "mailet");
    }

    Class<? extends Matcher> matcher(String name) {
        return find(name, Matcher.class, STANDARD_MATCHERS, guichetMatchers, "matcher");
    }

    private <T> Class<? extends T> find(String name, Class<T> type, String standardPackage,
            Map<String, List<String>> guichet, String kind) {
        if (name.contains(".")) {
            return load(name, type, kind).orElseThrow(() -> new IllegalArgumentException(
                    "no " + kind + " class " + name + " on the class path"));
        }
        var standard = load(standardPackage + "." + name, type, kind);
        if (standard.isPresent()) {
            return standard.get();
        }
        List<String> candidates = guichet.getOrDefault(name, List.of());
        if (candidates.size() > 1) {
            throw new IllegalArgumentException(kind + " name '" + name + "' is ambiguous: " + candidates
                    + "; write the full class name");
        }
        if (candidates.isEmpty()) {
            throw new IllegalArgumentException("unknown " + kind + " '" + name + "' (looked in " + standardPackage
                    + " and " + GUICHET + ".*)");
        }
        return load(candidates.get(0), type, kind).orElseThrow();
    }

    private <T> java.util.Optional<Class<? extends T>> load(String className, Class<T> type, String kind) {
        Class<?> found;
        try {
            found = ClassUtils.forName(className, classLoader);
        } catch (ClassNotFoundException | LinkageError e) {
            return java.util.Optional.empty();
        }
        if (!type.isAssignableFrom(found)) {
            throw new IllegalArgumentException(className + " is not a " + kind + " (it does not implement "
                    + type.getName() + ")");
        }
        return java.util.Optional.of(found.asSubclass(type));
    }

    private static Map<String, List<String>> scan(Class<?> type, ClassLoader classLoader) {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.setResourceLoader(new org.springframework.core.io.DefaultResourceLoader(classLoader));
        scanner.addIncludeFilter(new AssignableTypeFilter(type));
        Map<String, List<String>> bySimpleName = new LinkedHashMap<>();
        for (BeanDefinition candidate : scanner.findCandidateComponents(GUICHET)) {
            String className = candidate.getBeanClassName();
            bySimpleName.computeIfAbsent(ClassUtils.getShortName(className), k -> new ArrayList<>()).add(className);
        }
        return bySimpleName;
    }
}
