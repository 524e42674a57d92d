package dev.kefu.routing;

/** What an agent offers: ONLINE takes new chats, AWAY keeps current ones but takes none, OFFLINE is gone. */
public enum AgentStatus {
	ONLINE, AWAY, OFFLINE
}
