package dev.kefu.supervision;

import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Component;

import dev.kefu.organization.BusinessGroup;
import dev.kefu.organization.Groups;
import dev.kefu.organization.StaffMembers;
import dev.kefu.shared.AccessDenied;
import dev.kefu.shared.Permission;
import dev.kefu.shared.Reach;
import dev.kefu.shared.StaffCaller;

/** Which groups a caller supervises: those within the reach of their {@code conversation.supervise}: an admin all
 * of the organization's, a supervisor those they belong to, a custom role its center's or groups. */
@Component
class SupervisedGroups {

	private final Groups groups;
	private final StaffMembers staff;

	SupervisedGroups(Groups groups, StaffMembers staff) {
		this.groups = groups;
		this.staff = staff;
	}

	List<BusinessGroup> of(StaffCaller caller) {
		caller.require(Permission.CONVERSATION_SUPERVISE);
		List<BusinessGroup> all = groups.all(caller.organizationId());
		Reach reach = caller.reach(Permission.CONVERSATION_SUPERVISE);
		if (reach.organization()) {
			return all;
		}
		List<UUID> mine = staff.require(caller.organizationId(), caller.userId()).groupIds();
		return all.stream().filter(g -> reach.covers(g.id(), mine)).toList();
	}

	BusinessGroup require(StaffCaller caller, UUID groupId) {
		return of(caller).stream()
			.filter(g -> g.id().equals(groupId))
			.findFirst()
			.orElseThrow(() -> new AccessDenied("you do not supervise that group"));
	}
}
