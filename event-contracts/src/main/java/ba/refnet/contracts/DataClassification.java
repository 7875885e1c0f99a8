package ba.refnet.contracts;

/**
 * Value of the CloudEvents {@code dataclassification} extension. No event carries direct identifiers of
 * people; {@link #CONFIDENTIAL} marks pseudonymous data about people (ids, age bands, sex, municipality).
 */
public enum DataClassification {
    PUBLIC("public"),
    INTERNAL("internal"),
    CONFIDENTIAL("confidential");

    private final String value;

    DataClassification(String value) {
        this.value = value;
    }

    public String value() {
        return value;
    }
}
