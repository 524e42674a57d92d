-- ticket module: call-back requests (回呼). A customer leaves a phone number and a window for the hotline to call
-- them back; it is a ticket of kind CALLBACK, so it shares the desk list, routing, alerts and reports with left
-- messages. A window with neither end means "as soon as possible". Each call the agent records adds one attempt;
-- the outcome and note are those of the latest attempt (NO_ANSWER may leave the ticket open for another try).
ALTER TABLE ticket ADD COLUMN kind VARCHAR(16) DEFAULT 'MESSAGE' NOT NULL;
ALTER TABLE ticket ADD COLUMN callback_from TIMESTAMP WITH TIME ZONE;
ALTER TABLE ticket ADD COLUMN callback_until TIMESTAMP WITH TIME ZONE;
ALTER TABLE ticket ADD COLUMN callback_attempts INT DEFAULT 0 NOT NULL;
ALTER TABLE ticket ADD COLUMN callback_outcome VARCHAR(32);
ALTER TABLE ticket ADD COLUMN callback_note VARCHAR(2000);
ALTER TABLE ticket ADD CONSTRAINT ticket_kind CHECK (kind IN ('MESSAGE', 'CALLBACK'));
-- A call back needs a number to call.
ALTER TABLE ticket ADD CONSTRAINT ticket_callback_phone CHECK (kind <> 'CALLBACK' OR contact_phone IS NOT NULL);
CREATE INDEX ticket_kind ON ticket (organization_id, kind, state);

-- reporting module: call-back requests among the tickets, with the latest attempt's outcome. Written by events that
-- may come in any order: the latest attempt (by number) wins.
ALTER TABLE report_ticket ADD COLUMN kind VARCHAR(16) DEFAULT 'MESSAGE' NOT NULL;
ALTER TABLE report_ticket ADD COLUMN callback_attempts INT DEFAULT 0 NOT NULL;
ALTER TABLE report_ticket ADD COLUMN callback_outcome VARCHAR(32);
