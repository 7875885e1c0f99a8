package ba.refnet.registry.domain;

import java.util.List;
import java.util.UUID;

/** What an organisation says about itself in the directory; checked by the directory before it is applied. */
public record OrganizationProfile(String name, List<String> alternateNames, LegalForm legalForm,
        String registrationNumber, String taxId, String description, String website, String email, List<Phone> phones,
        UUID parentOrganizationId, String municipalityCode, List<Location> locations) {

    public OrganizationProfile {
        alternateNames = alternateNames == null ? List.of() : List.copyOf(alternateNames);
        phones = phones == null ? List.of() : List.copyOf(phones);
        locations = locations == null ? List.of() : List.copyOf(locations);
    }
}
