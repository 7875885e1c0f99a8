package ba.refnet.registry.hsds;

import ba.refnet.chassis.errors.AccessDeniedException;
import ba.refnet.chassis.errors.ConflictException;
import ba.refnet.chassis.errors.InvalidInputException;
import ba.refnet.chassis.errors.InvalidInputException.FieldViolation;
import ba.refnet.reference.CodeList;
import ba.refnet.reference.SearchText;
import ba.refnet.reference.Term;
import ba.refnet.registry.domain.Location;
import ba.refnet.registry.domain.ServiceContact;
import ba.refnet.registry.hsds.HsdsBundle.ImportedLocation;
import ba.refnet.registry.hsds.HsdsBundle.ImportedOrganization;
import ba.refnet.registry.hsds.HsdsBundle.ImportedService;
import ba.refnet.registry.hsds.HsdsBundle.Note;
import ba.refnet.registry.persistence.HumanServiceRepository;
import ba.refnet.registry.persistence.OrganizationRepository;
import ba.refnet.registry.service.OrganizationDirectory;
import ba.refnet.registry.service.OrganizationDirectory.OrganizationInput;
import ba.refnet.registry.service.ServiceCatalogue;
import ba.refnet.registry.service.ServiceCatalogue.ServiceInput;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Onboards another directory's HSDS data: organisations and services keep their HSDS ids, so importing the same
 * data again changes nothing. Values this directory cannot use (a legal status it does not know, coordinates
 * outside Bosnia and Herzegovina, taxonomy terms of another taxonomy) are dropped with a warning; real problems
 * (a missing name, an id that is not a UUID, an inverted age range) stop the whole import, which then stores
 * nothing. A dry run does everything, reports, and rolls back.
 */
@ApplicationScoped
public class HsdsImport {

    private static final Pattern EMAIL = Pattern.compile("^[^@\\s\"]+@[^@\\s\"]+\\.[a-zA-Z]{2,}$");
    private static final Pattern URL = Pattern.compile("^https?://\\S{3,490}$");
    private static final Pattern LANGUAGE = Pattern.compile("^[a-z]{2,3}(-[A-Za-z]{2,4})?$");

    @Inject
    OrganizationDirectory directory;

    @Inject
    ServiceCatalogue catalogue;

    @Inject
    OrganizationRepository organizations;

    @Inject
    HumanServiceRepository services;

    public record Item(String source, String kind, UUID id, String name, String outcome) {
    }

    public record Report(boolean dryRun, int created, int updated, int unchanged, List<Item> items,
            List<Note> warnings, List<Note> errors) {
    }

    @Transactional
    public Report run(HsdsBundle bundle, boolean dryRun) {
        List<Note> errors = new ArrayList<>(bundle.problems());
        List<Note> warnings = new ArrayList<>(bundle.warnings());
        List<Item> items = new ArrayList<>();
        for (ImportedOrganization o : parentsFirst(bundle.organizations())) {
            if (o.name() == null || tooLong(o.source(), errors, "name", o.name(), 300)
                    || tooLong(o.source(), errors, "tax_id", o.taxId(), 50)) {
                continue;
            }
            boolean exists = organizations.findByIdOptional(o.id()).isPresent();
            long before = exists ? directory.organization(o.id()).version() : -1;
            try {
                OrganizationInput input = organizationInput(o, bundle, warnings);
                long after = exists ? directory.update(o.id(), input, null).version()
                        : directory.register(o.id(), input).version();
                items.add(new Item(o.source(), "organization", o.id(), o.name(),
                        !exists ? "created" : after == before ? "unchanged" : "updated"));
            } catch (InvalidInputException e) {
                e.violations().forEach(v -> errors.add(new Note(o.source(), v.field(), v.message())));
            } catch (ConflictException | AccessDeniedException e) {
                errors.add(new Note(o.source(), "organization", e.getMessage()));
            }
        }
        for (ImportedService s : bundle.services()) {
            if (s.name() == null || tooLong(s.source(), errors, "name", s.name(), 300)) {
                continue;
            }
            boolean exists = services.findByIdOptional(s.id()).isPresent();
            try {
                if (!exists && organizations.findByIdOptional(s.organizationId()).isEmpty()) {
                    errors.add(new Note(s.source(), "organization_id", "no organisation " + s.organizationId()
                            + " in the import or the directory"));
                    continue;
                }
                if (s.minimumAge() != null && s.maximumAge() != null && s.minimumAge() > s.maximumAge()) {
                    errors.add(new Note(s.source(), "maximum_age", "is below minimum_age"));
                    continue;
                }
                ServiceInput input = serviceInput(s, warnings);
                long before = exists ? catalogue.service(s.id()).version() : -1;
                long after = exists ? catalogue.update(s.id(), input, null).version()
                        : catalogue.add(s.id(), s.organizationId(), input, null, null).version();
                items.add(new Item(s.source(), "service", s.id(), s.name(),
                        !exists ? "created" : after == before ? "unchanged" : "updated"));
            } catch (InvalidInputException e) {
                e.violations().forEach(v -> errors.add(new Note(s.source(), v.field(), v.message())));
            } catch (ConflictException | AccessDeniedException e) {
                errors.add(new Note(s.source(), "service", e.getMessage()));
            }
        }
        if (!errors.isEmpty() && !dryRun) {
            throw new InvalidInputException(errors.stream()
                    .map(n -> new FieldViolation(n.source() + ": " + n.field(), n.message())).toList());
        }
        if (dryRun || !errors.isEmpty()) {
            QuarkusTransaction.setRollbackOnly();
        }
        return new Report(dryRun, count(items, "created"), count(items, "updated"), count(items, "unchanged"), items,
                warnings, errors);
    }

