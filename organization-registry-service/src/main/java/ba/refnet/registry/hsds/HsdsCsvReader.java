package ba.refnet.registry.hsds;

import ba.refnet.registry.domain.Location;
import ba.refnet.registry.domain.Phone;
import ba.refnet.registry.domain.ServiceContact;
import ba.refnet.registry.hsds.HsdsBundle.ImportedLocation;
import ba.refnet.registry.hsds.HsdsBundle.ImportedOrganization;
import ba.refnet.registry.hsds.HsdsBundle.ImportedService;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads the HSDS 3.0 tabular package (organizations.csv, services.csv, locations.csv, ...), joining the tables
 * on their ids. Tables the directory does not keep (funding, programs, cost options, metadata) are ignored.
 */
public final class HsdsCsvReader {

    /** One row of a table, with the line it came from. */
    private record Row(String table, long line, Map<String, String> values) {
        String get(String column) {
            String value = values.get(column);
            return value == null || value.isBlank() ? null : value;
        }

        String source() {
            return table + " line " + line;
        }
    }

    private final Map<String, List<Row>> tables = new HashMap<>();
    private final HsdsBundle bundle = new HsdsBundle();

    /** @param files CSV file name to its text */
    public static HsdsBundle read(Map<String, String> files) {
        HsdsCsvReader reader = new HsdsCsvReader();
        files.forEach(reader::table);
        if (!files.containsKey("organizations.csv") && !files.containsKey("services.csv")) {
            reader.bundle.problem("package", "files", "no organizations.csv or services.csv in the package");
            return reader.bundle;
        }
        reader.rows("organizations.csv").forEach(reader::organization);
        reader.rows("services.csv").forEach(reader::service);
        return reader.bundle;
    }

    private void table(String name, String text) {
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).setTrim(true).get();
        List<Row> rows = new ArrayList<>();
        try (var parser = format.parse(new StringReader(text))) {
            for (CSVRecord record : parser) {
                rows.add(new Row(name, record.getRecordNumber() + 1, record.toMap()));
            }
        } catch (IOException | IllegalArgumentException | IllegalStateException e) {
            bundle.problem(name, "csv", "not a readable CSV table: " + e.getMessage());
        }
        tables.put(name, rows);
    }

    private List<Row> rows(String table) {
        return tables.getOrDefault(table, List.of());
    }

    private List<Row> where(String table, String column, UUID id) {
        return rows(table).stream().filter(r -> id != null && id.toString().equals(r.get(column))).toList();
    }

    private void organization(Row row) {
        UUID id = uuid(row, "id", true);
        if (id == null) {
            return;
        }
        List<Phone> phones = where("phones.csv", "organization_id", id).stream()
                .map(p -> new Phone(HsdsSchedules.cleanPhone(p.get("number")), p.get("type"), p.get("description")))
                .filter(p -> p.number() != null).toList();
        List<ImportedLocation> locations = where("locations.csv", "organization_id", id).stream()
                .map(this::location).filter(Objects::nonNull).toList();
        bundle.organizations().add(new ImportedOrganization(row.source(), id, required(row, "name"),
                row.get("alternate_name"), row.get("description"), row.get("email"), row.get("website"),
                row.get("tax_id"), row.get("legal_status"), uuid(row, "parent_organization_id", false), phones,
                locations));
    }

    private ImportedLocation location(Row row) {
        UUID id = uuid(row, "id", true);
        if (id == null) {
            return null;
        }
        Row address = where("addresses.csv", "location_id", id).stream().findFirst().orElse(null);
        String accessibility = where("accessibility.csv", "location_id", id).stream().map(r -> r.get("description"))
                .filter(Objects::nonNull).findFirst().orElse(null);
        List<Location.OpeningHours> schedule = new ArrayList<>();
        where("schedules.csv", "location_id", id).forEach(s -> schedule.addAll(HsdsSchedules.hours(s.get("byday"),
                s.get("opens_at"), s.get("closes_at"))));
        return new ImportedLocation(row.source(), id, row.get("name"), address == null ? null : address.get("address_1"),
                address == null ? null : address.get("city"), address == null ? null : address.get("postal_code"),
                decimal(row, "latitude"), decimal(row, "longitude"), accessibility, schedule);
    }

    private void service(Row row) {
        UUID id = uuid(row, "id", true);
        UUID organization = uuid(row, "organization_id", true);
        if (id == null || organization == null) {
            return;
        }
        List<String> languages = where("languages.csv", "service_id", id).stream().map(r -> r.get("code"))
                .filter(Objects::nonNull).toList();
        List<String> areas = where("service_areas.csv", "service_id", id).stream()
                .map(r -> r.get("extent") != null && !"extent".equals(r.get("extent")) ? r.get("extent") : r.get("name"))
                .filter(Objects::nonNull).toList();
        List<ServiceContact> contacts = where("contacts.csv", "service_id", id).stream().map(c -> {
            UUID contactId = HsdsJsonReader.uuidOrNull(c.get("id"));
            String phone = where("phones.csv", "contact_id", contactId).stream().map(p -> p.get("number"))
                    .filter(Objects::nonNull).map(HsdsSchedules::cleanPhone).findFirst().orElse(null);
            return new ServiceContact(contactId, c.get("name") == null ? "Contact" : c.get("name"), c.get("title"),
                    c.get("email"), phone, false);
        }).toList();
        Map<String, String> termCodes = new HashMap<>();
        rows("taxonomy_terms.csv").forEach(t -> {
            if (t.get("id") != null && t.get("code") != null) {
                termCodes.put(t.get("id"), t.get("code"));
            }
        });
        List<String> terms = where("attributes.csv", "link_id", id).stream().map(a -> termCodes.get(a.get("taxonomy_term_id")))
                .filter(Objects::nonNull).toList();
        List<UUID> locations = where("service_at_location.csv", "service_id", id).stream()
                .map(r -> HsdsJsonReader.uuidOrNull(r.get("location_id"))).filter(Objects::nonNull).toList();
        bundle.services().add(new ImportedService(row.source(), id, organization, required(row, "name"),
                row.get("description"), row.get("status"), row.get("application_process"), row.get("fees_description"),
                row.get("eligibility_description"), integer(row, "minimum_age"), integer(row, "maximum_age"),
                row.get("email"), languages, areas, contacts, terms, locations));
    }

    private String required(Row row, String column) {
        String value = row.get(column);
        if (value == null) {
            bundle.problem(row.source(), column, "is required");
        }
        return value;
    }

    private UUID uuid(Row row, String column, boolean required) {
        String value = row.get(column);
        if (value == null) {
            if (required) {
                bundle.problem(row.source(), column, "is required");
            }
            return null;
        }
        UUID id = HsdsJsonReader.uuidOrNull(value);
        if (id == null) {
            bundle.problem(row.source(), column, "must be a UUID");
        }
        return id;
    }

    private Integer integer(Row row, String column) {
        try {
            return row.get(column) == null ? null : (int) Double.parseDouble(row.get(column));
        } catch (NumberFormatException e) {
            bundle.problem(row.source(), column, "must be a number");
            return null;
        }
    }

    private Double decimal(Row row, String column) {
        try {
            return row.get(column) == null ? null : Double.valueOf(row.get(column));
        } catch (NumberFormatException e) {
            bundle.problem(row.source(), column, "must be a number");
            return null;
        }
    }
}
