package dev.ascendcp.inventory;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.jspecify.annotations.Nullable;

/** A docker size ({@code null} is valid: combine with {@code @NotNull}). See {@link InventoryPatterns#isDockerSize}. */
@Documented
@Constraint(validatedBy = DockerSize.Validator.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface DockerSize {

    String message() default "must be a size like 10g or 512m";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Checks the value with {@link InventoryPatterns#isDockerSize}. */
    class Validator implements ConstraintValidator<DockerSize, String> {
        @Override
        public boolean isValid(@Nullable String value, ConstraintValidatorContext context) {
            return value == null || InventoryPatterns.isDockerSize(value);
        }
    }
}
