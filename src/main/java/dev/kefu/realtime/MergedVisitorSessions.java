package dev.kefu.realtime;

import java.util.UUID;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import dev.kefu.contact.ContactsMerged;

/**
 * A merged contact's open widgets are listening on the merged contact's topic, and would hear nothing more: every
 * node closes their connections, and the widget, connecting again with the token it has, is the survivor (visitor
 * tokens follow merges) and is sent the survivor's open chat in {@code ready}.
 */
@Component
class MergedVisitorSessions {

	private static final String CLOSE = "close-visitor:";

	private final LiveHub hub;

	MergedVisitorSessions(LiveHub hub) {
		this.hub = hub;
		hub.onControl(message -> {
			if (message.startsWith(CLOSE)) {
				hub.close(LiveHub.visitor(UUID.fromString(message.substring(CLOSE.length()))));
			}
		}, () -> {
		});
	}

	@ApplicationModuleListener
	void on(ContactsMerged merged) {
		hub.publishControl(CLOSE + merged.mergedId());
	}
}
