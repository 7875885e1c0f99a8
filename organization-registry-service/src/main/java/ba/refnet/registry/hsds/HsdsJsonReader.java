package ba.refnet.registry.hsds;

import ba.refnet.registry.domain.Location;
import ba.refnet.registry.domain.Phone;
import ba.refnet.registry.domain.ServiceContact;
import ba.refnet.registry.hsds.HsdsBundle.ImportedLocation;
import ba.refnet.registry.hsds.HsdsBundle.ImportedOrganization;
import ba.refnet.registry.hsds.HsdsBundle.ImportedService;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Reads HSDS 3.0 JSON: one organisation (with its services), one service (with its organisation), a page of
 * either ({@code contents}), or an array of them.
 */
public final class HsdsJsonReader {

    private final HsdsBundle bundle = new HsdsBundle();
    private final Set<UUID> organizationsSeen = new HashSet<>();

    public static HsdsBundle read(JsonNode root) {
        HsdsJsonReader reader = new HsdsJsonReader();
        if (root.isArray()) {
            reader.items(root, "");
        } else if (root.isObject() && root.has("contents")) {
            reader.items(root.get("contents"), "/contents");
        } else if (root.isObject()) {
            reader.item(root, "");
        } else {
            reader.bundle.problem("", "json", "expected an HSDS object, a page or an array");
        }
        return reader.bundle;
    }

    private void items(JsonNode array, String path) {
        for (int i = 0; i < array.size(); i++) {
            item(array.get(i), path + "/" + i);
        }
    }

    private void item(JsonNode node, String path) {
        if (node.has("status")) {
            service(node, path, null);
        } else {
            organization(node, path);
        }
    }

    private void organization(JsonNode node, String path) {
        UUID id = uuid(node, "id", path, true);
        if (id == null || !organizationsSeen.add(id)) {
            return;
        }
        List<Phone> phones = new ArrayList<>();
        node.path("phones").forEach(p -> phones.add(phone(p)));
        List<ImportedLocation> locations = new ArrayList<>();
        JsonNode locationNodes = node.path("locations");
        for (int i = 0; i < locationNodes.size(); i++) {
            ImportedLocation location = location(locationNodes.get(i), path + "/locations/" + i);
            if (location != null) {
                locations.add(location);
            }
        }
        bundle.organizations().add(new ImportedOrganization(path.isEmpty() ? "/" : path, id, required(node, "name", path),
                text(node, "alternate_name"), text(node, "description"), text(node, "email"), text(node, "website"),
                text(node, "tax_id"), text(node, "legal_status"), uuid(node, "parent_organization_id", path, false),
                phones, locations));
        JsonNode services = node.path("services");
        for (int i = 0; i < services.size(); i++) {
            service(services.get(i), path + "/services/" + i, id);
        }
    }

    private void service(JsonNode node, String path, UUID organizationId) {
        UUID id = uuid(node, "id", path, true);
        JsonNode organization = node.path("organization");
        UUID owner = organizationId != null ? organizationId
                : node.hasNonNull("organization_id") ? uuid(node, "organization_id", path, true)
                : uuid(organization, "id", path + "/organization", true);
        if (organization.isObject()) {
            organization(organization, path + "/organization");
        }
        List<String> languages = new ArrayList<>();
        node.path("languages").forEach(l -> {
            if (l.hasNonNull("code")) {
                languages.add(l.get("code").asText());
            }
        });
        List<String> areas = new ArrayList<>();
        node.path("service_areas").forEach(a -> areas.add(a.hasNonNull("extent") && !a.get("extent").asText()
                .equals("extent") ? a.get("extent").asText() : text(a, "name")));
        List<ServiceContact> contacts = new ArrayList<>();
        node.path("contacts").forEach(c -> contacts.add(contact(c)));
        List<String> terms = new ArrayList<>();
        node.path("attributes").forEach(a -> {
            if (a.path("taxonomy_term").hasNonNull("code")) {
                terms.add(a.path("taxonomy_term").get("code").asText());
            }
        });
        List<UUID> locationIds = new ArrayList<>();
        node.path("service_at_locations").forEach(sal -> {
            UUID location = sal.hasNonNull("location_id") ? uuid(sal, "location_id", path, false)
                    : uuid(sal.path("location"), "id", path, false);
            if (location != null) {
                locationIds.add(location);
            }
        });
        if (id != null && owner != null) {
            bundle.services().add(new ImportedService(path.isEmpty() ? "/" : path, id, owner,
                    required(node, "name", path), text(node, "description"), text(node, "status"),
                    text(node, "application_process"), text(node, "fees_description"),
                    text(node, "eligibility_description"), integer(node, "minimum_age"), integer(node, "maximum_age"),
                    text(node, "email"), languages, areas, contacts, terms, locationIds));
        }
    }

    private ImportedLocation location(JsonNode node, String path) {
        UUID id = uuid(node, "id", path, true);
        if (id == null) {
            return null;
        }
        JsonNode address = node.path("addresses").path(0);
        List<Location.OpeningHours> schedule = new ArrayList<>();
        node.path("schedules").forEach(s -> schedule.addAll(HsdsSchedules.hours(text(s, "byday"), text(s, "opens_at"),
                text(s, "closes_at"))));
        return new ImportedLocation(path, id, text(node, "name"), text(address, "address_1"), text(address, "city"),
                text(address, "postal_code"), decimal(node, "latitude"), decimal(node, "longitude"),
                text(node.path("accessibility").path(0), "description"), schedule);
    }

    private static ServiceContact contact(JsonNode c) {
        JsonNode phone = c.path("phones").path(0);
        return new ServiceContact(uuidOrNull(c.path("id").asText(null)), c.path("name").asText("Contact"),
                text(c, "title"), text(c, "email"), phone.hasNonNull("number") ? HsdsSchedules.cleanPhone(
                        phone.get("number").asText()) : null, false);
    }

    private static Phone phone(JsonNode p) {
        return new Phone(HsdsSchedules.cleanPhone(p.path("number").asText("")), text(p, "type"), text(p, "description"));
    }

    private String required(JsonNode node, String field, String path) {
        String value = text(node, field);
        if (value == null) {
            bundle.problem(path, field, "is required");
        }
        return value;
    }

    private UUID uuid(JsonNode node, String field, String path, boolean required) {
        String value = text(node, field);
        if (value == null) {
            if (required) {
                bundle.problem(path, field, "is required");
            }
            return null;
        }
        UUID id = uuidOrNull(value);
        if (id == null) {
            bundle.problem(path, field, "must be a UUID");
        }
        return id;
    }

    static UUID uuidOrNull(String value) {
        try {
            return value == null ? null : UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isMissingNode() || value.isNull() || value.asText().isBlank() ? null : value.asText();
    }

    private static Integer integer(JsonNode node, String field) {
        return node.path(field).isNumber() ? node.get(field).asInt() : null;
    }

    private static Double decimal(JsonNode node, String field) {
        return node.path(field).isNumber() ? node.get(field).asDouble() : null;
    }
}
