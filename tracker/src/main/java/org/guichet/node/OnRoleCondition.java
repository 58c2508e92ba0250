package org.guichet.node;

import java.util.EnumSet;
import java.util.Set;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

class OnRoleCondition implements Condition {

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        Role role = (Role) metadata.getAnnotationAttributes(ConditionalOnRole.class.getName()).get("value");
        Set<Role> roles = Binder.get(context.getEnvironment())
                .bind("guichet.roles", Bindable.setOf(Role.class))
                .orElse(EnumSet.allOf(Role.class));
        return roles.contains(role);
    }
}
