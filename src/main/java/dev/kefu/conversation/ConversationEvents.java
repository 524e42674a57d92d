package dev.kefu.conversation;

/** Marker for the conversation module's durable domain events, so listeners can subscribe to all of them. */
public sealed interface ConversationEvents
		permits ConversationOpened, ConversationAssigned, ConversationTransferred, ConversationRequeued,
		ConversationClosed, ConversationRated, SummarySaved, ConversationHandedOver {

	java.util.UUID organizationId();

	java.util.UUID conversationId();

	java.util.UUID contactId();
}
