package dev.kefu.notification;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import dev.kefu.organization.Groups;
import dev.kefu.organization.StaffMember;
import dev.kefu.organization.StaffMembers;
import dev.kefu.routing.AgentStatus;
import dev.kefu.routing.Agents;
import dev.kefu.ticket.TicketOpened;
import dev.kefu.ticket.TicketThreads;
import dev.kefu.ticket.TicketThreads.TicketThread;

/**
 * Agents hear of a message left while nobody was online, by e-mail, where the group asks for it. "Nobody online" is
 * why the widget offered to leave a message (no agent online, or outside business hours); a customer who chose to
 * leave one while agents were there, or found the queue full, is seen on the desk.
 */
@Component
class LeftMessageAlerts {

	static final String KIND = "LEFT_MESSAGE_ALERT";

	private final SystemMail mail;
	private final GroupAlerts settings;
	private final TicketThreads threads;
	private final Groups groups;
	private final StaffMembers staff;
	private final Agents agents;
	private final MailProperties properties;

	LeftMessageAlerts(SystemMail mail, GroupAlerts settings, TicketThreads threads, Groups groups, StaffMembers staff,
			Agents agents, MailProperties properties) {
		this.mail = mail;
		this.settings = settings;
		this.threads = threads;
		this.groups = groups;
		this.staff = staff;
		this.agents = agents;
		this.properties = properties;
	}

	@ApplicationModuleListener
	void on(TicketOpened opened) {
		if (!mail.configured()) {
			return;
		}
		GroupAlerts.Setting setting = settings.of(opened.organizationId(), opened.groupId());
		if (!setting.enabled() || !nobodyOnline(opened)) {
			return;
		}
		Optional<TicketThread> thread = threads.find(opened.organizationId(), opened.ticketId());
		if (thread.isEmpty() || thread.get().entries().isEmpty()) {
			return;
		}
		TicketThread left = thread.get();
		String group = groups.find(opened.organizationId(), opened.groupId()).map(g -> g.name()).orElse("");
		Letter letter = Letters.alert(setting.language(), group, left.subject(), left.contactName(), left.contactEmail(),
				left.contactPhone(), opened.reason(), left.entries().getFirst().body(), properties.deskUrl());
		for (String to : recipients(opened.organizationId(), opened.groupId(), setting)) {
			mail.queue(opened.organizationId(), new OutgoingMail(KIND,
					keyPrefix(opened.groupId()) + opened.ticketId() + ":" + Addresses.key(to), left.ticketId(), null, to,
					setting.language(), letter));
		}
	}

	/** Alerts are keyed by group first, so the group's settings can show how its latest alerts went. */
	static String keyPrefix(UUID groupId) {
		return "left-message-alert:" + groupId + ":";
	}

	/** The admin's list, else the group's enabled agents who have an address. */
	List<String> recipients(UUID organizationId, UUID groupId, GroupAlerts.Setting setting) {
		if (!setting.recipients().isEmpty()) {
			return setting.recipients();
		}
		return staff.membersOf(organizationId, groupId).stream()
			.filter(StaffMember::enabled)
			.map(StaffMember::email)
			.filter(Addresses::plausible)
			.distinct()
			.toList();
	}

	private boolean nobodyOnline(TicketOpened opened) {
		return switch (opened.reason()) {
			case "NO_AGENT_ONLINE", "OUTSIDE_BUSINESS_HOURS" -> true;
			case "QUEUE_FULL" -> false;
			default -> agents.ofGroup(opened.organizationId(), opened.groupId()).stream()
				.allMatch(agent -> agent.status() == AgentStatus.OFFLINE);
		};
	}
}
