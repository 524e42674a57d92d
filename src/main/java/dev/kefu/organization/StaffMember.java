package dev.kefu.organization;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import dev.kefu.shared.Role;

/** Someone who works the desk or runs it. {@code maxChats} is how many chats they handle at once. */
public record StaffMember(UUID id, UUID organizationId, String username, String displayName, @Nullable String email,
		Set<Role> roles, int maxChats, boolean enabled, List<UUID> groupIds) {
}
