package ba.refnet.referral.service;

import ba.refnet.chassis.errors.AccessDeniedException;
import ba.refnet.chassis.errors.InvalidInputException;
import ba.refnet.chassis.errors.ResourceNotFoundException;
import ba.refnet.chassis.rest.Page;
import ba.refnet.chassis.rest.PageRequest;
import ba.refnet.chassis.security.CallerContext;
import ba.refnet.chassis.security.Roles;
import ba.refnet.referral.domain.Deadline;
import ba.refnet.referral.domain.Protocol;
import ba.refnet.referral.domain.ProtocolStep;
import ba.refnet.referral.persistence.ProtocolRepository;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Written protocols: coordinators define them for their working group; everyone in the network reads them. */
@ApplicationScoped
public class ProtocolCatalog {

    @Inject
    ProtocolRepository protocols;

    @Inject
    Clock clock;

    @Inject
    CallerContext caller;

    public record NewProtocol(String name, String municipalityCode, String triggerCategory,
            UUID coordinatorOrganizationId, Integer escalateAfterHours, List<NewStep> steps) {
    }

    public record NewStep(String deadline, String responsibleLegalForm, int dueHours) {
    }

    /** A coordinator defines protocols coordinated by their own organisation; a network administrator any. */
    @Transactional
    public Protocol define(NewProtocol request) {
        UUID coordinator = request.coordinatorOrganizationId() != null ? request.coordinatorOrganizationId()
                : caller.requireOrganization();
        if (!caller.hasRole(Roles.NETWORK_ADMIN) && !caller.belongsTo(coordinator)) {
            throw new AccessDeniedException("a coordinator defines protocols coordinated by their own organisation");
        }
        List<ProtocolStep> steps = new ArrayList<>();
        for (int i = 0; i < request.steps().size(); i++) {
            NewStep step = request.steps().get(i);
            int index = i;
            Deadline deadline = Deadline.ofCode(step.deadline()).orElseThrow(() -> new InvalidInputException(
                    "steps[" + index + "].deadline", "must be acknowledge, first_contact or plan"));
            steps.add(new ProtocolStep(deadline, step.responsibleLegalForm(), step.dueHours()));
        }
        Protocol protocol = Protocol.define(request.name(), request.municipalityCode(), request.triggerCategory(),
                coordinator, request.escalateAfterHours() == null ? 24 : request.escalateAfterHours(), steps,
                clock.instant());
        protocols.persist(protocol);
        return protocol;
    }

    @Transactional
    public Protocol protocol(UUID id) {
        return protocols.findByIdOptional(id).orElseThrow(() -> ResourceNotFoundException.of("protocol", id));
    }

    @Transactional
    public Page<Protocol> protocols(PageRequest page) {
        var query = protocols.findAll(Sort.by("name"));
        return Page.of(query.page(page.page(), page.size()).list(), page, query.count());
    }
}
