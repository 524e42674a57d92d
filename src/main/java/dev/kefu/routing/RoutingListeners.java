package dev.kefu.routing;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import dev.kefu.contact.ContactsMerged;
import dev.kefu.conversation.ConversationClosed;
import dev.kefu.organization.GroupChanged;
import dev.kefu.organization.StaffMemberChanged;
import dev.kefu.organization.StaffMembers;
import dev.kefu.shared.AfterCommit;

/**
 * Keeps routing in step with the rest of Kefu. These run from the event publication registry, so a node crash between
 * closing a chat and freeing the slot only delays the release until the event is republished.
 */
@Component
class RoutingListeners {

	private final Slots slots;
	private final Queues queues;
	private final Agents agents;
	private final StaffMembers staff;
	private final Dispatcher dispatcher;

	RoutingListeners(Slots slots, Queues queues, Agents agents, StaffMembers staff, Dispatcher dispatcher) {
		this.slots = slots;
		this.queues = queues;
		this.agents = agents;
		this.staff = staff;
		this.dispatcher = dispatcher;
	}

	@ApplicationModuleListener
	void on(ConversationClosed closed) {
		queues.remove(closed.conversationId());
		slots.release(closed.conversationId());
		AfterCommit.run(() -> dispatcher.request(closed.organizationId(), closed.groupId()));
	}

	/** A group may have just started assigning automatically: drain what waits (and desks hear of any change). */
	@ApplicationModuleListener
	void on(GroupChanged changed) {
		AfterCommit.run(() -> dispatcher.request(changed.organizationId(), changed.groupId()));
	}

	@ApplicationModuleListener
	void on(ContactsMerged merged) {
		queues.moveContact(merged.organizationId(), merged.mergedId(), merged.survivorId());
	}

	@ApplicationModuleListener
	void on(StaffMemberChanged changed) {
		staff.find(changed.organizationId(), changed.staffId()).ifPresent(member -> {
			if (agents.find(member.organizationId(), member.id()).isPresent()) {
				agents.refresh(member);
				AfterCommit.run(() -> member.groupIds()
					.forEach(groupId -> dispatcher.request(member.organizationId(), groupId)));
			}
		});
	}
}
