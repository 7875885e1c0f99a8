-- A support type with types below it is a family: "educational" holds school support and preschool education. A
-- report for a family counts a referral or a household once however many of the family's types it has, which the
-- cells of single types cannot tell, so a family gets cells of its own: support type 'family:' and its code. Its
-- members, the type itself and every type below it, come from the taxonomy the service is built with; the service
-- writes them here at start and, when they changed, computes the aggregates afresh (SupportTypeFamiliesAtStart).
-- Family cells are kept for the whole network, networks and places, what annual reports are written for; an
-- organisation's figures for a family come from its facts, which its index finds. Every cell costs the projections
-- a row to keep up, and these three are one in three of a referral's slices.
CREATE TABLE support_type_family (
    support_type text NOT NULL,
    family       text NOT NULL,
    PRIMARY KEY (support_type, family)
);
