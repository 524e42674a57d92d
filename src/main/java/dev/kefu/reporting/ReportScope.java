package dev.kefu.reporting;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import dev.kefu.organization.StaffMember;
import dev.kefu.shared.AccessDenied;
import dev.kefu.shared.Permission;
import dev.kefu.shared.Reach;
import dev.kefu.shared.StaffCaller;

/**
 * Whose figures a caller may see: those within the reach of their {@code report.read} (admins the whole
 * organization, supervisors and QA inspectors the groups they belong to, a custom role its center or groups), and
 * without it their own. A filter outside that is refused, not quietly narrowed.
 */
record ReportScope(@Nullable Set<UUID> groups, @Nullable UUID agentId) {

	static ReportScope of(StaffCaller caller, StaffMember member) {
		Reach reach = caller.reach(Permission.REPORT_READ);
		if (reach.any()) {
			Set<UUID> groups = reach.groupsGiven(member.groupIds());
			return new ReportScope(groups == null ? null : Set.copyOf(groups), null);
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
