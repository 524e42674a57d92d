-- Conversation search (docs/decisions/0010-conversation-search.md) reads the conversation's own tables, and lists an
-- organization's conversations newest first; notes are already indexed by conversation.
CREATE INDEX conversation_org_created ON conversation (organization_id, created_at);
