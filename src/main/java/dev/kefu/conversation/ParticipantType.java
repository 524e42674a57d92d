package dev.kefu.conversation;

/** Who wrote a message or caused a transition. */
public enum ParticipantType {
	CONTACT, AGENT, BOT, SYSTEM
}
