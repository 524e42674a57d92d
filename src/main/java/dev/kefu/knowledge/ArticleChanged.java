package dev.kefu.knowledge;

import java.util.UUID;

/** An article was created, edited, restored or voted on; the search index and the matcher follow it. */
public record ArticleChanged(UUID organizationId, UUID articleId) {
}
