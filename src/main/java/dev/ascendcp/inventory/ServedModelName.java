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

/** The name vLLM serves a model under ({@code null} is valid: combine with {@code @NotNull}). See {@link InventoryPatterns#isServedModelName}. */
@Documented
@Constraint(validatedBy = ServedModelName.Validator.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface ServedModelName {

    String message() default "must be letters, digits and . _ / - (at most 128)";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Checks the value with {@link InventoryPatterns#isServedModelName}. */
    class Validator implements ConstraintValidator<ServedModelName, String> {
        @Override
        public boolean isValid(@Nullable String value, ConstraintValidatorContext context) {
            return value == null || InventoryPatterns.isServedModelName(value);
        }
    }
}
