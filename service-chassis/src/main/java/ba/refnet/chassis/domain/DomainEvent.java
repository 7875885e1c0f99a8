package ba.refnet.chassis.domain;

/**
 * Something that happened to an aggregate, named in the past tense ({@code ReferralAccepted}). Domain events are
 * plain records of the service's own domain; a service's {@link ba.refnet.chassis.outbox.EventContracts} turns each
 * into the published contract type, so the domain never builds a payload by hand.
 */
public interface DomainEvent {
}
