package ba.refnet.registry.domain;

import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * What a service is and whom it serves; checked by the directory before it is applied. The API asks for at least
 * one support type; a service imported from another HSDS directory may come without one.
 *
 * @param areaCodes the administrative units it serves (municipalities, cantons, entities or {@code BA})
 * @param coveredMunicipalities the municipalities those units cover, for search
 */
public record ServiceDescription(String name, String description, List<String> supportTypes,
        List<String> targetGroups, Integer minimumAge, Integer maximumAge, String eligibility, List<String> languages,
        String fees, String howToApply, ServiceStatus status, List<String> areaCodes, Set<String> coveredMunicipalities,
        List<UUID> locationIds, List<ServiceContact> contacts) {

    public ServiceDescription {
        supportTypes = List.copyOf(supportTypes);
        targetGroups = targetGroups == null ? List.of() : List.copyOf(targetGroups);
        languages = languages == null ? List.of() : List.copyOf(languages);
        areaCodes = areaCodes == null ? List.of() : List.copyOf(areaCodes);
        coveredMunicipalities = coveredMunicipalities == null ? Set.of() : Set.copyOf(coveredMunicipalities);
        locationIds = locationIds == null ? List.of() : List.copyOf(locationIds);
        contacts = contacts == null ? List.of() : List.copyOf(contacts);
    }
}
