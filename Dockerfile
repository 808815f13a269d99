# Lối Về application image. Build: docker compose build (or docker build -t loive .)
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY .mvn .mvn
COPY mvnw pom.xml ./
RUN ./mvnw -B -q dependency:go-offline
COPY src src
COPY bpmn bpmn
COPY keycloak-realm keycloak-realm
# The Keycloak distribution is only for the dev run and the tests: not unpacked here.
RUN ./mvnw -B -q -DskipTests -Dmdep.skip=true package

FROM eclipse-temurin:17-jre
RUN useradd --system --uid 10001 --home-dir /app loive \
 && install -d -o 10001 -m 700 /var/lib/loive/vault /var/lib/loive/audit-witness
WORKDIR /app
COPY --from=build /src/target/loive-*.jar /app/loive.jar
USER 10001
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=5s --start-period=90s \
  CMD wget -q -O /dev/null http://localhost:8080/actuator/health || exit 1
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/app/loive.jar"]
