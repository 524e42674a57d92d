package dev.kefu.conversation;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** The author of a message or transition. Contacts carry no name: screens show the contact's current name. */
public record Participant(ParticipantType type, @Nullable UUID id, @Nullable String name) {

	public static Participant contact(UUID contactId) {
		return new Participant(ParticipantType.CONTACT, contactId, null);
	}

	public static Participant agent(UUID staffId, String name) {
		return new Participant(ParticipantType.AGENT, staffId, name);
	}

	public static Participant bot(String name) {
		return new Participant(ParticipantType.BOT, null, name);
	}

	public static Participant system() {
		return new Participant(ParticipantType.SYSTEM, null, "Kefu");
	}
}
