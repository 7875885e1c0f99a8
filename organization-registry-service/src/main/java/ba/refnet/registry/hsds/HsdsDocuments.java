package ba.refnet.registry.hsds;

import ba.refnet.reference.CodeList;
import ba.refnet.reference.Term;
import ba.refnet.registry.domain.HumanService;
import ba.refnet.registry.domain.Location;
import ba.refnet.registry.domain.Organization;
import ba.refnet.registry.domain.OrganizationProfile;
import ba.refnet.registry.domain.Phone;
import ba.refnet.registry.domain.ServiceContact;
import ba.refnet.registry.domain.ServiceDescription;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Writes the directory as Open Referral HSDS 3.0 objects. Absent values are left out rather than written as null,
 * as the HSDS schemas type them as strings and numbers.
 */
public final class HsdsDocuments {

    private final String language;

    public HsdsDocuments(String language) {
        this.language = language;
    }

    static Map<String, Object> object(Object... keyValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            Object value = keyValues[i + 1];
            if (value != null && !(value instanceof List<?> list && list.isEmpty())) {
                map.put((String) keyValues[i], value instanceof UUID u ? u.toString() : value);
            }
        }
        return map;
    }

    public static Map<String, Object> page(List<Map<String, Object>> contents, long total, int pageNumber, int perPage) {
        int pages = (int) Math.max(1, (total + perPage - 1) / perPage);
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("total_items", total);
        page.put("total_pages", pages);
        page.put("page_number", pageNumber);
        page.put("size", contents.size());
        page.put("first_page", pageNumber == 1);
        page.put("last_page", pageNumber >= pages);
        page.put("empty", contents.isEmpty());
        page.put("contents", contents);
        return page;
    }

    /** A service; {@code full} adds areas, locations, contacts, languages and taxonomy attributes. */
    public Map<String, Object> service(HumanService s, boolean full) {
        ServiceDescription d = s.description();
        Map<String, Object> service = object(
                "id", s.id(),
                "organization_id", s.organization().id(),
                "name", d.name(),
                "description", d.description(),
                "email", d.contacts().stream().filter(ServiceContact::referralIntake).map(ServiceContact::email)
                        .filter(e -> e != null).findFirst().orElse(null),
                "status", status(s),
                "application_process", d.howToApply(),
                "fees_description", d.fees(),
                "eligibility_description", d.eligibility(),
                "minimum_age", d.minimumAge(),
                "maximum_age", d.maximumAge(),
                "last_modified", s.updatedAt().toString(),
                "organization", organization(s.organization(), false, List.of()));
        if (full) {
            service.putAll(object(
                    "service_areas", d.areaCodes().stream().map(code -> area(s.id(), code)).toList(),
                    "service_at_locations", s.organization().locations().stream()
                            .filter(l -> d.locationIds().contains(l.id()))
                            .map(l -> object("id", HsdsIds.of("service-at-location", s.id(), l.id()),
                                    "service_id", s.id(), "location_id", l.id(),
                                    "location", location(s.organization().id(), l))).toList(),
                    "languages", d.languages().stream().map(code -> object("id", HsdsIds.of("language", s.id(), code),
                            "service_id", s.id(), "code", code, "name", code)).toList(),
                    "contacts", d.contacts().stream().map(c -> contact(s.id(), c)).toList(),
                    "phones", d.contacts().stream().filter(c -> c.referralIntake() && c.phone() != null)
                            .map(c -> object("id", HsdsIds.of("phone", c.id()), "service_id", s.id(),
                                    "number", c.phone(), "description", c.name())).toList(),
                    "attributes", attributes(s)));
        }
        return service;
    }

    /** An organisation; {@code full} adds phones and locations, and the services given. */
    public Map<String, Object> organization(Organization o, boolean full, List<Map<String, Object>> services) {
        OrganizationProfile p = o.profile();
        Map<String, Object> organization = object(
                "id", o.id(),
                "name", p.name(),
                "alternate_name", p.alternateNames().isEmpty() ? null : String.join("; ", p.alternateNames()),
                "description", p.description() == null ? "" : p.description(),
                "email", p.email(),
                "website", p.website(),
                "tax_id", p.taxId(),
                "legal_status", p.legalForm().code(),
                "parent_organization_id", p.parentOrganizationId());
        if (full) {
            organization.putAll(object(
                    "phones", phones(o.id(), p.phones()),
                    "locations", p.locations().stream().map(l -> location(o.id(), l)).toList(),
                    "organization_identifiers", p.registrationNumber() == null ? null : List.of(object(
                            "id", HsdsIds.of("identifier", o.id(), "registration"),
                            "organization_id", o.id(),
                            "identifier_type", "registration_number",
                            "identifier", p.registrationNumber())),
                    "services", services));
        }
        return organization;
    }

    public Map<String, Object> taxonomy(String taxonomy) {
        return object("id", HsdsIds.taxonomy(taxonomy), "name", HsdsIds.TAXONOMIES.get(taxonomy),
                "description", HsdsIds.TAXONOMIES.get(taxonomy) + ", with labels in bs, hr, sr-Latn, sr-Cyrl and en",
                "version", "1");
    }

    public Map<String, Object> taxonomyTerm(String taxonomy, Term term) {
        return object("id", HsdsIds.term(taxonomy, term.code()),
                "code", term.code(),
                "name", term.label(language),
                "description", term.label("en"),
                "parent_id", term.parentCode() == null ? null : HsdsIds.term(taxonomy, term.parentCode()),
                "taxonomy", HsdsIds.TAXONOMIES.get(taxonomy),
                "taxonomy_id", HsdsIds.taxonomy(taxonomy),
                "language", language);
    }

    private List<Map<String, Object>> attributes(HumanService s) {
        List<Map<String, Object>> attributes = new ArrayList<>();
        ServiceDescription d = s.description();
        for (String code : d.supportTypes()) {
            attributes.add(attribute(s.id(), "support_type", code));
        }
        for (String code : d.targetGroups()) {
            attributes.add(attribute(s.id(), "target_group", code));
        }
        return attributes;
    }

    private Map<String, Object> attribute(UUID serviceId, String taxonomy, String code) {
        Term term = HsdsIds.codeList(taxonomy).term(code).orElseThrow();
        return object("id", HsdsIds.of("attribute", serviceId, taxonomy, code),
                "link_id", serviceId, "link_type", taxonomy, "link_entity", "service",
                "taxonomy_term_id", HsdsIds.term(taxonomy, code),
                "taxonomy_term", taxonomyTerm(taxonomy, term));
    }

    private Map<String, Object> area(UUID serviceId, String code) {
        Term unit = CodeList.administrativeUnits().term(code).orElseThrow();
        return object("id", HsdsIds.of("area", serviceId, code), "service_id", serviceId,
                "name", unit.label(language), "description", unit.kind() + " " + code,
                "extent", code, "extent_type", "text");
    }

    private Map<String, Object> location(UUID organizationId, Location l) {
        String region = CodeList.administrativeUnits().withAncestors(l.municipalityCode()).stream().skip(1)
                .findFirst().flatMap(c -> CodeList.administrativeUnits().term(c)).map(t -> t.label(language))
                .orElse("");
        return object("id", l.id(), "location_type", "physical", "organization_id", organizationId,
                "name", l.name(), "latitude", l.latitude(), "longitude", l.longitude(),
                "addresses", List.of(object("id", HsdsIds.of("address", l.id()), "location_id", l.id(),
                        "address_1", l.street() == null ? "" : l.street(), "city", l.city() == null ? "" : l.city(),
                        "state_province", region,
                        "postal_code", l.postalCode() == null ? "" : l.postalCode(), "country", "BA",
                        "address_type", "physical")),
                "accessibility", l.accessibility() == null ? null : List.of(object(
                        "id", HsdsIds.of("accessibility", l.id()), "location_id", l.id(),
                        "description", l.accessibility())),
                "schedules", l.schedule().stream().map(h -> object(
                        "id", HsdsIds.of("schedule", l.id(), h.weekday()), "location_id", l.id(),
                        "freq", "WEEKLY", "byday", h.weekday().toUpperCase(), "wkst", "MO",
                        "opens_at", h.opens(), "closes_at", h.closes())).toList());
    }

    private static Map<String, Object> contact(UUID serviceId, ServiceContact c) {
        return object("id", c.id(), "service_id", serviceId, "name", c.name(), "title", c.title(),
                "email", c.email(), "phones", c.phone() == null ? null : List.of(object(
                        "id", HsdsIds.of("phone", c.id()), "contact_id", c.id(), "number", c.phone())));
    }

    private static List<Map<String, Object>> phones(UUID organizationId, List<Phone> phones) {
        List<Map<String, Object>> list = new ArrayList<>();
        for (int i = 0; i < phones.size(); i++) {
            Phone p = phones.get(i);
            list.add(object("id", HsdsIds.of("phone", organizationId, i), "organization_id", organizationId,
                    "number", p.number(), "type", p.type(), "description", p.description()));
        }
        return list;
    }

    private static String status(HumanService s) {
        if (s.withdrawnAt() != null) {
            return "defunct";
        }
        return switch (s.status()) {
            case ACTIVE -> "active";
            case INACTIVE -> "inactive";
            case TEMPORARILY_CLOSED -> "temporarily closed";
        };
    }
}
