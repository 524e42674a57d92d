package dev.kefu.organization;

/** What happens to an agent's open chats when the agent drops offline. */
public enum OfflinePolicy {
	/** The chats stay with the agent, who resumes them when back. */
	KEEP,
	/** After the group's requeue delay the chats go back to the queue for someone else. */
	REQUEUE
}
