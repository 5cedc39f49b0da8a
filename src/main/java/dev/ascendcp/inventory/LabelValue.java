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

/** A label value ({@code null} is valid: combine with {@code @NotNull}). See {@link InventoryPatterns#isLabelValue}. */
@Documented
@Constraint(validatedBy = LabelValue.Validator.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface LabelValue {

    String message() default "must be at most 128 letters, digits or _ . : / @ + -";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Checks the value with {@link InventoryPatterns#isLabelValue}. */
    class Validator implements ConstraintValidator<LabelValue, String> {
        @Override
        public boolean isValid(@Nullable String value, ConstraintValidatorContext context) {
            return value == null || InventoryPatterns.isLabelValue(value);
        }
    }
}
