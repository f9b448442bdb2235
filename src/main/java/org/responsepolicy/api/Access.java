package org.responsepolicy.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.responsepolicy.access.Role;

/**
 * Which roles may call a resource method (admin always may). A method without it is for admin only, so a new
 * endpoint is closed until someone decides otherwise; {@link Public} marks the few that need no key.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
@interface Access {
    Role[] value();

    /** Health and the contract: load balancers and integrators read them without a key. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target({ElementType.METHOD, ElementType.TYPE})
    @interface Public {
    }
}
