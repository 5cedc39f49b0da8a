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

/** A network interface name ({@code null} is valid: combine with {@code @NotNull}). See {@link InventoryPatterns#isNicName}. */
@Documented
@Constraint(validatedBy = NicName.Validator.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface NicName {

    String message() default "must be an interface name: letters, digits, _ . : - (at most 15)";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Checks the value with {@link InventoryPatterns#isNicName}. */
    class Validator implements ConstraintValidator<NicName, String> {
        @Override
        public boolean isValid(@Nullable String value, ConstraintValidatorContext context) {
            return value == null || InventoryPatterns.isNicName(value);
        }
    }
}
