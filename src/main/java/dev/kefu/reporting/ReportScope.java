package dev.kefu.reporting;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import dev.kefu.organization.StaffMember;
import dev.kefu.shared.AccessDenied;
import dev.kefu.shared.Role;
import dev.kefu.shared.StaffCaller;

/**
 * Whose figures a caller may see: admins all of the organization's, supervisors and QA inspectors those of the
 * groups they belong to, agents their own. A filter outside that is refused, not quietly narrowed.
 */
record ReportScope(@Nullable Set<UUID> groups, @Nullable UUID agentId) {

	static ReportScope of(StaffCaller caller, StaffMember member) {
		if (caller.has(Role.ADMIN)) {
			return new ReportScope(null, null);
		}
		if (caller.has(Role.SUPERVISOR) || caller.has(Role.QA_INSPECTOR)) {
			return new ReportScope(Set.copyOf(member.groupIds()), null);
		}
		return new ReportScope(null, caller.userId());
	}

	/** The groups to report on: the one asked for (if allowed) or all in scope; null for no restriction. */
	@Nullable Set<UUID> groupsFor(@Nullable UUID groupId) {
		if (groupId == null) {
			return groups == null ? null : new HashSet<>(groups);
		}
		if (groups != null && !groups.contains(groupId)) {
			throw new AccessDenied("you may see the figures of your own groups only");
		}
		return Set.of(groupId);
	}

	/** The agent to report on: the one asked for (if allowed), the caller if only their own, or null for all. */
	@Nullable UUID agentFor(@Nullable UUID asked) {
		if (agentId != null && asked != null && !agentId.equals(asked)) {
			throw new AccessDenied("agents may see their own figures only");
		}
		return agentId != null ? agentId : asked;
	}
}
