package ba.refnet.deploy.kubernetes;

/**
 * One reason a manifest would be refused by the API server or its operator: which resource, which field, why.
 *
 * @param resource {@code Kind/name} of the document
 * @param field    the field's path in the document ({@code spec.template.spec.containers[0].image}), or empty
 * @param message  what is wrong with it
 */
public record Violation(String resource, String field, String message) {

    @Override
    public String toString() {
        return resource + (field.isEmpty() ? "" : " " + field) + ": " + message;
    }
}
