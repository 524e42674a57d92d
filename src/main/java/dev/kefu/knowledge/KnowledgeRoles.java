package dev.kefu.knowledge;

import dev.kefu.shared.Permission;
import dev.kefu.shared.StaffCaller;

/**
 * Who changes the knowledge base: {@code kb.edit} writes articles and categories, {@code kb.publish} puts them before
 * customers. Every other staff member reads it and proposes drafts.
 */
final class KnowledgeRoles {

	private KnowledgeRoles() {
	}

	static boolean edits(StaffCaller caller) {
		return caller.may(Permission.KB_EDIT);
	}

	static void requireEditor(StaffCaller caller) {
		caller.require(Permission.KB_EDIT);
	}

	static void requirePublisher(StaffCaller caller) {
		caller.require(Permission.KB_PUBLISH);
	}
}
