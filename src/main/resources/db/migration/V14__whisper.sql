-- conversation module: a supervisor's whisper is a note the agent sees set apart (notes never reach the customer).
ALTER TABLE conversation_note ADD COLUMN whisper BOOLEAN DEFAULT FALSE NOT NULL;
