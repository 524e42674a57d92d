-- Conversation search (docs/decisions/0010-conversation-search.md) reads the conversation's own tables: results newest
-- first within an organization, and each candidate's notes by conversation.
CREATE INDEX conversation_org_created ON conversation (organization_id, created_at);
CREATE INDEX conversation_note_conv ON conversation_note (conversation_id, created_at);
