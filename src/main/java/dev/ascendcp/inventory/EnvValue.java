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

/** An environment variable value ({@code null} is valid: combine with {@code @NotNull}). See {@link InventoryPatterns#isEnvValue}. */
@Documented
@Constraint(validatedBy = EnvValue.Validator.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface EnvValue {

    String message() default "must have at most 4096 characters and no NUL or line break";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Checks the value with {@link InventoryPatterns#isEnvValue}. */
    class Validator implements ConstraintValidator<EnvValue, String> {
        @Override
        public boolean isValid(@Nullable String value, ConstraintValidatorContext context) {
            return value == null || InventoryPatterns.isEnvValue(value);
        }
    }
}
