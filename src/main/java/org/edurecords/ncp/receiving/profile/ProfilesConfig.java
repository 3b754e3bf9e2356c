package org.edurecords.ncp.receiving.profile;

import java.util.Optional;

import io.smallrye.config.ConfigMapping;

/**
 * Where the operator's requirement profiles are. A mapping of its own rather than a {@code @ConfigProperty}: the
 * {@code ncp} mapping ({@code NcpConfig}) refuses every {@code ncp.*} key that no mapping declares, so a key read
 * only by {@code @ConfigProperty} would stop the start as soon as it is set (ADR 0851).
 */
@ConfigMapping(prefix = "ncp.receiving")
public interface ProfilesConfig {

    /** {@code ncp.receiving.profiles-dir}: a directory whose {@code *.json} files are profiles. */
    Optional<String> profilesDir();
}
