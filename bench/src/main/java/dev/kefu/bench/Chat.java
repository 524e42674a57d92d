package dev.kefu.bench;

import java.util.concurrent.CompletableFuture;

/** One bench conversation: a visitor's connection, and once assigned, its agent. */
final class Chat {

	final Live visitor;
	final String visitorToken;
	volatile String conversationId;
	volatile long askedAt;
	final CompletableFuture<String> assigned = new CompletableFuture<>();

	Chat(Live visitor, String visitorToken) {
		this.visitor = visitor;
		this.visitorToken = visitorToken;
	}
}
