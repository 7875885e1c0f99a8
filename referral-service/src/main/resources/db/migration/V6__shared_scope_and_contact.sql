-- What the consents behind a referral let the receiver see, and whom at the sender to contact.
ALTER TABLE referral
    ADD COLUMN shared_scope   text[]       NOT NULL DEFAULT '{}',
    ADD COLUMN sender_contact varchar(300);
