package ba.refnet.registry.hsds;

import ba.refnet.registry.domain.Location;
import ba.refnet.registry.domain.Phone;
import ba.refnet.registry.domain.ServiceContact;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * What an HSDS file or CSV package holds, read into the parts this directory keeps, before it is checked. Every
 * part remembers where it came from ({@code organizations.csv line 2}, {@code /services/0}) for the report.
 */
public record HsdsBundle(List<ImportedOrganization> organizations, List<ImportedService> services,
        List<Note> problems, List<Note> warnings) {

    public HsdsBundle() {
        this(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
    }

    /** A problem or a warning about one place of the input. */
    public record Note(String source, String field, String message) {
    }

    public record ImportedOrganization(String source, UUID id, String name, String alternateName, String description,
            String email, String website, String taxId, String legalStatus, UUID parentId, List<Phone> phones,
            List<ImportedLocation> locations) {
    }

    public record ImportedLocation(String source, UUID id, String name, String street, String city, String postalCode,
            Double latitude, Double longitude, String accessibility, List<Location.OpeningHours> schedule) {
    }

    public record ImportedService(String source, UUID id, UUID organizationId, String name, String description,
            String status, String applicationProcess, String fees, String eligibility, Integer minimumAge,
            Integer maximumAge, String email, List<String> languages, List<String> areas,
            List<ServiceContact> contacts, List<String> termCodes, List<UUID> locationIds) {
    }

    public void problem(String source, String field, String message) {
        problems.add(new Note(source, field, message));
    }

    public void warning(String source, String field, String message) {
        warnings.add(new Note(source, field, message));
    }
}
