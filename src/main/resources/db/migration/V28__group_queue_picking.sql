-- Issue 14: who takes a group's waiting chats. auto_assign: routing assigns them to free agents (as before);
-- agents_may_pick: agents of the group see the queue and may pick a chat from it by hand.
ALTER TABLE business_group ADD COLUMN auto_assign BOOLEAN DEFAULT TRUE NOT NULL;
ALTER TABLE business_group ADD COLUMN agents_may_pick BOOLEAN DEFAULT FALSE NOT NULL;
