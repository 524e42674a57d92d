package dev.kefu.supervision;

import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Component;

import dev.kefu.organization.BusinessGroup;
import dev.kefu.organization.Groups;
import dev.kefu.organization.StaffMembers;
import dev.kefu.shared.AccessDenied;
import dev.kefu.shared.Role;
import dev.kefu.shared.StaffCaller;

/** Which groups a caller supervises: an admin all of the organization's, a supervisor those they belong to. */
@Component
class SupervisedGroups {

	private final Groups groups;
	private final StaffMembers staff;

	SupervisedGroups(Groups groups, StaffMembers staff) {
		this.groups = groups;
		this.staff = staff;
	}

	List<BusinessGroup> of(StaffCaller caller) {
		if (!caller.supervises()) {
			throw new AccessDenied("only supervisors may supervise the desk");
		}
		List<BusinessGroup> all = groups.all(caller.organizationId());
		if (caller.has(Role.ADMIN)) {
			return all;
		}
		List<UUID> mine = staff.require(caller.organizationId(), caller.userId()).groupIds();
		return all.stream().filter(g -> mine.contains(g.id())).toList();
	}

	BusinessGroup require(StaffCaller caller, UUID groupId) {
		return of(caller).stream()
			.filter(g -> g.id().equals(groupId))
			.findFirst()
			.orElseThrow(() -> new AccessDenied("you do not supervise that group"));
	}
}
