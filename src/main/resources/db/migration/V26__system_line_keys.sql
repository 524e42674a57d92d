-- conversation module: a system line ("Li Na is now serving you") is stored as a key of the UI catalogs with its
-- parameters, so each reader sees it in their own language; body keeps the English wording for old clients.
ALTER TABLE message ADD COLUMN text_key VARCHAR(64);
ALTER TABLE message ADD COLUMN text_params VARCHAR(1000);

-- Lines stored before, in the English the server used to write, get their key too. A name that would need escaping
-- in JSON (a quote or a backslash) is left as it was: such a line is shown as stored.
UPDATE message SET text_key = 'system.handedOver', text_params = '{}'
WHERE text_key IS NULL AND sender_type = 'SYSTEM' AND body = 'Connecting you to an agent';
UPDATE message SET text_key = 'system.requeued', text_params = '{}'
WHERE text_key IS NULL AND sender_type = 'SYSTEM' AND body = 'Please wait a moment, we are connecting you to another agent';
UPDATE message SET text_key = 'system.closed', text_params = '{}'
WHERE text_key IS NULL AND sender_type = 'SYSTEM' AND body = 'The conversation has ended';
UPDATE message
SET text_key = 'system.nowServing',
    text_params = '{"agent":"' || SUBSTRING(body, 1, CHAR_LENGTH(body) - CHAR_LENGTH(' is now serving you')) || '"}'
WHERE text_key IS NULL AND sender_type = 'SYSTEM' AND body LIKE '_% is now serving you'
  AND body NOT LIKE '%"%' AND body NOT LIKE '%\%' ESCAPE '!';
UPDATE message
SET text_key = 'system.transferred',
    text_params = '{"agent":"' || SUBSTRING(body, CHAR_LENGTH('Transferred to ') + 1) || '"}'
WHERE text_key IS NULL AND sender_type = 'SYSTEM' AND body LIKE 'Transferred to _%'
  AND body NOT LIKE '%"%' AND body NOT LIKE '%\%' ESCAPE '!';
