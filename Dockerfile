# Build stage: the Maven wrapper builds the executable jar (dependencies first, for layer caching).
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY mvnw pom.xml ./
COPY .mvn .mvn
RUN ./mvnw -B -q dependency:go-offline
COPY src src
COPY frontend/css frontend/css
COPY frontend/js frontend/js
RUN ./mvnw -B -q package -DskipTests

# Run stage: a JRE, an unprivileged user, the data directory (H2 file, master key) as a volume.
FROM eclipse-temurin:17-jre
RUN useradd --system --uid 10001 --home-dir /app ascendcp && mkdir -p /app/data && chown ascendcp /app/data
WORKDIR /app
COPY --from=build /src/target/ascend-control-plane-*.jar /app/app.jar
USER ascendcp
VOLUME ["/app/data"]
EXPOSE 8080
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/app/app.jar"]
