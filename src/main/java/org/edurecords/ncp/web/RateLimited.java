package org.edurecords.ncp.web;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A resource method whose requests count against one of the {@link RateLimits} of the client's address ({@link RateLimitFilter}). */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface RateLimited {

    RateLimits.Limit value();
}