    private static boolean tooLong(String source, List<Note> errors, String field, String value, int max) {
        if (value != null && value.length() > max) {
            errors.add(new Note(source, field, "is longer than " + max + " characters"));
            return true;
        }
        return false;
    }

    private static int count(List<Item> items, String outcome) {
        return (int) items.stream().filter(i -> i.outcome().equals(outcome)).count();
    }

    /** A parent organisation in the same import is registered before its children. */
    private static List<ImportedOrganization> parentsFirst(List<ImportedOrganization> all) {
        Map<UUID, ImportedOrganization> pending = new LinkedHashMap<>();
        all.forEach(o -> pending.put(o.id(), o));
        List<ImportedOrganization> ordered = new ArrayList<>();
        while (!pending.isEmpty()) {
            int size = pending.size();
            for (var it = pending.values().iterator(); it.hasNext();) {
                ImportedOrganization o = it.next();
                if (o.parentId() == null || !pending.containsKey(o.parentId()) || o.parentId().equals(o.id())) {
                    ordered.add(o);
                    it.remove();
                }
            }
            if (pending.size() == size) {
                ordered.addAll(pending.values());
                break;
            }
        }
        return ordered;
    }

    private OrganizationInput organizationInput(ImportedOrganization o, HsdsBundle bundle, List<Note> warnings) {
        UUID parent = o.parentId();
        boolean parentKnown = parent != null && (organizations.findByIdOptional(parent).isPresent()
                || bundle.organizations().stream().anyMatch(x -> x.id().equals(parent)));
        if (parent != null && !parentKnown) {
            warnings.add(new Note(o.source(), "parent_organization_id", "organisation " + parent
                    + " is neither in the import nor in the directory; left out"));
        }
        List<Location> locations = o.locations().stream().map(l -> location(l, warnings)).toList();
        return new OrganizationInput(o.name(), o.alternateName() == null ? List.of() : List.of(o.alternateName()),
                legalForm(o, warnings), null, o.taxId(), o.description(), checked(o.source(), "website", o.website(), URL,
                warnings), checked(o.source(), "email", o.email(), EMAIL, warnings),
                o.phones().stream().filter(p -> !p.number().isBlank()).toList(), parentKnown ? parent : null,
                locations.stream().map(Location::municipalityCode).filter(m -> m != null).findFirst().orElse(null),
                locations);
    }

    private static String legalForm(ImportedOrganization o, List<Note> warnings) {
        String status = SearchText.fold(o.legalStatus());
        Optional<String> form = LegalForms.of(status);
        if (form.isEmpty() && !status.isEmpty()) {
            warnings.add(new Note(o.source(), "legal_status", "'" + o.legalStatus() + "' is not a legal form here; "
                    + "recorded as other"));
        }
        return form.orElse("other");
    }

    private static Location location(ImportedLocation l, List<Note> warnings) {
        String municipality = municipality(l.city());
        if (municipality == null) {
            warnings.add(new Note(l.source(), "city", "'" + l.city() + "' is not a municipality of Bosnia and "
                    + "Herzegovina; the location has no municipality code"));
        }
        boolean inside = l.latitude() != null && l.longitude() != null && l.latitude() >= 42.5 && l.latitude() <= 45.3
                && l.longitude() >= 15.7 && l.longitude() <= 19.7;
        if (!inside && (l.latitude() != null || l.longitude() != null)) {
            warnings.add(new Note(l.source(), "latitude", "coordinates outside Bosnia and Herzegovina; left out"));
        }
        return new Location(l.id(), l.name(), l.street(), l.city(), l.postalCode(), municipality,
                inside ? l.latitude() : null, inside ? l.longitude() : null, l.accessibility(), l.schedule());
    }

