package dev.kefu.ticket;

import java.util.Optional;

import dev.kefu.routing.Queues;

/** Why the customer left a message instead of chatting: why no chat could be had, or because they chose to. */
enum LeftBecause {
	OUTSIDE_BUSINESS_HOURS, NO_AGENT_ONLINE, QUEUE_FULL, VISITOR_CHOICE;

	static LeftBecause of(Optional<Queues.Unavailability> unavailability) {
		return unavailability.map(reason -> switch (reason) {
			case OUTSIDE_BUSINESS_HOURS -> OUTSIDE_BUSINESS_HOURS;
			case NO_AGENT_ONLINE -> NO_AGENT_ONLINE;
			case QUEUE_FULL -> QUEUE_FULL;
		}).orElse(VISITOR_CHOICE);
	}
}
