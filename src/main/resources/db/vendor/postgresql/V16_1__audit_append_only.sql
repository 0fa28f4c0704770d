-- The audit trail is append-only (V16, audit.AuditTrail): on PostgreSQL the database itself refuses
-- to change or remove an entry, whoever asks (the application never does). UPDATE and DELETE are
-- refused row by row, TRUNCATE for the table. A deliberate change needs the table owner to drop or
-- disable these triggers first, which PostgreSQL's own logs record; the hash chain then still shows
-- which entry was touched. PostgreSQL only (db/vendor/{vendor}); H2, the embedded demo, has no such
-- trigger language.
CREATE FUNCTION audit_entry_refuse_change() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_entry is append-only: % refused', TG_OP
        USING ERRCODE = 'restrict_violation';
END;
$$;

CREATE TRIGGER audit_entry_no_update_or_delete
    BEFORE UPDATE OR DELETE ON audit_entry
    FOR EACH ROW EXECUTE FUNCTION audit_entry_refuse_change();

CREATE TRIGGER audit_entry_no_truncate
    BEFORE TRUNCATE ON audit_entry
    FOR EACH STATEMENT EXECUTE FUNCTION audit_entry_refuse_change();
