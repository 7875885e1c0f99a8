-- What the test consumer applies: one row per event it projected (the effect the inbox guards).
CREATE TABLE applied_effect (
    id        bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    consumer  varchar(100) NOT NULL,
    event_id  varchar(200) NOT NULL
);
