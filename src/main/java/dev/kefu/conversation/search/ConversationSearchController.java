package dev.kefu.conversation.search;

import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.kefu.shared.StaffCaller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;

/** Conversation search for agents, supervisors and admins (and API tokens with conversations:read). */
@RestController
class ConversationSearchController {

	private final ConversationSearch search;

	ConversationSearchController(ConversationSearch search) {
		this.search = search;
	}

	// Parameters arrive as text and are checked in SearchCriteria, so each bad one gets its own 400 code.
	@GetMapping("/api/v1/conversations/search")
	@Operation(summary = "Conversations whose messages or notes contain every word of q, newest first, with a snippet "
			+ "around the first hit; only those the caller may see (admins all, supervisors their groups' and their "
			+ "own, agents those they served)")
	ConversationSearch.Page search(@AuthenticationPrincipal StaffCaller caller,
			@Parameter(description = "words, each found as a substring, case-insensitive (at most 200 characters, "
					+ "8 words)", example = "退款") @RequestParam(required = false) @Nullable String q,
			@Parameter(description = "first day the chat began, in the organization's time zone",
					example = "2026-11-01") @RequestParam(required = false) @Nullable String from,
			@Parameter(description = "last day (inclusive)", example = "2026-11-30") @RequestParam(
					required = false) @Nullable String to,
			@Parameter(description = "staff id: chats this agent served") @RequestParam(
					required = false) @Nullable String agent,
			@Parameter(description = "group id") @RequestParam(required = false) @Nullable String group,
			@Parameter(description = "channel provider", example = "web") @RequestParam(
					required = false) @Nullable String channel,
			@Parameter(description = "BOT, QUEUED, ASSIGNED, CLOSED or ABANDONED") @RequestParam(
					required = false) @Nullable String state,
			@Parameter(description = "the customer's rating, 1-5") @RequestParam(
					required = false) @Nullable String rating,
			@Parameter(description = "a tag, by its id or its name (400 unknown-tag when the organization has none such)")
			@RequestParam(required = false) @Nullable String tag,
			@Parameter(description = "page number from 0") @RequestParam(required = false) @Nullable String page,
			@Parameter(description = "results per page, 1-50 (default 20)") @RequestParam(
					required = false) @Nullable String size) {
		return search.search(caller,
				SearchCriteria.parse(q, from, to, agent, group, channel, state, rating, tag, page, size));
	}
}
