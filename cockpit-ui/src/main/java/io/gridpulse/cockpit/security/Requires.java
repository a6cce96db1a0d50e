package io.gridpulse.cockpit.security;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * What a route needs. The {@link AccessGuard} refuses every signed-in route without this annotation
 * (deny by default), a user whose role lacks the permission, and, when {@link #areaInPath}, an area
 * code in the last path segment that lies outside the user's scope.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Requires {
    Permission value();

    /** Whether the route's last path segment, when present, is an area code that must be in the user's scope. */
    boolean areaInPath() default false;
}
