package dev.kefu.ticket;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Component;

import dev.kefu.contact.ContactDataSection;

/** The contact's left messages and call-back requests for its data export, each with its thread of answers. */
@Component
class TicketDataSection implements ContactDataSection {

	private final Tickets tickets;

	TicketDataSection(Tickets tickets) {
		this.tickets = tickets;
	}

	@Override
	public String name() {
		return "tickets";
	}

	@Override
	public Object export(UUID organizationId, List<UUID> contactIds, Files files) {
		List<Map<String, Object>> all = new ArrayList<>();
		for (UUID contactId : contactIds) {
			for (Ticket ticket : tickets.search(organizationId, new Tickets.Filter(EnumSet.allOf(TicketState.class),
					null, false, null, contactId, Integer.MAX_VALUE, 0, null))) {
				Map<String, Object> entry = new LinkedHashMap<>();
				entry.put("ticket", ticket);
				entry.put("entries", tickets.thread(ticket.id()));
				all.add(entry);
			}
		}
		return all;
	}
}
