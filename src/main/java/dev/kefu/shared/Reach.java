package dev.kefu.shared;

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * How far one permission reaches for one person: the whole organization, the groups they are a member of (how the
 * preset supervisor role has always worked), and named groups (a grant on a group, or on a center resolved to its
 * groups). {@link #NONE} when the permission is not held.
 */
public record Reach(boolean organization, boolean memberGroups, Set<UUID> groups) {

	public static final Reach NONE = new Reach(false, false, Set.of());

	public static final Reach ORGANIZATION = new Reach(true, false, Set.of());

	public static final Reach MEMBER_GROUPS = new Reach(false, true, Set.of());

	public Reach {
		groups = Set.copyOf(groups);
	}

	public static Reach groups(Collection<UUID> groups) {
		return new Reach(false, false, Set.copyOf(groups));
	}

	public boolean any() {
		return organization || memberGroups || !groups.isEmpty();
	}

	public Reach union(Reach other) {
		Set<UUID> both = new HashSet<>(groups);
		both.addAll(other.groups);
		return new Reach(organization || other.organization, memberGroups || other.memberGroups, both);
	}

	/** Whether a group (null: a chat in no group) is within reach, given the person's own groups. */
	public boolean covers(@Nullable UUID groupId, Collection<UUID> ownGroups) {
		if (organization) {
			return true;
		}
		return groupId != null && (groups.contains(groupId) || memberGroups && ownGroups.contains(groupId));
	}

	/** The groups within reach, or null for every group of the organization. */
	public @Nullable Set<UUID> groupsGiven(Collection<UUID> ownGroups) {
		if (organization) {
			return null;
		}
		Set<UUID> all = new HashSet<>(groups);
		if (memberGroups) {
			all.addAll(ownGroups);
		}
		return all;
	}
}
