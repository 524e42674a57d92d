-- A conversation can start with the virtual assistant (state BOT) before any queue. Bot replies carry structured
-- details (the article answered with, "did you mean" choices) in meta, as JSON.
ALTER TABLE message ADD COLUMN meta VARCHAR(8000);
-- The time a conversation left the assistant for a human queue.
ALTER TABLE conversation ADD COLUMN handed_over_at TIMESTAMP WITH TIME ZONE;
