package dev.ascendcp.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class JobsPropertiesEventsTests {

    private final Validator validator =
            Validation.buildDefaultValidatorFactory().getValidator();

    @Test
    void viewerCapsDefaultTo256And32AndBindFromKebabCase() {
        JobsProperties defaults = new Binder(new MapConfigurationPropertySource(Map.of()))
                .bindOrCreate("ascendcp.jobs", JobsProperties.class);
        assertThat(defaults.events().maxViewers()).isEqualTo(256);
        assertThat(defaults.events().maxViewersPerJob()).isEqualTo(32);
        assertThat(defaults.events().retryAfter()).isEqualTo(Duration.ofSeconds(5));

        JobsProperties set = new Binder(new MapConfigurationPropertySource(Map.of(
                        "ascendcp.jobs.events.max-viewers", "10",
                        "ascendcp.jobs.events.max-viewers-per-job", "3")))
                .bindOrCreate("ascendcp.jobs", JobsProperties.class);
        assertThat(set.events().maxViewers()).isEqualTo(10);
        assertThat(set.events().maxViewersPerJob()).isEqualTo(3);
        assertThat(validator.validate(set)).isEmpty();
    }

    @Test
    void aPerJobCapAboveTheOverallOneOrACapBelowOneIsRejected() {
        assertThat(validator.validate(new JobsProperties.Events(4, 8, Duration.ofSeconds(5))))
                .extracting(v -> v.getMessage())
                .containsExactly("max-viewers-per-job must not exceed max-viewers");
        assertThat(validator.validate(new JobsProperties.Events(0, 0, Duration.ofSeconds(5))))
                .extracting(v -> v.getPropertyPath().toString())
                .contains("maxViewers", "maxViewersPerJob");
        assertThat(validator.validate(new JobsProperties.Events(8, 4, Duration.ofSeconds(5))))
                .isEmpty();
    }
}
