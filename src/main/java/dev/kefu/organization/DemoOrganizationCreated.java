package dev.kefu.organization;

import java.util.UUID;

/**
 * The demo organization was created, on a first start that wanted it (see {@link DemoWanted}): each module that has
 * something to show (knowledge, canned responses, the assistant) fills in its own part, as its admin.
 * {@code groupId} is the General group, which new chats go to.
 */
public record DemoOrganizationCreated(UUID organizationId, UUID groupId, UUID adminId) {
}
