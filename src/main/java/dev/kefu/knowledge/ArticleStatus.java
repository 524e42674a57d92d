package dev.kefu.knowledge;

/** Only published articles reach customers and the assistant; archived ones are kept for their history. */
public enum ArticleStatus {
	DRAFT, PUBLISHED, ARCHIVED
}
