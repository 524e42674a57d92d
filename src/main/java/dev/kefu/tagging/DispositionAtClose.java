package dev.kefu.tagging;

import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import dev.kefu.conversation.CloseRules;
import dev.kefu.conversation.Conversation;
import dev.kefu.shared.RequestRejected;

/**
 * The disposition rule of a staff member's close: a chosen code must be one agents may choose now, and a group that
 * requires one refuses a close without it ({@code disposition-required}). The code is recorded in the closing
 * transaction, so the report measured after the close sees it.
 */
@Component
class DispositionAtClose implements CloseRules {

	private final DispositionCodes codes;

	DispositionAtClose(DispositionCodes codes) {
		this.codes = codes;
	}

	@Override
	public void closing(Conversation conversation, UUID closedBy, @Nullable UUID dispositionId) {
		UUID organizationId = conversation.organizationId();
		if (dispositionId == null) {
			if (codes.required(organizationId, conversation.groupId())) {
				throw new RequestRejected("disposition-required",
						"this group requires a disposition code at close: choose one from GET /api/v1/dispositions");
			}
			return;
		}
		boolean choosable = codes.find(organizationId, dispositionId).map(Disposition::choosable).orElse(false);
		if (!choosable) {
			throw new RequestRejected("invalid-disposition",
					"disposition " + dispositionId + " is not a code agents may choose (archived, unknown, or it has sub-codes)");
		}
		codes.record(organizationId, conversation.id(), dispositionId, closedBy);
	}
}
