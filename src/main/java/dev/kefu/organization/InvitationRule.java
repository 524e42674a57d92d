package dev.kefu.organization;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A proactive invitation: the widget opens with {@code greeting} for a visitor who matches every condition set (time
 * on the page, an address pattern where {@code *} stands for anything, a returning visitor, pages viewed in this
 * visit). While {@code groupId}'s queue holds more than {@code maxQueue} chats the rule is not handed out.
 */
public record InvitationRule(UUID id, String name, String greeting, @Nullable String urlPattern,
		@Nullable Integer secondsOnPage, @Nullable Integer minPages, boolean returningOnly, @Nullable UUID groupId,
		@Nullable Integer maxQueue, boolean enabled) {
}
