-- Reports filtered by organisation or place read only their referrals.
CREATE INDEX referral_fact_sending_idx ON referral_fact (sending_organization_id, requested_at);
CREATE INDEX referral_fact_receiving_idx ON referral_fact (receiving_organization_id, requested_at);
CREATE INDEX referral_fact_municipality_idx ON referral_fact (municipality_code, requested_at);
CREATE INDEX case_fact_municipality_idx ON case_fact (municipality_code);
