package org.guichet;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.List;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * Gives a Spring test the settings of the {@link TestNode} its class holds in a static field, ahead
 * of every other property source, as a {@code @DynamicPropertySource} method would: a test
 * declares its node and nothing more. Registered in {@code META-INF/spring.factories}; a test
 * class without such a field is left alone.
 */
public final class TestNodeSettings implements ContextCustomizerFactory {

    @Override
    public ContextCustomizer createContextCustomizer(Class<?> testClass,
            List<ContextConfigurationAttributes> configAttributes) {
        TestNode node = nodeOf(testClass);
        return node == null ? null : new Settings(node);
    }

    private static TestNode nodeOf(Class<?> testClass) {
        for (Class<?> type = testClass; type != null; type = type.getSuperclass()) {
            for (Field field : type.getDeclaredFields()) {
                if (Modifier.isStatic(field.getModifiers()) && field.getType() == TestNode.class) {
                    try {
                        field.setAccessible(true);
                        return (TestNode) field.get(null);
                    } catch (IllegalAccessException e) {
                        throw new IllegalStateException("cannot read the TestNode of " + testClass.getName(), e);
                    }
                }
            }
        }
        return null;
    }

    /** One node's settings; equal only for the same node, so each node gets its own cached context. */
    private record Settings(TestNode node) implements ContextCustomizer {

        @Override
        public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
            context.getEnvironment().getPropertySources()
                    .addFirst(new MapPropertySource("TestNode " + node.home.getFileName(), node.settings()));
        }
    }
}