    /** A municipality or city by its code or its name in any script. */
    private static String municipality(String nameOrCode) {
        if (nameOrCode == null) {
            return null;
        }
        String folded = SearchText.fold(nameOrCode);
        return CodeList.administrativeUnits().terms().stream()
                .filter(t -> CodeList.LOCAL_KINDS.contains(t.kind()))
                .filter(t -> t.code().equals(nameOrCode) || t.labels().values().stream()
                        .anyMatch(label -> SearchText.fold(label).equals(folded)))
                .map(Term::code).findFirst().orElse(null);
    }

    private static Optional<String> area(String nameOrCode) {
        if (CodeList.administrativeUnits().contains(nameOrCode)) {
            return Optional.of(nameOrCode);
        }
        String folded = SearchText.fold(nameOrCode);
        return CodeList.administrativeUnits().terms().stream()
                .filter(t -> t.labels().values().stream().anyMatch(label -> SearchText.fold(label).equals(folded)))
                .map(Term::code).findFirst();
    }

    private ServiceInput serviceInput(ImportedService s, List<Note> warnings) {
        List<String> supportTypes = new ArrayList<>();
        List<String> targetGroups = new ArrayList<>();
        for (String code : s.termCodes()) {
            if (CodeList.supportTypes().contains(code)) {
                supportTypes.add(code);
            } else if (CodeList.targetGroups().contains(code)) {
                targetGroups.add(code);
            } else {
                warnings.add(new Note(s.source(), "attributes", "taxonomy term '" + code
                        + "' is not in the RefNet taxonomies; left out"));
            }
        }
        if (supportTypes.isEmpty()) {
            warnings.add(new Note(s.source(), "attributes", "no RefNet support type: the service is listed but not "
                    + "found by support-type searches until one is set"));
        }
        List<String> areas = new ArrayList<>();
        for (String a : s.areas()) {
            area(a).ifPresentOrElse(areas::add, () -> warnings.add(new Note(s.source(), "service_areas",
                    "'" + shorten(a) + "' is not an administrative unit of Bosnia and Herzegovina; left out")));
        }
        List<String> languages = s.languages().stream().filter(code -> {
            boolean ok = LANGUAGE.matcher(code).matches();
            if (!ok) {
                warnings.add(new Note(s.source(), "languages", "'" + code + "' is not a language code; left out"));
            }
            return ok;
        }).toList();
        Set<UUID> ownLocations = new HashSet<>();
        organizations.findByIdOptional(s.organizationId()).ifPresent(o -> o.locations().forEach(l -> ownLocations.add(l.id())));
        List<UUID> locationIds = s.locationIds().stream().filter(id -> {
            boolean ok = ownLocations.contains(id);
            if (!ok) {
                warnings.add(new Note(s.source(), "service_at_locations", "location " + id
                        + " is not one of the organisation's locations; left out"));
            }
            return ok;
        }).distinct().toList();
        List<ServiceContact> contacts = new ArrayList<>(s.contacts().stream().map(c -> new ServiceContact(c.id(),
                c.name(), c.title(), checked(s.source(), "contacts.email", c.email(), EMAIL, warnings), c.phone(),
                c.referralIntake())).toList());
        String email = checked(s.source(), "email", s.email(), EMAIL, warnings);
        if (contacts.isEmpty() && email != null) {
            contacts.add(new ServiceContact(null, s.name(), null, email, null, true));
        }
        return new ServiceInput(s.name(), s.description(), supportTypes, targetGroups, s.minimumAge(), s.maximumAge(),
                s.eligibility(), languages, s.fees(), s.applicationProcess(), status(s, warnings), areas, locationIds,
                contacts);
    }

    private static String status(ImportedService s, List<Note> warnings) {
        if (s.status() == null) {
            return "active";
        }
        return switch (s.status()) {
            case "active" -> "active";
            case "inactive" -> "inactive";
            case "temporarily closed" -> "temporarily_closed";
            default -> {
                warnings.add(new Note(s.source(), "status", "'" + s.status() + "' is recorded as inactive"));
                yield "inactive";
            }
        };
    }

    private static String checked(String source, String field, String value, Pattern pattern, List<Note> warnings) {
        if (value == null || pattern.matcher(value).matches()) {
            return value;
        }
        warnings.add(new Note(source, field, "'" + shorten(value) + "' is not valid here; left out"));
        return null;
    }

    private static String shorten(String text) {
        return text.length() > 60 ? text.substring(0, 60) + "…" : text;
    }
}
