package dev.kefu.knowledge;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import dev.kefu.conversation.ConversationAccess;
import dev.kefu.conversation.Message;
import dev.kefu.conversation.Messages;
import dev.kefu.conversation.ParticipantType;
import dev.kefu.shared.RequestRejected;
import dev.kefu.shared.StaffCaller;
import dev.kefu.shared.Text;

/**
 * Agent assist: the published answers that best match what the customer just wrote, and the knowledge loop back:
 * a good reply becomes a draft FAQ entry, its question the customer's message it answered.
 */
@RestController
class AgentAssistController {

	private static final int SUGGESTIONS = 3;

	private final Knowledge knowledge;
	private final Articles articles;
	private final ConversationAccess access;
	private final Messages messages;

	AgentAssistController(Knowledge knowledge, Articles articles, ConversationAccess access, Messages messages) {
		this.knowledge = knowledge;
		this.articles = articles;
		this.access = access;
		this.messages = messages;
	}

	record FromReply(@Nullable UUID conversationId, @Nullable Long seq) {
	}

	@GetMapping("/api/v1/knowledge/suggestions")
	List<Knowledge.Suggestion> suggestions(@AuthenticationPrincipal StaffCaller caller, @RequestParam String q) {
		return knowledge.suggestions(caller.organizationId(), q, SUGGESTIONS);
	}

	/** A draft FAQ entry from an agent's reply (message {@code seq}) and the customer's message before it. */
	@PostMapping("/api/v1/knowledge/drafts/from-reply")
	@ResponseStatus(HttpStatus.CREATED)
	Article fromReply(@AuthenticationPrincipal StaffCaller caller, @RequestBody FromReply request) {
		if (request.conversationId() == null || request.seq() == null) {
			throw new RequestRejected("invalid-reply", "give the conversationId and the seq of the reply");
		}
		access.readable(caller, request.conversationId());
		List<Message> timeline = messages.after(caller.organizationId(), request.conversationId(), 0, 500);
		Message reply = timeline.stream()
			.filter(m -> m.seq() == request.seq() && m.sender().type() == ParticipantType.AGENT && !m.text().isBlank())
			.findFirst()
			.orElseThrow(() -> new RequestRejected("invalid-reply", "message " + request.seq()
					+ " is not an agent's text reply in this conversation"));
		Optional<Message> question = timeline.stream()
			.filter(m -> m.seq() < reply.seq() && m.sender().type() == ParticipantType.CONTACT && !m.text().isBlank())
			.reduce((first, second) -> second);
		if (question.isEmpty()) {
			throw new RequestRejected("no-question", "the customer asked nothing before this reply");
		}
		String asked = question.get().text().strip();
		asked = Text.cut(asked, ArticleDraft.MAX_TITLE);
		return articles.create(caller, new ArticleDraft(ArticleKind.FAQ, asked, reply.text(), null,
				List.of("from-chat"), List.of(), ArticleStatus.DRAFT, null, null));
	}
}
