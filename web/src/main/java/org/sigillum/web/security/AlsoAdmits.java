package org.sigillum.web.security;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On an {@link OperatorOnly} resource: back-office scopes admitted besides {@code admin}, for reading only when
 * {@code readOnly} (GET). The services confine a {@code users} token to its own group.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface AlsoAdmits {

    String[] value();

    boolean readOnly() default false;
}
