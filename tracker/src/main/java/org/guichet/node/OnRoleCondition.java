package org.guichet.node;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

class OnRoleCondition implements Condition {

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        Role role = (Role) metadata.getAnnotationAttributes(ConditionalOnRole.class.getName()).get("value");
        // The node's own record, so that conditions and beans agree on the default roles.
        NodeProperties node = Binder.get(context.getEnvironment()).bindOrCreate("guichet.node",
                Bindable.of(NodeProperties.class));
        return node.runs(role);
    }
}
