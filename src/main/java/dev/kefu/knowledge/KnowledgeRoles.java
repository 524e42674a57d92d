package dev.kefu.knowledge;

import dev.kefu.shared.AccessDenied;
import dev.kefu.shared.Role;
import dev.kefu.shared.StaffCaller;

/** Knowledge editors (and admins) change the knowledge base; every other staff member reads it and proposes drafts. */
final class KnowledgeRoles {

	private KnowledgeRoles() {
	}

	static boolean edits(StaffCaller caller) {
		return caller.has(Role.KB_EDITOR) || caller.has(Role.ADMIN);
	}

	static void requireEditor(StaffCaller caller) {
		if (!edits(caller)) {
			throw new AccessDenied("only knowledge editors may do this");
		}
	}
}
