# JVM image of the EMREX NCP. Build the application first (PostgreSQL build, see docs/operations.md):
#   ./mvnw -B package -DskipTests -Dquarkus.datasource.db-kind=postgresql
#   docker build -t emrex-ncp .
FROM eclipse-temurin:17-jre

RUN useradd --system --uid 1001 --home-dir /app ncp
WORKDIR /app
# The fast-jar layout: dependencies change less often than the application, so they get their own layers.
COPY --chown=1001 target/quarkus-app/lib/ /app/lib/
COPY --chown=1001 target/quarkus-app/*.jar /app/
COPY --chown=1001 target/quarkus-app/app/ /app/app/
COPY --chown=1001 target/quarkus-app/quarkus/ /app/quarkus/

USER 1001
# 8080: the public port (behind the TLS proxy); 9000: health, metrics, OpenAPI (orchestrator and monitoring only).
EXPOSE 8080 9000
# The signing key and the database come from the environment / mounted secrets, never from the image.
# Memory (docs/operations.md, "JVM memory"): no limit on the code cache (48 MB made the JIT compiler evict and
# compile again without end under load, docs/adr/0880), a fixed small heap, the serial collector on a small container, native
# memory given back to the system every few seconds, and few malloc arenas.
ENV JAVA_OPTS_APPEND="-Xmx128m -Xms64m -XX:MaxMetaspaceSize=192m -XX:+UseSerialGC -XX:MaxDirectMemorySize=32m -Xss512k -XX:+UnlockExperimentalVMOptions -XX:TrimNativeHeapInterval=5000 -Djava.util.logging.manager=org.jboss.logmanager.LogManager" \
    MALLOC_ARENA_MAX=2 \
    QUARKUS_HTTP_HOST=0.0.0.0 \
    QUARKUS_MANAGEMENT_HOST=0.0.0.0 \
    QUARKUS_LOG_CONSOLE_JSON_ENABLED=true
# exec, so that SIGTERM reaches the JVM and the graceful shutdown (quarkus.shutdown.timeout) runs.
ENTRYPOINT ["sh", "-c", "exec java $JAVA_OPTS_APPEND -jar /app/quarkus-run.jar"]
