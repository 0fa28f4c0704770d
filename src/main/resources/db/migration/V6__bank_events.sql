-- Events reported by the partner bank (POST /api/bank/events). The event id is the primary key:
-- a repeated delivery finds the first answer here and changes nothing. Only events that were
-- applied are stored; a refused event (400/404/409) leaves no row and may be sent again.
-- Portable SQL: H2 and PostgreSQL.
CREATE TABLE bank_event (
    event_id        VARCHAR(100)  NOT NULL PRIMARY KEY,
    loan_reference  VARCHAR(40)   NOT NULL REFERENCES loan (reference),
    event_type      VARCHAR(30)   NOT NULL CHECK (event_type IN (
        'CONTRACT_SIGNED', 'DISBURSED', 'INSTALMENT_PAID', 'INSTALMENT_PARTLY_PAID', 'INSTALMENT_MISSED')),
    amount          NUMERIC(19,2) CHECK (amount > 0),
    value_date      DATE          NOT NULL,
    -- the request as applied (canonical JSON), to tell a repeat from a reused event id
    payload         VARCHAR(4000) NOT NULL,
    response_status INTEGER       NOT NULL,
    response_body   VARCHAR(4000) NOT NULL,
    received_at     TIMESTAMP     NOT NULL
);
CREATE INDEX bank_event_loan ON bank_event (loan_reference, value_date);
