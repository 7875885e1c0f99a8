package ba.refnet.chassis.errors;

import java.util.List;

/** Input that is well-formed but wrong (an unknown code, a reference to nothing). Maps to 400 with violations. */
public class InvalidInputException extends RuntimeException {
    private final List<FieldViolation> violations;

    public InvalidInputException(String field, String message) {
        this(List.of(new FieldViolation(field, message)));
    }

    public InvalidInputException(List<FieldViolation> violations) {
        super(violations.isEmpty() ? "invalid input" : violations.get(0).field() + ": " + violations.get(0).message());
        this.violations = List.copyOf(violations);
    }

    public List<FieldViolation> violations() {
        return violations;
    }

    public record FieldViolation(String field, String message) {
    }
}
