-- Aggregates kept by the projections, so that reports over a year of a whole network read a few hundred rows
-- instead of a million facts: the tables. The views that say what one referral and one household contribute, and
-- the functions that keep the tables equal to the sum of those contributions, are R__report_contributions.sql. Facts
-- projected before this migration are added up at the next start (SupportTypeFamiliesAtStart computes the
-- aggregates afresh when it first writes the support type families of V6).

-- The funnel's steps per cell and day. Room is left on every page (fillfactor) so that adding to a row rewrites
-- it in place (a HOT update) instead of touching the index.
CREATE TABLE referral_day (
    slice        char(1) NOT NULL,
    key          text    NOT NULL,
    support_type text    NOT NULL,
    day          date    NOT NULL,
    requested    int     NOT NULL,
    accepted     int     NOT NULL,
    rejected     int     NOT NULL,
    cancelled    int     NOT NULL,
    started      int     NOT NULL,
    completed    int     NOT NULL,
    failed       int     NOT NULL,
    redirected   int     NOT NULL,
    overdue      int     NOT NULL,
    escalated    int     NOT NULL,
    PRIMARY KEY (slice, key, support_type, day)
) WITH (fillfactor = 80);

-- Rejections and failures by reason, completions by need met, per cell and day.
CREATE TABLE referral_day_reason (
    slice        char(1)     NOT NULL,
    key          text        NOT NULL,
    support_type text        NOT NULL,
    day          date        NOT NULL,
    step         varchar(10) NOT NULL,
    code         varchar(64) NOT NULL,
    referrals    int         NOT NULL,
    PRIMARY KEY (slice, key, support_type, day, step, code)
) WITH (fillfactor = 80);

-- Histograms of the minutes to acceptance and to completion per cell and month ('m'), and for the whole network
-- and each network also per day ('d'): a period reads its whole months, and its odd days from these or, for an
-- organisation or a place, from the facts of those days, which their indexes find (per day, the histograms of
-- every organisation would be as many rows as the facts).
CREATE TABLE referral_wait (
    slice        char(1)          NOT NULL,
    key          text             NOT NULL,
    support_type text             NOT NULL,
    span         char(1)          NOT NULL,
    starts       date             NOT NULL,
    step         varchar(10)      NOT NULL,
    bucket       int              NOT NULL,
    referrals    int              NOT NULL,
    seconds      bigint           NOT NULL,
    PRIMARY KEY (slice, key, support_type, span, starts, step, bucket)
) WITH (fillfactor = 80);

-- A referral's row changes with every step: room on its page lets the change stay there (a HOT update) when no
-- indexed column changes, which keeps the projection's writes to one page. Acceptance is such a change once the
-- beneficiary figures no longer search the facts by acceptance time (only their fallback does, and seldom).
ALTER TABLE referral_fact SET (fillfactor = 80);
DROP INDEX referral_fact_accepted_idx;

-- Households first reached on a day of a span, and their people by age group, per cell.
CREATE TABLE household_figures (
    span         char(1) NOT NULL,
    starts       date    NOT NULL,
    slice        char(1) NOT NULL,
    key          text    NOT NULL,
    support_type text    NOT NULL,
    first_day    date    NOT NULL,
    households   int     NOT NULL,
    young        int     NOT NULL,
    adults       int     NOT NULL,
    age_unknown  int     NOT NULL,
    PRIMARY KEY (span, starts, slice, key, support_type, first_day)
) WITH (fillfactor = 80);
